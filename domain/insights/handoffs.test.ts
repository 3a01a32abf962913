import { describe, expect, it } from 'vitest';
import { analysisContext } from './analysis-context.ts';
import { buildTraces } from './case-traces.ts';
import { handoffStatistics } from './handoffs.ts';
import { at, caseLog, HOUR, threeCaseLog } from './log-builder.testing.ts';

describe('handoffs between teams', () => {
  it('counts handoffs and the delay until the receiving team claimed', () => {
    const traces = buildTraces(threeCaseLog());
    const handoffs = handoffStatistics(traces, analysisContext(traces, { now: at(12) }));
    // a→b: c1 at 3 claimed 7 (4 h), c2 at 5 claimed 6 (1 h), c3 at 6 not yet; b→a: c1 at 10 claimed 11 (1 h).
    // The first ownership of c1 (no previous team) is not a handoff.
    expect(handoffs).toEqual([
      { fromTeam: 'a', toTeam: 'b', count: 3, accepted: 2, overdue: 0, delay: { count: 2, mean: 2.5 * HOUR, median: 2.5 * HOUR, p90: expect.closeTo(3.7 * HOUR, 3), max: 4 * HOUR } },
      { fromTeam: 'b', toTeam: 'a', count: 1, accepted: 1, overdue: 0, delay: { count: 1, mean: HOUR, median: HOUR, p90: HOUR, max: HOUR } },
    ]);
  });

  it('takes a handoff-accepted as the pick-up and counts overdue handoffs', () => {
    const log = caseLog('c1').start(0)
      .task('A', 'Task A', { team: 'a', ready: 0, claimed: 0, completed: 1 })
      .task('B', 'Task B', { team: 'b', from: 'a', ready: 1 })
      .event('handoff-overdue', 3, { nodeId: 'B', taskId: 't2', team: 'b' })
      .event('handoff-accepted', 5, { taskId: 't2', team: 'b' }).events;
    const traces = buildTraces(log);
    expect(handoffStatistics(traces, analysisContext(traces, { now: at(6) }))).toEqual([
      { fromTeam: 'a', toTeam: 'b', count: 1, accepted: 1, overdue: 1, delay: { count: 1, mean: 4 * HOUR, median: 4 * HOUR, p90: 4 * HOUR, max: 4 * HOUR } },
    ]);
  });
});
