import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantile, summarise } from './duration-stats.ts';
import { parseInstant } from './iso-instant.ts';

describe('duration statistics', () => {
  it('interpolates percentiles linearly, as numpy does by default', () => {
    // numpy.percentile([1, 2, 3, 4], 90) = 3.7: h = 3 × 0.9 = 2.7 → 3 + 0.7 × (4 − 3)
    expect(quantile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([5], 0.9)).toBe(5);
  });

  it('summarises samples and ignores unfinished (NaN) ones', () => {
    expect(summarise([4, Number.NaN, 1, 3, 2])).toEqual({ count: 4, mean: 2.5, median: 2.5, p90: expect.closeTo(3.7, 12), max: 4 });
    expect(summarise([])).toEqual({ count: 0, mean: null, median: null, p90: null, max: null });
  });

  it('keeps median ≤ p90 ≤ max and the mean within the range', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1 }), (values) => {
        const s = summarise(values);
        expect(s.median!).toBeLessThanOrEqual(s.p90!);
        expect(s.p90!).toBeLessThanOrEqual(s.max!);
        expect(s.mean!).toBeGreaterThanOrEqual(Math.min(...values) - 1e-6);
        expect(s.mean!).toBeLessThanOrEqual(s.max! + 1e-6);
      }),
    );
  });

  it('reads instants exactly as Date.parse does', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('1990-01-01'), max: Date.parse('2090-01-01') }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(parseInstant(iso)).toBe(ms);
        expect(parseInstant(iso.replace(/\.\d{3}Z$/, 'Z'))).toBe(Date.parse(iso.replace(/\.\d{3}Z$/, 'Z')));
      }),
    );
    expect(parseInstant('2026-03-29T02:30:00+01:00')).toBe(Date.parse('2026-03-29T02:30:00+01:00'));
    expect(parseInstant('not a date')).toBeNaN();
  });
});
