import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analysisContext } from './analysis-context.ts';
import { buildTraces } from './case-traces.ts';
import { at, threeCaseLog } from './log-builder.testing.ts';
import { generateSyntheticLog } from './synthetic-log.ts';
import { throughput } from './throughput.ts';

describe('throughput and work in progress', () => {
  it('counts cases started and ended per London day, with the cases still open', () => {
    const traces = buildTraces(threeCaseLog());
    expect(throughput(traces, analysisContext(traces, { now: at(20) }), 'day')).toEqual({
      period: 'day',
      periods: [{ start: '2026-01-05', started: 3, ended: 2, completed: 2, workInProgress: 1 }],
    });
  });

  it('starts weeks on Monday and keeps work in progress = started − ended so far', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const traces = buildTraces(generateSyntheticLog({ seed, cases: 40, start: '2026-01-07T09:00:00Z', until: '2026-06-01T00:00:00Z' }));
        const report = throughput(traces, analysisContext(traces, { now: '2026-06-01T00:00:00Z' }), 'week');
        let started = 0;
        let ended = 0;
        for (const p of report.periods) {
          expect(new Date(`${p.start}T00:00:00Z`).getUTCDay()).toBe(1);
          started += p.started;
          ended += p.ended;
          expect(p.workInProgress).toBe(started - ended);
        }
        expect(started).toBe(traces.length);
        expect(ended).toBe(traces.filter((t) => t.outcome !== 'open').length);
      }),
      { numRuns: 15 },
    );
  });
});
