// The CI-sized crash and restart run (issue #9.1, #9.7, #15): two dozen cases driven by bot
// caseworkers through the API while workers, the API, Temporal and the PostgreSQL postmaster are each
// killed at least once, spread until the last cases; then Temporal, the projection and the event log
// are compared both ways. The full-size run is `npm run reliability -- --cases 1000` (docs/reliability.md).
import { describe, expect, it } from 'vitest';
import { runCrashRestart } from '../../bench/reliability/crash-restart.ts';

describe('cases under kill -9 of every part of the system', () => {
  it('finishes every case with Temporal, the projection and the event log agreeing and every completion applied exactly once', { timeout: 400_000 }, async () => {
    const figures = await runCrashRestart({
      cases: 24,
      faults: { 'worker-kill': 3, 'api-kill': 1, 'temporal-kill': 1, 'database-crash': 1 },
      minFaultGapMs: 1_500,
      faultsUntil: 0.8,
      timeoutMs: 240_000,
      log: (line) => console.log(`[reliability] ${line}`),
    });
    const v = figures.verification;

    expect(figures.faults).toEqual({ 'worker-kill': 3, 'api-kill': 1, 'temporal-kill': 1, 'database-crash': 1 });
    // The last fault hit while cases were still running, and the database came back through WAL recovery.
    expect(figures.faultLog.at(-1)!.inFlight).toBeGreaterThan(0);
    expect(figures.databaseRecoveries).toBe(1);
    expect(v.problems).toEqual([]);
    expect(v.mismatches).toBe(0);
    expect(figures.cases).toBe(24);
    expect(v.completed).toBe(24);
    expect(figures.starts.acknowledged).toBe(24);
    // Three truths, both ways round.
    expect(v.threeWay.caseWorkflows).toBe(24);
    expect(v.threeWay.caseRows).toBe(24);
    expect(v.threeWay.workflowsWithoutCaseRow).toBe(0);
    expect(v.threeWay.caseRowsWithoutWorkflow).toBe(0);
    expect(v.threeWay.workflowsNotFromAStartKey).toBe(0);
    expect(v.threeWay.openTaskRowsNotOpenInTemporal).toBe(0);
    expect(v.threeWay.openTasksInTemporalWithoutOpenRow).toBe(0);
    expect(v.threeWay.completedRowsWithoutCompletionInHistory).toBe(0);
    expect(v.threeWay.completionsInHistoryWithoutCompletedRow).toBe(0);
    expect(v.threeWay.eventsMissingFromLog + v.threeWay.eventsExtraInLog).toBe(0);
    expect(v.completionsLost).toBe(0);
    expect(v.completionsDuplicated).toBe(0);
    expect(v.completionsUnsettled).toBe(0);
    // Every case logs at least its start, two completed tasks and its end.
    expect(v.eventsCompared).toBeGreaterThan(24 * 10);
    expect(figures.ledger.acknowledged + v.completionsAppliedUnacknowledged).toBe(v.threeWay.completionsInHistory);
  });
});
