import { describe, expect, it } from 'vitest';
import { addMonthsToDay, dayOfIsoDate, fromLondonWallClock, isoDateOfDay, londonOffsetMs, toLondonWallClock, weekdayOf } from './london-time.ts';

const HOUR = 3_600_000;
const at = (iso: string): number => new Date(iso).getTime();

describe('londonOffsetMs', () => {
  it.each([
    ['2025-01-15T12:00:00Z', 0],
    ['2025-03-30T00:59:59Z', 0],
    ['2025-03-30T01:00:00Z', HOUR],
    ['2025-07-01T12:00:00Z', HOUR],
    ['2025-10-26T00:59:59Z', HOUR],
    ['2025-10-26T01:00:00Z', 0],
    ['2026-03-29T01:00:00Z', HOUR],
    ['2026-03-28T23:00:00Z', 0],
    ['2026-10-25T00:30:00Z', HOUR],
    ['2026-10-25T01:30:00Z', 0],
    ['2032-03-28T01:00:00Z', HOUR],
    ['2032-10-31T01:00:00Z', 0],
  ])('gives London at %s an offset of %i ms', (iso, offset) => {
    expect(londonOffsetMs(at(iso))).toBe(offset);
  });
});

describe('London wall clock', () => {
  it('puts 23:30 UTC on a summer Sunday on the Monday in London', () => {
    const clock = toLondonWallClock(at('2025-06-01T23:30:00Z'));
    expect(isoDateOfDay(clock.day)).toBe('2025-06-02');
    expect(clock.msOfDay).toBe(30 * 60_000);
    expect(weekdayOf(clock.day)).toBe(1);
  });

  it.each([
    ['a winter noon', '2025-01-15', 12, '2025-01-15T12:00:00.000Z'],
    ['a summer noon', '2025-07-01', 12, '2025-07-01T11:00:00.000Z'],
    ['the hour skipped in March, moving it forward', '2025-03-30', 1.5, '2025-03-30T01:30:00.000Z'],
    ['the hour repeated in October, taking the earlier', '2025-10-26', 1.5, '2025-10-26T00:30:00.000Z'],
    ['02:00 after the October change', '2025-10-26', 2, '2025-10-26T02:00:00.000Z'],
    ['midnight on the day summer time starts', '2025-03-30', 0, '2025-03-30T00:00:00.000Z'],
    ['midnight on the day after summer time starts', '2025-03-31', 0, '2025-03-30T23:00:00.000Z'],
  ])('turns %s into the right instant', (_label, date, hours, expected) => {
    const day = dayOfIsoDate(date) ?? Number.NaN;
    expect(new Date(fromLondonWallClock(day, hours * HOUR)).toISOString()).toBe(expected);
  });

  it('rejects dates that do not exist', () => {
    expect(dayOfIsoDate('2025-02-29')).toBeUndefined();
    expect(dayOfIsoDate('2025-13-01')).toBeUndefined();
    expect(dayOfIsoDate('25/12/2025')).toBeUndefined();
    expect(dayOfIsoDate('2024-02-29')).toBeDefined();
  });

  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-05-15', 12, '2026-05-15'],
    ['2025-03-31', -1, '2025-02-28'],
  ])('moves %s by %i months to %s', (date, months, expected) => {
    expect(isoDateOfDay(addMonthsToDay(dayOfIsoDate(date) ?? Number.NaN, months))).toBe(expected);
  });
});
