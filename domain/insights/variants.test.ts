import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analysisContext } from './analysis-context.ts';
import { buildTraces } from './case-traces.ts';
import { at, HOUR, threeCaseLog } from './log-builder.testing.ts';
import { generateSyntheticLog } from './synthetic-log.ts';
import { variants } from './variants.ts';

describe('variants', () => {
  it('groups cases by their sequence of completed steps', () => {
    const traces = buildTraces(threeCaseLog());
    const report = variants(traces, analysisContext(traces, { now: at(12) }));
    // c1: A,B,A (0 → 13 h); c2: A,B (1 → 8 h = 7 h); c3: A (open, no duration). Ties rank by name.
    const one = (hours: number) => ({ count: 1, mean: hours * HOUR, median: hours * HOUR, p90: hours * HOUR, max: hours * HOUR });
    expect(report).toEqual({
      total: 3,
      casesWithoutActivity: 0,
      variants: [
        { activities: ['Task A'], count: 1, share: 1 / 3, duration: { count: 0, mean: null, median: null, p90: null, max: null } },
        { activities: ['Task A', 'Task B'], count: 1, share: 1 / 3, duration: one(7) },
        { activities: ['Task A', 'Task B', 'Task A'], count: 1, share: 1 / 3, duration: one(13) },
      ],
    });
  });

  it('counts every case with a completed step exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const traces = buildTraces(generateSyntheticLog({ seed, cases: 30, start: '2026-01-05T09:00:00Z', until: '2026-03-01T00:00:00Z' }));
        const report = variants(traces, analysisContext(traces, { now: '2026-03-01T00:00:00Z' }), 10_000);
        expect(report.variants.reduce((sum, v) => sum + v.count, 0) + report.casesWithoutActivity).toBe(traces.length);
        expect(report.variants.reduce((sum, v) => sum + v.share, 0)).toBeCloseTo(report.variants.length === 0 ? 0 : 1, 9);
      }),
      { numRuns: 20 },
    );
  });
});
