// Which rows of the insight aggregates answer a range of case-start days: whole months from the
// month rows, whole blocks of a month (its days 1–8, 9–16, 17–24 and 25 to its end) from the block
// rows, and the days left at either end from the day rows. A range read that way takes at most
// 7 days and 3 blocks at each end besides its months, instead of up to 30 days at each end.

/** A half-open range of dates (YYYY-MM-DD), either end open. */
export interface DateSpan {
  from?: string;
  to?: string;
}

export type BucketChoice = { span: 'all' } | { span: 'range'; months: DateSpan | null; blocks: DateSpan[]; days: DateSpan[] };

/** Days in each of a month's first three blocks; the fourth runs from day 25 to the month's end. */
export const BLOCK_DAYS = 8;
const BLOCKS_PER_MONTH = 4;

const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
function nextMonth(date: string): string {
  const d = new Date(`${monthStart(date)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}
const dayOfMonth = (date: string, day: number) => `${date.slice(0, 8)}${String(day).padStart(2, '0')}`;

/** The first day of the block a date is in (storage/insight-rollup.ts computes the same in SQL). */
export function blockStart(date: string): string {
  const block = Math.min(BLOCKS_PER_MONTH - 1, Math.floor((Number(date.slice(8, 10)) - 1) / BLOCK_DAYS));
  return dayOfMonth(date, 1 + block * BLOCK_DAYS);
}

/** [from, to) within one month, as the whole blocks inside it and the days before and after them. */
function withinMonth(from: string, to: string, blocks: DateSpan[], days: DateSpan[]): void {
  const bounds = [...Array.from({ length: BLOCKS_PER_MONTH }, (_, block) => dayOfMonth(from, 1 + block * BLOCK_DAYS)), nextMonth(from)];
  const first = bounds.find((bound) => bound >= from)!;
  const last = bounds.filter((bound) => bound <= to).at(-1);
  if (last === undefined || first >= last) {
    days.push({ from, to });
    return;
  }
  if (from < first) days.push({ from, to: first });
  blocks.push({ from: first, to: last });
  if (last < to) days.push({ from: last, to });
}

/** [from, to) cut at month starts (the range holds no whole month). */
function partialMonths(from: string, to: string, blocks: DateSpan[], days: DateSpan[]): void {
  for (let start = from; start < to; start = nextMonth(start)) withinMonth(start, nextMonth(start) < to ? nextMonth(start) : to, blocks, days);
}

/**
 * Cases started on the days [from, to) (UTC dates, YYYY-MM-DD) as month rows for the whole months
 * inside, block rows for the whole blocks of the months at either end, and day rows for the rest; no
 * bound at all is the single all-time row.
 */
export function bucketsFor({ from, to }: DateSpan): BucketChoice {
  if (from === undefined && to === undefined) return { span: 'all' };
  const blocks: DateSpan[] = [];
  const days: DateSpan[] = [];
  if (from !== undefined && to !== undefined && from >= to) return { span: 'range', months: null, blocks, days };
  const firstWhole = from === undefined ? undefined : from === monthStart(from) ? from : nextMonth(from);
  const endWhole = to === undefined ? undefined : monthStart(to);
  if (firstWhole !== undefined && endWhole !== undefined && firstWhole >= endWhole) {
    partialMonths(from!, to!, blocks, days);
    return { span: 'range', months: null, blocks, days };
  }
  if (from !== undefined && from !== firstWhole) partialMonths(from, firstWhole!, blocks, days);
  if (to !== undefined && to !== endWhole) partialMonths(endWhole!, to, blocks, days);
  const months: DateSpan = {};
  if (firstWhole !== undefined) months.from = firstWhole;
  if (endWhole !== undefined) months.to = endWhole;
  return { span: 'range', months, blocks, days };
}
