// Which rows of the insight aggregates answer a range of case-start days: whole months from the month rows, the days at either end from the day rows.

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
