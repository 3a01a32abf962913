// How long lies between two instants: elapsed (calendar) time, or only the time on working days.
import { defaultCalendar, londonOffsetMs, type BusinessCalendar } from '../calendar/index.ts';
import type { TimeBasis } from './report.ts';

/** Milliseconds from `a` to `b` (epoch ms); NaN when either end is unknown. */
export type Measure = (a: number, b: number) => number;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Working time as W(b) − W(a), where W(t) is the working time from a fixed London midnight to t:
 * the same sum of per-day overlaps the calendar's `workingTimeBetween` makes, but each day's total
 * is computed once, so a million intervals cost a million lookups rather than a walk over every day.
 */
function workingMeasure(calendar: BusinessCalendar): Measure {
  // London clocks change at 01:00 UTC, so the offset at 00:00 UTC of a date is the one at its local midnight.
  const midnight = (day: number) => day * DAY - londonOffsetMs(day * DAY);
  const days = new Map<number, { start: number; working: boolean; before: number }>();
  let origin: number | undefined;
  const dayOf = (t: number) => {
    let day = Math.floor((t + londonOffsetMs(t)) / DAY);
    if (midnight(day) > t) day -= 1;
    let entry = days.get(day);
    if (entry === undefined) {
      origin ??= day;
      const start = midnight(day);
      entry = { start, working: calendar.isWorkingDay(new Date(start + DAY / 2)), before: calendar.workingTimeBetween(new Date(midnight(origin)), new Date(start)) };
      days.set(day, entry);
    }
    return entry;
  };
  // Days begin and clocks change on whole UTC hours, so every instant of a UTC hour has the same London day.
  const hours = new Map<number, { start: number; working: boolean; before: number }>();
  const upTo = (t: number): number => {
    const hour = Math.floor(t / HOUR);
    let entry = hours.get(hour);
    if (entry === undefined) {
      entry = dayOf(t);
      hours.set(hour, entry);
    }
    return entry.before + (entry.working ? t - entry.start : 0);
  };
  return (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : upTo(b) - upTo(a));
}

export function timeMeasure(time: TimeBasis, calendar: BusinessCalendar = defaultCalendar): Measure {
  return time === 'calendar' ? (a, b) => b - a : workingMeasure(calendar);
}
