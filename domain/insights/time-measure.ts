// How long lies between two instants: elapsed (calendar) time, or only the time on working days.
import { defaultCalendar, type BusinessCalendar } from '../calendar/index.ts';
import type { TimeBasis } from './report.ts';

/** Milliseconds from `a` to `b` (epoch ms); NaN when either end is unknown. */
export type Measure = (a: number, b: number) => number;

export function timeMeasure(time: TimeBasis, calendar: BusinessCalendar = defaultCalendar): Measure {
  if (time === 'calendar') return (a, b) => b - a;
  // Working time: only the hours of London working days (Monday–Friday, not a bank holiday) count.
  return (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : calendar.workingTimeBetween(new Date(a), new Date(b)));
}
