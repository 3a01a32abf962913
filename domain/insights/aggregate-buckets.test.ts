import { describe, expect, it } from 'vitest';
import { blockStart, bucketsFor, type DateSpan } from './aggregate-buckets.ts';
import { mulberry32 } from './synthetic-log.ts';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

/** The first day of every row a choice reads, per span, for a check by enumeration. */
function daysRead(choice: ReturnType<typeof bucketsFor>, first: string, end: string): string[] {
  if (choice.span === 'all') return [];
  const covered: string[] = [];
  const inSpan = (span: DateSpan, date: string) => (span.from === undefined || date >= span.from) && (span.to === undefined || date < span.to);
  for (let ms = Date.parse(first); day(ms) < end; ms += DAY_MS) {
    const date = day(ms);
    // A day is read once for each row that holds it: its month row, its block row, or its own row.
    if (choice.months && inSpan(choice.months, `${date.slice(0, 7)}-01`)) covered.push(date);
    if (choice.blocks.some((blocks) => inSpan(blocks, blockStart(date)))) covered.push(date);
    if (choice.days.some((days) => inSpan(days, date))) covered.push(date);
  }
  return covered;
}

describe('bucketsFor', () => {
  it('reads the all-time row when no bound is given', () => {
    expect(bucketsFor({})).toEqual({ span: 'all' });
  });

  it('reads whole months from month rows, whole blocks from block rows and the days left from day rows', () => {
    expect(bucketsFor({ from: '2026-01-15', to: '2026-04-03' })).toEqual({
      span: 'range',
      months: { from: '2026-02-01', to: '2026-04-01' },
      blocks: [{ from: '2026-01-17', to: '2026-02-01' }],
      days: [{ from: '2026-01-15', to: '2026-01-17' }, { from: '2026-04-01', to: '2026-04-03' }],
    });
  });

  it('reads blocks and days for a range inside one month', () => {
    expect(bucketsFor({ from: '2026-03-02', to: '2026-03-20' })).toEqual({
      span: 'range',
      months: null,
      blocks: [{ from: '2026-03-09', to: '2026-03-17' }],
      days: [{ from: '2026-03-02', to: '2026-03-09' }, { from: '2026-03-17', to: '2026-03-20' }],
    });
    expect(bucketsFor({ from: '2026-03-02', to: '2026-03-08' })).toEqual({ span: 'range', months: null, blocks: [], days: [{ from: '2026-03-02', to: '2026-03-08' }] });
  });

  it('ends the last block of a month at its end, however long the month', () => {
    expect(blockStart('2026-02-28')).toBe('2026-02-25');
    expect(blockStart('2026-01-31')).toBe('2026-01-25');
    expect(blockStart('2026-01-24')).toBe('2026-01-17');
    expect(bucketsFor({ from: '2026-02-20', to: '2026-03-01' })).toEqual({ span: 'range', months: null, blocks: [{ from: '2026-02-25', to: '2026-03-01' }], days: [{ from: '2026-02-20', to: '2026-02-25' }] });
  });

  it('cuts a range across a month start that holds no whole month at it', () => {
    expect(bucketsFor({ from: '2026-01-15', to: '2026-02-10' })).toEqual({
      span: 'range',
      months: null,
      blocks: [{ from: '2026-01-17', to: '2026-02-01' }, { from: '2026-02-01', to: '2026-02-09' }],
      days: [{ from: '2026-01-15', to: '2026-01-17' }, { from: '2026-02-09', to: '2026-02-10' }],
    });
  });

  it('needs no block or day rows when both bounds are month starts', () => {
    expect(bucketsFor({ from: '2026-01-01', to: '2026-03-01' })).toEqual({ span: 'range', months: { from: '2026-01-01', to: '2026-03-01' }, blocks: [], days: [] });
  });

  it('leaves the month range open on the side without a bound', () => {
    expect(bucketsFor({ to: '2026-03-10' })).toEqual({ span: 'range', months: { to: '2026-03-01' }, blocks: [{ from: '2026-03-01', to: '2026-03-09' }], days: [{ from: '2026-03-09', to: '2026-03-10' }] });
    expect(bucketsFor({ from: '2026-03-10' })).toEqual({ span: 'range', months: { from: '2026-04-01' }, blocks: [{ from: '2026-03-17', to: '2026-04-01' }], days: [{ from: '2026-03-10', to: '2026-03-17' }] });
  });

  it('reads nothing for an empty or reversed range', () => {
    expect(bucketsFor({ from: '2026-03-10', to: '2026-03-10' })).toEqual({ span: 'range', months: null, blocks: [], days: [] });
    expect(bucketsFor({ from: '2026-03-10', to: '2026-01-10' })).toEqual({ span: 'range', months: null, blocks: [], days: [] });
  });

  it('reads every day of any range exactly once, and no day outside it, with at most 7 days and 3 blocks at each end', () => {
    const random = mulberry32(2026);
    const base = Date.parse('2023-11-01');
    for (let n = 0; n < 3000; n += 1) {
      const from = day(base + Math.floor(random() * 800) * DAY_MS);
      const to = day(Date.parse(from) + Math.floor(random() * 120) * DAY_MS);
      const choice = bucketsFor({ from, to });
      if (choice.span !== 'range') throw new Error('a bounded range');
      const expected: string[] = [];
      for (let ms = Date.parse(from); day(ms) < to; ms += DAY_MS) expected.push(day(ms));
      // Enumerated over a wider window, so a row reaching outside the range would show.
      expect(daysRead(choice, day(Date.parse(from) - 40 * DAY_MS), day(Date.parse(to) + 40 * DAY_MS)), `${from} → ${to}`).toEqual(expected);
      const dayRows = choice.days.reduce((sum, span) => sum + (Date.parse(span.to!) - Date.parse(span.from!)) / DAY_MS, 0);
      expect(dayRows, `${from} → ${to}`).toBeLessThanOrEqual(14);
      expect(choice.blocks.length, `${from} → ${to}`).toBeLessThanOrEqual(2);
    }
  });
});
