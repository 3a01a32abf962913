import { describe, expect, it } from 'vitest';
import { bucketsFor } from './aggregate-buckets.ts';

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
