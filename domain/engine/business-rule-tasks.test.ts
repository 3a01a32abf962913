import { describe, expect, it } from 'vitest';
import { dmnXml, type LiteralSpec, type TableSpec } from '../dmn/dmn-xml.testing.ts';
import { readDmn } from '../dmn/read-dmn.ts';
import type { ProcessIR } from '../process/ir.ts';
import { Driver } from './engine-driver.testing.ts';
import { ir, team } from './ir-builder.testing.ts';

const eligibility: TableSpec = {
  id: 'ers',
  name: 'ERS eligibility',
  hitPolicy: 'UNIQUE',
  inputs: ['sentenceMonths', 'deportationOrder'],
  outputs: ['eligible'],
  rules: [
    ['>= 12', 'true', 'true'],
    ['< 12', '-', 'false'],
  ],
};

async function withDecisions(process: ProcessIR, specs: Array<TableSpec | LiteralSpec>): Promise<ProcessIR> {
  const read = await readDmn(dmnXml(specs));
  if (!read.ok) throw new Error(read.error.message);
  return { ...process, decisions: [read.value] };
}

const deciding = (decisionId = 'ers', boundary = false) => {
  const builder = ir()
    .node('s', 'startEvent').node('decide', 'businessRuleTask', { name: 'Check ERS eligibility', decision: { decisionId, resultVariable: 'ersEligible' } })
    .node('a', 'userTask', { owner: team('A') }).node('e', 'endEvent')
    .seq('s', 'decide', 'a', 'e');
  if (boundary) builder.node('b', 'boundaryEvent', { attachedTo: 'decide', cancelActivity: true, trigger: { type: 'error', errorCode: 'no-rule-matched' } }).node('fix', 'userTask', { owner: team('A') }).seq('b', 'fix');
  return builder.build();
};

describe('business rule tasks', () => {
  it('stores the decision output in the result variable and moves on', async () => {
    const run = new Driver(await withDecisions(deciding(), [eligibility]), { sentenceMonths: 30, deportationOrder: true });
    expect(run.state.data.ersEligible).toBe(true);
    expect(run.waitingAt()).toEqual(['a']);
  });

  it('records the decision, the rules that matched and the output as a case event', async () => {
    const run = new Driver(await withDecisions(deciding(), [eligibility]), { sentenceMonths: 6, deportationOrder: true });
    expect(run.events('decision-evaluated')).toEqual([
      { kind: 'decision-evaluated', nodeId: 'decide', decisionId: 'ers', decisionName: 'ERS eligibility', resultVariable: 'ersEligible', matchedRules: [{ ruleId: 'ers-rule-2', index: 2 }], output: false, required: [] },
    ]);
  });

  it('evaluates required decisions first and records them with the decision', async () => {
    const graph = await withDecisions(deciding('band'), [
      { id: 'months', name: 'Months', expression: 'sentenceYears * 12' },
      { id: 'band', name: 'Band', inputs: ['Months'], outputs: ['band'], rules: [['< 12', '"short"'], ['>= 12', '"long"']], requires: ['months'] },
    ]);
    const run = new Driver(graph, { sentenceYears: 2 });
    expect(run.state.data.ersEligible).toBe('long');
    expect(run.events('decision-evaluated')[0]).toMatchObject({ decisionId: 'band', required: [{ decisionId: 'months', output: 24 }] });
  });

  it('fails the case naming the decision when no rule matches under UNIQUE and nothing catches it', async () => {
    const run = new Driver(await withDecisions(deciding(), [eligibility]), { sentenceMonths: 30, deportationOrder: false });
    expect(run.state.status).toBe('failed');
    expect(run.state.failure).toMatchObject({ nodeId: 'decide' });
    expect(run.state.failure?.reason).toMatch(/no-rule-matched.*ERS eligibility/);
  });

  it('lets an error boundary on the step catch a decision that cannot decide', async () => {
    const run = new Driver(await withDecisions(deciding('ers', true), [eligibility]), { sentenceMonths: 30, deportationOrder: false });
    expect(run.state.status).toBe('running');
    expect(run.waitingAt()).toEqual(['fix']);
    expect(run.events('error-raised')).toEqual([{ kind: 'error-raised', nodeId: 'decide', errorCode: 'no-rule-matched', caught: true }]);
  });

  it('raises decision-missing when the version carries no such decision', async () => {
    const run = new Driver(deciding('nowhere'), {});
    expect(run.state.failure?.reason).toMatch(/decision-missing/);
  });
});
