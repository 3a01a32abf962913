import { describe, expect, it } from 'vitest';
import { analysisContext } from './analysis-context.ts';
import { atRisk, medianRemaining } from './at-risk.ts';
import { buildTraces } from './case-traces.ts';
import { at, HOUR, threeCaseLog } from './log-builder.testing.ts';

describe('cases at risk of missing a deadline', () => {
  it('predicts the median remaining time of work of the same age', () => {
    // samples 3, 7, 10: after 6 h only 7 and 10 remain → median 8.5 − 6 = 2.5
    expect(medianRemaining(Float64Array.of(3, 7, 10), 6)).toBe(2.5);
    expect(medianRemaining(Float64Array.of(3, 7, 10), 10)).toBeNaN();
  });

  it('flags the open step and the case deadlines that will be missed at the current pace', () => {
    const traces = buildTraces(threeCaseLog());
    const items = atRisk(traces, analysisContext(traces, { now: at(12) }));
    // Task B in c3: ready 6, now 12 → 6 h old; B's history [3, 7] → only 7 is longer → 1 h left →
    //   predicted 13 h > due 9 h (late 4 h, already overdue).
    // Case c3: 10 h old; completed cases took [7, 13] → 3 h left → predicted 15 h.
    //   ERS date 14 h → late 1 h; removal at 84 h → 72-hour point 12 h → late 3 h, not yet overdue (now = 12).
    expect(items).toEqual([
      { caseId: 'c3', scope: 'task', deadline: at(9), deadlineName: 'Deadline of "Task B"', nodeId: 'B', taskId: 't2', name: 'Task B', team: 'b', predictedAt: at(13), lateByMs: 4 * HOUR, alreadyOverdue: true, basis: 'history' },
      { caseId: 'c3', scope: 'case', deadline: at(12), deadlineName: '72-hour point before removal', predictedAt: at(15), lateByMs: 3 * HOUR, alreadyOverdue: false, basis: 'history' },
      { caseId: 'c3', scope: 'case', deadline: at(14), deadlineName: 'Early Removal Scheme date', predictedAt: at(15), lateByMs: HOUR, alreadyOverdue: false, basis: 'history' },
    ]);
  });

  it('reads configurable deadline fields and a step that must be done by then', () => {
    const traces = buildTraces(threeCaseLog());
    // "B by the ERS date": c1 did B 10 h after its start, c2 7 h → c3 (10 h old) has only 10 ≤ 10 → no history → predicted now
    const items = atRisk(traces, analysisContext(traces, { now: at(12) }), [{ field: 'ersDate', name: 'Decision before ERS', offsetMs: -2 * HOUR, untilNodeId: 'B' }]);
    expect(items.filter((i) => i.scope === 'case')).toEqual([]);
    const late = atRisk(traces, analysisContext(traces, { now: at(12.5) }), [{ field: 'ersDate', name: 'Decision before ERS', offsetMs: -2 * HOUR, untilNodeId: 'B' }]);
    expect(late.filter((i) => i.scope === 'case')).toEqual([
      { caseId: 'c3', scope: 'case', deadline: at(12), deadlineName: 'Decision before ERS', nodeId: 'B', name: 'Task B', predictedAt: at(12.5), lateByMs: 0.5 * HOUR, alreadyOverdue: true, basis: 'no-history' },
    ]);
  });
});
