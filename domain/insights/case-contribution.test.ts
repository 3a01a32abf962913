import { describe, expect, it } from 'vitest';
import type { CaseLogEvent } from '../events/case-log-event.ts';
import { analyseTraces } from './analyse.ts';
import { buildTraces } from './case-traces.ts';
import { caseContribution } from './case-contribution.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 9, 31, 23, minute)).toISOString();

/** A case that starts on 31 October, completes refer (fno-returns), decide (escorting), refer again (rework) and decide again. */
function reworkedCase(): CaseLogEvent[] {
  const events: CaseLogEvent[] = [{ id: 'c:1', caseId: 'c', kind: 'case-started', at: at(0), data: { definitionId: 'd', version: 1, workflowId: 'w', data: {} } }];
  const steps = [['Task_refer', 'Refer', 'fno-returns'], ['Task_decide', 'Decide', 'escorting'], ['Task_refer', 'Refer', 'fno-returns'], ['Task_decide', 'Decide', 'escorting']] as const;
  steps.forEach(([nodeId, name, team], i) => {
    events.push({ id: `c:${2 + 2 * i}`, caseId: 'c', kind: 'task-ready', at: at(1 + 10 * i), nodeId, taskId: `t${i}`, task: { name, team, form: [], priority: 0 }, data: {} });
    events.push({ id: `c:${3 + 2 * i}`, caseId: 'c', kind: 'task-completed', at: at(1 + 10 * i + 3 + i), nodeId, taskId: `t${i}`, team, data: {} });
  });
  events.push({ id: 'c:10', caseId: 'c', kind: 'case-completed', at: at(59), data: { data: {} } });
  return events;
}

describe('caseContribution', () => {
  it("counts a case's edges, rework and steps as the report does, under the day it started", () => {
    const [trace] = buildTraces(reworkedCase());
    const folded = caseContribution(trace!);
    expect(folded).toMatchObject({ day: '2026-10-31', durationMs: 59 * 60_000, variant: 'Refer\u001fDecide\u001fRefer\u001fDecide', steps: 4, repeats: 2 });
    const all = folded.edges.filter((e) => e.team === '');
    const report = analyseTraces([trace!], { now: at(59) });
    expect(all.map((e) => [e.from, e.to, e.occurrences, e.sum / e.occurrences, e.max]).sort()).toEqual(
      report.directlyFollows.edges.map((e) => [e.from, e.to, e.count, e.duration.mean, e.duration.max]).sort(),
    );
    // The loop back into refer, and the repeat of decide after it, as `rework` counts them.
    expect(all.filter((e) => e.loops > 0).map((e) => [e.from, e.to, e.loops, e.loopCases]).sort()).toEqual(
      report.rework.loops.map((l) => [l.from, l.to, l.count, l.cases]).sort(),
    );
    expect(folded.activities.filter((a) => a.team === '')).toEqual([
      { team: '', activity: 'Task_refer', completions: 2, starts: 1, ends: 0, cases: 1, casesRepeated: 1 },
      { team: '', activity: 'Task_decide', completions: 2, starts: 0, ends: 1, cases: 1, casesRepeated: 1 },
    ]);
  });

  it("gives a team's rows from that team's completions alone, so its pairs skip the other team's steps", () => {
    const [trace] = buildTraces(reworkedCase());
    const folded = caseContribution(trace!);
    expect(folded.edges.filter((e) => e.team === 'fno-returns').map((e) => [e.from, e.to, e.occurrences, e.sum, e.loops])).toEqual([['Task_refer', 'Task_refer', 1, 22 * 60_000, 1]]);
    expect(folded.activities.filter((a) => a.team === 'escorting').map((a) => [a.activity, a.completions, a.starts, a.ends])).toEqual([['Task_decide', 2, 1, 1]]);
  });

  it('gives a case that completed no step no variant and no edge', () => {
    const [trace] = buildTraces([
      { id: 'e:1', caseId: 'e', kind: 'case-started', at: at(0), data: { definitionId: 'd', version: 1, workflowId: 'w', data: {} } },
      { id: 'e:2', caseId: 'e', kind: 'case-cancelled', at: at(5), data: { reason: 'withdrawn' } },
    ]);
    expect(caseContribution(trace!)).toMatchObject({ variant: null, steps: 0, repeats: 0, edges: [], activities: [], durationMs: 5 * 60_000 });
  });
});
