import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from './business-calendar.ts';
import { defaultCalendar } from './index.ts';

const at = (iso: string): Date => new Date(iso);
const iso = (date: Date): string => date.toISOString();

describe('isWorkingDay', () => {
  it.each([
    ['a Wednesday', '2025-12-24T12:00:00Z', true],
    ['Christmas Day', '2025-12-25T12:00:00Z', false],
    ['a Boxing Day substitute', '2026-12-28T09:00:00Z', false],
    ['a Saturday', '2025-12-20T12:00:00Z', false],
    ['a summer Monday at 00:30 in London (still Sunday in UTC)', '2025-06-01T23:30:00Z', true],
    ['a summer Saturday at 00:30 in London (still Friday in UTC)', '2025-06-06T23:30:00Z', false],
  ])('says whether %s is a working day', (_label, date, expected) => {
    expect(defaultCalendar.isWorkingDay(at(date))).toBe(expected);
  });

  it('treats every weekday as working when no holidays are given', () => {
    expect(createBusinessCalendar().isWorkingDay(at('2025-12-25T12:00:00Z'))).toBe(true);
  });

  it('refuses a holiday that is not an ISO date', () => {
    expect(() => createBusinessCalendar({ holidays: ['25/12/2025'] })).toThrow(/"25\/12\/2025" is not an ISO date/);
  });
});

describe('addDuration', () => {
  it.each([
    ['10 working days from Thursday 18 Dec 2025 skip Christmas, Boxing Day and New Year', '2025-12-18T10:00:00Z', 'P10D', 'working-days', '2026-01-06T10:00:00.000Z'],
    ['1 working day from a Friday is the Monday', '2025-12-19T16:00:00Z', 'P1D', 'working-days', '2025-12-22T16:00:00.000Z'],
    ['a start on a Saturday counts from Monday morning', '2025-12-20T15:00:00Z', 'P1D', 'working-days', '2025-12-23T00:00:00.000Z'],
    ['a start on a bank holiday counts from the next working day', '2026-04-03T11:00:00Z', 'P1D', 'working-days', '2026-04-07T23:00:00.000Z'],
    ['0 working days from a Sunday is Monday morning', '2025-12-21T15:00:00Z', 'P0D', 'working-days', '2025-12-22T00:00:00.000Z'],
    ['hours are elapsed time after the working days', '2025-12-19T16:00:00Z', 'P1DT2H', 'working-days', '2025-12-22T18:00:00.000Z'],
    ['hours alone from a Saturday start on Monday', '2025-12-20T15:00:00Z', 'PT4H', 'working-days', '2025-12-22T04:00:00.000Z'],
    ['hours alone on a Friday evening run into the weekend', '2025-12-19T22:00:00Z', 'PT4H', 'working-days', '2025-12-20T02:00:00.000Z'],
    ['a week of working days is five of them', '2026-01-05T09:00:00Z', 'P2W', 'working-days', '2026-01-19T09:00:00.000Z'],
    ['a month of working days lands on the next working day', '2026-01-30T09:00:00Z', 'P1M', 'working-days', '2026-03-02T09:00:00.000Z'],
    ['working days keep 09:00 in London across the start of summer time', '2026-03-27T09:00:00Z', 'P1D', 'working-days', '2026-03-30T08:00:00.000Z'],
    ['working days keep 09:00 in London across the end of summer time', '2026-10-23T08:00:00Z', 'P1D', 'working-days', '2026-10-26T09:00:00.000Z'],
    ['a calendar day keeps noon in London across the start of summer time', '2026-03-28T12:00:00Z', 'P1D', 'calendar-days', '2026-03-29T11:00:00.000Z'],
    ['24 hours are 24 elapsed hours across the start of summer time', '2026-03-28T12:00:00Z', 'PT24H', 'calendar-days', '2026-03-29T12:00:00.000Z'],
    ['calendar days count weekends and holidays', '2025-12-18T10:00:00Z', 'P10D', 'calendar-days', '2025-12-28T10:00:00.000Z'],
    ['a calendar month from 31 January ends on 28 February', '2025-01-31T10:00:00Z', 'P1M', 'calendar-days', '2025-02-28T10:00:00.000Z'],
    ['a calendar week is seven days', '2025-12-18T10:00:00Z', 'P1W', 'calendar-days', '2025-12-25T10:00:00.000Z'],
    ['fractions of a second are kept', '2025-12-18T10:00:00Z', 'PT0.25S', 'calendar-days', '2025-12-18T10:00:00.250Z'],
  ] as const)('%s', (_label, start, duration, mode, expected) => {
    expect(iso(defaultCalendar.addDuration(at(start), duration, mode))).toBe(expected);
  });

  it.each(['10 working days', 'P1.5D', '-P1D', ''])('throws a RangeError naming the invalid duration %j', (duration) => {
    expect(() => defaultCalendar.addDuration(at('2025-12-18T10:00:00Z'), duration, 'working-days')).toThrow(RangeError);
  });

  it('throws a RangeError for an invalid start date', () => {
    expect(() => defaultCalendar.addDuration(new Date(Number.NaN), 'P1D', 'calendar-days')).toThrow(/start is not a valid date/);
  });

  it('accepts an already parsed duration', () => {
    const duration = { years: 0, months: 0, weeks: 0, days: 2, hours: 0, minutes: 0, seconds: 0 };
    expect(iso(defaultCalendar.addDuration(at('2025-12-23T10:00:00Z'), duration, 'working-days'))).toBe('2025-12-29T10:00:00.000Z');
  });
});

describe('subtractWorkingDays', () => {
  it.each([
    ['10 working days before an ERS date of Monday 12 Jan 2026 is Christmas Eve', '2026-01-12T00:00:00Z', 10, '2025-12-24T00:00:00.000Z'],
    ['1 working day before a Saturday is the Friday', '2025-06-07T08:00:00Z', 1, '2025-06-06T08:00:00.000Z'],
    ['1 working day before a Monday is the Friday', '2025-12-22T10:00:00Z', 1, '2025-12-19T10:00:00.000Z'],
    ['5 working days before a date in summer time keep the London time of day across the change', '2026-04-02T08:00:00Z', 5, '2026-03-26T09:00:00.000Z'],
    ['0 working days before a date is the date itself', '2025-12-25T10:00:00Z', 0, '2025-12-25T10:00:00.000Z'],
  ])('%s', (_label, date, n, expected) => {
    expect(iso(defaultCalendar.subtractWorkingDays(at(date), n))).toBe(expected);
  });

  it('refuses part of a working day', () => {
    expect(() => defaultCalendar.subtractWorkingDays(at('2025-12-22T10:00:00Z'), 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['Monday to Thursday leaves 3 working days', '2025-12-01T09:00:00Z', '2025-12-04T17:00:00Z', 3],
    ['Thursday back to Monday is 3 working days overdue', '2025-12-04T09:00:00Z', '2025-12-01T09:00:00Z', -3],
    ['the same day leaves none', '2025-12-01T09:00:00Z', '2025-12-01T17:00:00Z', 0],
    ['Christmas Eve to the Monday after leaves only Christmas Eve', '2025-12-24T09:00:00Z', '2025-12-29T09:00:00Z', 1],
    ['Saturday to Monday leaves none', '2025-12-20T09:00:00Z', '2025-12-22T09:00:00Z', 0],
    ['London dates decide, not UTC dates', '2025-06-01T23:30:00Z', '2025-06-03T12:00:00Z', 1],
  ])('%s', (_label, a, b, expected) => {
    expect(defaultCalendar.workingDaysBetween(at(a), at(b))).toBe(expected);
  });
});

describe('workingTimeBetween', () => {
  const HOUR = 3_600_000;
  it.each([
    ['Friday noon to Monday noon is 24 working hours', '2025-12-19T12:00:00Z', '2025-12-22T12:00:00Z', 24 * HOUR],
    ['Christmas Eve noon to the next Monday noon skips the holidays and the weekend', '2025-12-24T12:00:00Z', '2025-12-29T12:00:00Z', 24 * HOUR],
    ['a span inside one working day is all working time', '2025-12-22T09:00:00Z', '2025-12-22T17:30:00Z', 8.5 * HOUR],
    ['a span inside a weekend is none', '2025-12-20T09:00:00Z', '2025-12-21T17:00:00Z', 0],
    ['a span backwards is negative', '2025-12-22T12:00:00Z', '2025-12-19T12:00:00Z', -24 * HOUR],
    ['a week across the start of summer time counts five days and the first London hour of Monday', '2026-03-23T00:00:00Z', '2026-03-30T00:00:00Z', 121 * HOUR],
    ['Good Friday is not working time', '2026-04-02T12:00:00Z', '2026-04-06T23:00:00Z', 11 * HOUR],
  ])('%s', (_label, a, b, expected) => {
    expect(defaultCalendar.workingTimeBetween(at(a), at(b))).toBe(expected);
  });
});

describe('calendar invariants', () => {
  const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2032, 10, 1) }).map((ms) => new Date(ms));

  it('counts back exactly the working days it adds', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), (start, n) => {
        const deadline = defaultCalendar.addDuration(start, `P${n}D`, 'working-days');
        expect(defaultCalendar.workingDaysBetween(start, deadline)).toBe(n);
        if (n > 0) expect(defaultCalendar.isWorkingDay(deadline)).toBe(true);
      }),
    );
  });

  it('leaves exactly n working days after subtracting n', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), (date, n) => {
        const earlier = defaultCalendar.subtractWorkingDays(date, n);
        expect(defaultCalendar.workingDaysBetween(earlier, date)).toBe(n);
        expect(defaultCalendar.workingDaysBetween(date, earlier)).toBe(0 - n);
      }),
    );
  });

  it('never counts more working time than elapsed time', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const working = defaultCalendar.workingTimeBetween(a, b);
        expect(Math.abs(working)).toBeLessThanOrEqual(Math.abs(b.getTime() - a.getTime()));
        expect(working).toBe(0 - defaultCalendar.workingTimeBetween(b, a));
      }),
    );
  });
});
