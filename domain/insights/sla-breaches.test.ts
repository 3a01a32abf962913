import { describe, expect, it } from 'vitest';
import { analysisContext } from './analysis-context.ts';
import { buildTraces } from './case-traces.ts';
import { at, threeCaseLog } from './log-builder.testing.ts';
import { slaBreaches } from './sla-breaches.ts';

describe('SLA breaches', () => {
  it('rates breaches per step and team: logged, completed late or open past the deadline', () => {
    const traces = buildTraces(threeCaseLog());
    const report = slaBreaches(traces, analysisContext(traces, { now: at(12) }));
    // A: 4 tasks all on time. B: c1 done at 10 (due 8, breach logged) late; c2 done 8 (due 12) on time;
    // c3 open at 12 (due 9) late → 2 of 3. Overall 2 of 7.
    expect(report.overall).toEqual({ tasks: 7, withDeadline: 7, breached: 2, rate: 2 / 7 });
    expect(report.byElement).toEqual([
      { nodeId: 'B', name: 'Task B', tasks: 3, withDeadline: 3, breached: 2, rate: 2 / 3 },
      { nodeId: 'A', name: 'Task A', tasks: 4, withDeadline: 4, breached: 0, rate: 0 },
    ]);
    expect(report.byTeam).toEqual([
      { team: 'b', tasks: 3, withDeadline: 3, breached: 2, rate: 2 / 3 },
      { team: 'a', tasks: 4, withDeadline: 4, breached: 0, rate: 0 },
    ]);
  });

  it('does not count an open task as breached before its deadline', () => {
    const traces = buildTraces(threeCaseLog());
    // at 8.5 h c3's B (due 9) is not yet late; c1's B is
    expect(slaBreaches(traces, analysisContext(traces, { now: at(8.5) })).byElement[0]).toMatchObject({ nodeId: 'B', breached: 1 });
  });
});
