// The CI-sized crash and restart run (issue #9.1, #9.7): two dozen cases driven by bot caseworkers
// through the API while workers, the API, Temporal and PostgreSQL are each killed at least once.
// The full-size run is `npm run reliability -- --cases 1000` (docs/reliability.md).
import { describe, expect, it } from 'vitest';
import { runCrashRestart } from '../../bench/reliability/crash-restart.ts';

describe('cases under kill -9 of every part of the system', () => {
  it('finishes every case with an event log equal to its history and every completion applied exactly once', { timeout: 400_000 }, async () => {
    const figures = await runCrashRestart({
      cases: 24,
      faults: { 'worker-kill': 3, 'api-kill': 1, 'temporal-kill': 1, 'database-crash': 1 },
      faultGapMs: [1_500, 3_000],
      timeoutMs: 240_000,
      log: (line) => console.log(`[reliability] ${line}`),
    });

    expect(figures.faults).toEqual({ 'worker-kill': 3, 'api-kill': 1, 'temporal-kill': 1, 'database-crash': 1 });
    expect(figures.verification.problems).toEqual([]);
    expect(figures.verification.mismatches).toBe(0);
    expect(figures.cases).toBe(24);
    expect(figures.verification.completed).toBe(24);
    // Every case logs at least its start, two completed tasks and its end.
    expect(figures.verification.eventsCompared).toBeGreaterThan(24 * 10);
    expect(figures.ledger.acknowledged).toBeGreaterThanOrEqual(24 * 2);
  });
});
