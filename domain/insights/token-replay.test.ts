import { describe, expect, it } from 'vitest';
import { compile } from '../compile/compile.ts';
import type { ProcessIR } from '../process/ir.ts';
import type { ProcessTree } from './discovery/process-tree.ts';
import { processTreeToBpmnXml } from './discovery/process-tree-bpmn.ts';
import { petriNetOf } from './petri-net.ts';
import { caseLog } from './log-builder.testing.ts';
import { replayLog, replayTraces } from './token-replay.ts';

const a = (name: string): ProcessTree => ({ kind: 'activity', name });
/** a, then b or c, then d and e in either order, then f. */
const tree: ProcessTree = { kind: 'sequence', children: [a('a'), { kind: 'xor', children: [a('b'), a('c')] }, { kind: 'parallel', children: [a('d'), a('e')] }, a('f')] };

async function model(): Promise<ProcessIR> {
  const { ir } = await compile(processTreeToBpmnXml(tree));
  if (!ir) throw new Error('the model does not compile');
  return ir;
}

async function replay(...traces: string[]) {
  const ir = await model();
  const names = new Map(ir.nodes.map((n) => [n.id, n.name ?? n.id]));
  return replayTraces(traces.map((t) => ({ steps: t.split(' ').map((name) => ({ nodeId: name, name })) })), petriNetOf(ir), names);
}

const element = (report: Awaited<ReturnType<typeof replay>>, name: string) => report.elements.find((e) => e.name === name)!;

describe('token-based replay', () => {
  it('replays cases the model allows with fitness 1 and no token missing or left', async () => {
    const report = await replay('a b d e f', 'a c e d f');
    expect(report).toMatchObject({ cases: 2, fittingCases: 2, fitness: 1, meanCaseFitness: 1, tokens: { missing: 0, remaining: 0 } });
    expect(element(report, 'd')).toMatchObject({ executions: 2, forced: 0, skipped: 0, fitness: 1 });
  });

  it('counts a skipped step as tokens left waiting before it (move on model) and the step after it as forced (move on log)', async () => {
    const report = await replay('a b d f');
    expect(report.fittingCases).toBe(0);
    // e's token is left; f, which the reduction merged with the join, lacks e's.
    expect(report.tokens).toMatchObject({ missing: 1, remaining: 1 });
    expect(element(report, 'e')).toMatchObject({ executions: 0, skipped: 1, fitness: 0 });
    expect(element(report, 'f')).toMatchObject({ executions: 1, forced: 1, fitness: 0 });
    expect(element(report, 'd')).toMatchObject({ forced: 0, skipped: 0 });
    // PM4Py's formula: ½(1 − m/c) + ½(1 − r/p).
    const { produced, consumed, missing, remaining } = report.tokens;
    expect(report.fitness).toBeCloseTo(0.5 * (1 - missing / consumed) + 0.5 * (1 - remaining / produced), 12);
    expect(report.fitness).toBeLessThan(1);
  });

  it('forces a step taken before the model allows it and counts steps the model lacks apart', async () => {
    const report = await replay('a d b e f', 'a x b d e f');
    expect(element(report, 'd').forced).toBe(1);
    expect(report.notInModel).toEqual([{ activity: 'x', occurrences: 1, cases: 1 }]);
    // Like PM4Py's default, a step the model lacks is reported apart and does not unfit the tokens of its case.
    expect(report.fittingCases).toBe(1);
  });

  it('builds the net PM4Py builds: after reduction a choice is one place, a parallel split one silent transition and the join part of the step after it', async () => {
    const net = petriNetOf(await model());
    const named = (label: string) => net.transitions.find((t) => t.label === label)!;
    expect(net.transitions.filter((t) => t.label !== undefined).map((t) => t.label).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(named('b').inputs).toEqual(named('c').inputs);
    const silent = net.transitions.filter((t) => t.label === undefined);
    expect(silent).toHaveLength(1);
    expect(silent[0]!.outputs.sort()).toEqual([...named('d').inputs, ...named('e').inputs].sort());
    expect(named('f').inputs.sort()).toEqual([...named('d').outputs, ...named('e').outputs].sort());
    expect(named('a').inputs).toEqual([net.source]);
    expect(named('f').outputs).toEqual([net.sink]);
  });

  it('replays a case log by the names of its completed steps and leaves out a case with none yet', async () => {
    const ir = await model();
    const done = caseLog('c1').start(0);
    for (const [k, name] of ['a', 'b', 'd', 'e', 'f'].entries()) done.task(name, name, { team: 'x', ready: k, completed: k + 1 });
    const open = caseLog('c2').start(0).task('a', 'a', { team: 'x', ready: 1 });
    const report = replayLog([...done.events, ...open.events], ir);
    expect(report).toMatchObject({ cases: 1, fittingCases: 1, fitness: 1 });
  });
});
