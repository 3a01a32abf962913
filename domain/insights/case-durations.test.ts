import { describe, expect, it } from 'vitest';
import { analysisContext } from './analysis-context.ts';
import { buildTraces } from './case-traces.ts';
import { caseDurations } from './case-durations.ts';
import { at, HOUR, threeCaseLog } from './log-builder.testing.ts';

describe('case durations', () => {
  it('summarises ended cases and bins them from zero to the longest', () => {
    const traces = buildTraces(threeCaseLog());
    // c1 13 h, c2 7 h, c3 open → mean 10 h, p90 7 + 0.9 × 6 = 12.4 h; two bins of 6.5 h: both in the second
    const report = caseDurations(traces, analysisContext(traces, { now: at(12) }), 2);
    expect(report).toEqual({
      duration: { count: 2, mean: 10 * HOUR, median: 10 * HOUR, p90: expect.closeTo(12.4 * HOUR, 3), max: 13 * HOUR },
      bins: [{ from: 0, to: 6.5 * HOUR, count: 0 }, { from: 6.5 * HOUR, to: 13 * HOUR, count: 2 }],
    });
  });
});
