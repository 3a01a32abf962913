import { describe, expect, it } from 'vitest';
import { bucketsFor, partialMonthRow } from './aggregate-buckets.ts';

describe('bucketsFor', () => {
  it('reads the all-time row when no bound is given', () => {
    expect(bucketsFor({})).toEqual({ span: 'all' });
  });

  it('reads whole months from month rows and the days at each end from day rows', () => {
    expect(bucketsFor({ from: '2026-01-15', to: '2026-04-03' })).toEqual({
      span: 'range',
      months: { from: '2026-02-01', to: '2026-04-01' },
      days: [{ from: '2026-01-15', to: '2026-02-01' }, { from: '2026-04-01', to: '2026-04-03' }],
    });
  });

  it('reads only day rows for a range inside one month', () => {
    expect(bucketsFor({ from: '2026-03-02', to: '2026-03-20' })).toEqual({ span: 'range', months: null, days: [{ from: '2026-03-02', to: '2026-03-20' }] });
  });

  it('needs no day rows when both bounds are month starts', () => {
    expect(bucketsFor({ from: '2026-01-01', to: '2026-03-01' })).toEqual({ span: 'range', months: { from: '2026-01-01', to: '2026-03-01' }, days: [] });
  });

  it('leaves the month range open on the side without a bound', () => {
    expect(bucketsFor({ to: '2026-03-10' })).toEqual({ span: 'range', months: { to: '2026-03-01' }, days: [{ from: '2026-03-01', to: '2026-03-10' }] });
    expect(bucketsFor({ from: '2026-03-10' })).toEqual({ span: 'range', months: { from: '2026-04-01' }, days: [{ from: '2026-03-10', to: '2026-04-01' }] });
  });

  it('reads nothing for an empty or reversed range', () => {
    expect(bucketsFor({ from: '2026-03-10', to: '2026-03-10' })).toEqual({ span: 'range', months: null, days: [] });
  });
});

describe('partialMonthRow', () => {
  it("names a month's tail by its first day and its head by its last day", () => {
    expect(partialMonthRow({ from: '2026-01-15', to: '2026-02-01' })).toEqual({ span: 'to-month-end', bucket: '2026-01-15' });
    expect(partialMonthRow({ from: '2026-07-01', to: '2026-07-10' })).toEqual({ span: 'from-month-start', bucket: '2026-07-09' });
    // A whole month is a tail from its first day; a head to the 1st is the 1st alone.
    expect(partialMonthRow({ from: '2026-02-01', to: '2026-03-01' })).toEqual({ span: 'to-month-end', bucket: '2026-02-01' });
    expect(partialMonthRow({ from: '2026-02-01', to: '2026-02-02' })).toEqual({ span: 'from-month-start', bucket: '2026-02-01' });
    // Across the year's end and a leap day.
    expect(partialMonthRow({ from: '2025-12-31', to: '2026-01-01' })).toEqual({ span: 'to-month-end', bucket: '2025-12-31' });
    expect(partialMonthRow({ from: '2028-02-01', to: '2028-02-29' })).toEqual({ span: 'from-month-start', bucket: '2028-02-28' });
  });

  it('has no row for days in the middle of a month, across months, or an open or empty span', () => {
    expect(partialMonthRow({ from: '2026-03-02', to: '2026-03-20' })).toBeUndefined();
    expect(partialMonthRow({ from: '2026-03-01', to: '2026-04-02' })).toBeUndefined();
    expect(partialMonthRow({ from: '2026-03-10' })).toBeUndefined();
    expect(partialMonthRow({ from: '2026-03-10', to: '2026-03-10' })).toBeUndefined();
  });

  it('covers every day range at the ends of a range that bucketsFor splits, where one exists', () => {
    // The ends bucketsFor gives across months are always a tail and a head.
    const choice = bucketsFor({ from: '2026-01-15', to: '2026-04-03' });
    expect(choice.span === 'range' && choice.days.map(partialMonthRow)).toEqual([
      { span: 'to-month-end', bucket: '2026-01-15' },
      { span: 'from-month-start', bucket: '2026-04-02' },
    ]);
  });
});
