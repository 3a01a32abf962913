// Which rows of the insight aggregates answer a range of case-start days: whole months from the month rows, the days at either end from the day rows, or, where a source keeps them, from one row that sums a month's tail or head.

/** A half-open range of dates (YYYY-MM-DD), either end open. */
export interface DateSpan {
  from?: string;
  to?: string;
}

export type BucketChoice = { span: 'all' } | { span: 'range'; months: DateSpan | null; days: DateSpan[] };

const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
function nextMonth(date: string): string {
  const d = new Date(`${monthStart(date)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Cases started on the days [from, to) (UTC dates, YYYY-MM-DD) as month rows for the whole months inside and day
 * rows for the rest; no bound at all is the single all-time row.
 */
export function bucketsFor({ from, to }: DateSpan): BucketChoice {
  if (from === undefined && to === undefined) return { span: 'all' };
  if (from !== undefined && to !== undefined && from >= to) return { span: 'range', months: null, days: [] };
  const firstWhole = from === undefined ? undefined : from === monthStart(from) ? from : nextMonth(from);
  const endWhole = to === undefined ? undefined : monthStart(to);
  if (firstWhole !== undefined && endWhole !== undefined && firstWhole >= endWhole) return { span: 'range', months: null, days: [{ from: from!, to: to! }] };
  const days: DateSpan[] = [];
  if (from !== undefined && from !== firstWhole) days.push({ from, to: firstWhole! });
  if (to !== undefined && to !== endWhole) days.push({ from: endWhole!, to });
  const months: DateSpan = {};
  if (firstWhole !== undefined) months.from = firstWhole;
  if (endWhole !== undefined) months.to = endWhole;
  return { span: 'range', months, days };
}

/**
 * The one row that sums the days of `days` when they are a month's tail (from a day to the month's
 * end) or its head (from the month's start to a day), as a kept log's graph keeps them
 * (storage/insight-rollup.ts): `to-month-end` at the first day, `from-month-start` at the last.
 * Undefined for days in the middle of a month, which are read from the day rows.
 */
export function partialMonthRow({ from, to }: DateSpan): { span: 'to-month-end' | 'from-month-start'; bucket: string } | undefined {
  if (from === undefined || to === undefined || from >= to) return undefined;
  if (to === nextMonth(from)) return { span: 'to-month-end', bucket: from };
  const last = dayBefore(to);
  if (from === monthStart(from) && monthStart(last) === from) return { span: 'from-month-start', bucket: last };
  return undefined;
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
