// Europe/London wall-clock arithmetic without a time-zone database: the UK follows the EU rule
// (British Summer Time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
// of October, exact since 1996). date-fns would work in the host's own zone, which differs between
// a worker, a browser and the Temporal sandbox, so days are counted here on London dates instead.

export const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

/** A London calendar date as a count of days since 1970-01-01, plus the time of day there. */
export interface LondonWallClock {
  readonly day: number;
  readonly msOfDay: number;
}

function lastSundayAtOneUtc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  const date = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, monthIndex, date, 1, 0, 0);
}

/** The offset of London from UTC at an instant: one hour in summer time, none in winter. */
export function londonOffsetMs(instantMs: number): number {
  const year = new Date(instantMs).getUTCFullYear();
  const summerStarts = lastSundayAtOneUtc(year, 2);
  const summerEnds = lastSundayAtOneUtc(year, 9);
  return instantMs >= summerStarts && instantMs < summerEnds ? MS_PER_HOUR : 0;
}

export function toLondonWallClock(instantMs: number): LondonWallClock {
  const local = instantMs + londonOffsetMs(instantMs);
  const day = Math.floor(local / MS_PER_DAY);
  return { day, msOfDay: local - day * MS_PER_DAY };
}

/**
 * The instant a London wall-clock time names. In the October hour that happens twice the earlier
 * (summer-time) instant wins; a time skipped in March moves forward by the hour skipped, as
 * Temporal's 'compatible' disambiguation does.
 */
export function fromLondonWallClock(day: number, msOfDay: number): number {
  const local = day * MS_PER_DAY + msOfDay;
  const summer = local - MS_PER_HOUR;
  if (londonOffsetMs(summer) === MS_PER_HOUR) return summer;
  return local;
}

/** 0 is Sunday, 6 is Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of an ISO calendar date (YYYY-MM-DD), or undefined when it is not a real date. */
export function dayOfIsoDate(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, date);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return undefined;
  return ms / MS_PER_DAY;
}

export function isoDateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Adds calendar months to a day, keeping the date of the month or clamping to the month's last day. */
export function addMonthsToDay(day: number, months: number): number {
  const date = new Date(day * MS_PER_DAY);
  const monthIndex = date.getUTCMonth() + months;
  const year = date.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), daysInMonth)) / MS_PER_DAY;
}
