// Timer arithmetic: durations added in UTC, and durations as milliseconds for Temporal options.
import { describe, expect, it } from 'vitest';
import { addElapsed, durationMs } from './elapsed-time.ts';

describe('ISO 8601 durations in milliseconds', () => {
  it.each([
    ['PT30S', 30_000],
    ['PT10M', 600_000],
    ['P1DT2H', 26 * 3_600_000],
    ['PT0.5S', 500],
  ])('reads %s as %i ms', (text, ms) => {
    expect(durationMs(text)).toBe(ms);
  });

  it('reads nothing from text that is not a duration', () => {
    expect(durationMs('30 seconds')).toBeUndefined();
  });
});

describe('elapsed time in UTC', () => {
  const days = (n: number) => ({ years: 0, months: 0, weeks: 0, days: n, hours: 0, minutes: 0, seconds: 0 });

  it('moves months along the UTC calendar, clamped to the end of a shorter month', () => {
    expect(addElapsed('2026-01-31T09:00:00.000Z', { ...days(0), months: 1 })).toBe('2026-02-28T09:00:00.000Z');
    expect(addElapsed('2024-02-29T09:00:00.000Z', { ...days(0), years: 1 })).toBe('2025-02-28T09:00:00.000Z');
  });

  it('counts days and weeks as elapsed time, whatever the clocks in London do', () => {
    expect(addElapsed('2026-03-28T12:00:00.000Z', { ...days(1), weeks: 1 })).toBe('2026-04-05T12:00:00.000Z');
  });
});
