import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultCalendar } from '../calendar/index.ts';
import { timeMeasure } from './time-measure.ts';

describe('time measures', () => {
  it('counts Friday noon to Monday noon as one working day, and Christmas not at all', () => {
    const working = timeMeasure('working');
    expect(working(Date.parse('2026-01-09T12:00:00Z'), Date.parse('2026-01-12T12:00:00Z'))).toBe(24 * 3_600_000);
    expect(working(Date.parse('2026-12-24T23:00:00Z'), Date.parse('2026-12-27T00:00:00Z'))).toBe(3_600_000);
    expect(timeMeasure('calendar')(0, 5)).toBe(5);
  });

  it('equals the business calendar’s working time for any pair, across clock changes', () => {
    const lo = Date.parse('2025-01-01T00:00:00Z');
    const hi = Date.parse('2027-12-31T00:00:00Z');
    const working = timeMeasure('working');
    fc.assert(
      fc.property(fc.integer({ min: lo, max: hi }), fc.integer({ min: lo, max: hi }), (a, b) => {
        expect(working(a, b)).toBe(defaultCalendar.workingTimeBetween(new Date(a), new Date(b)));
      }),
      { numRuns: 300 },
    );
    // exactly at London midnights around the March and October changes
    for (const iso of ['2026-03-28T00:00:00Z', '2026-03-29T00:00:00Z', '2026-03-30T23:00:00Z', '2026-10-24T23:00:00Z', '2026-10-25T23:59:59Z', '2026-10-26T00:00:00Z']) {
      const t = Date.parse(iso);
      expect(working(lo, t)).toBe(defaultCalendar.workingTimeBetween(new Date(lo), new Date(t)));
    }
  });
});
