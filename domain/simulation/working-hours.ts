// When a team's people are at work: London office hours on the calendar's working days. The
// simulation books each piece of work into these hours, so a 3-hour task picked up at 16:00 on a
// Friday ends at 11:00 on Monday, as it would in the office.
import { defaultCalendar, type BusinessCalendar } from '../calendar/index.ts';
import { fromLondonWallClock, MS_PER_DAY, toLondonWallClock } from '../calendar/london-time.ts';

export interface WorkingHours {
  /** Hours of the London day, e.g. 9 and 17. */
  readonly startHour: number;
  readonly endHour: number;
  readonly calendar: BusinessCalendar;
  /** Work goes on at weekends and on holidays too (a log from a system that never closes). */
  readonly everyDay?: boolean;
}

const MS_PER_HOUR = 3_600_000;

export const officeHours: WorkingHours = { startHour: 9, endHour: 17, calendar: defaultCalendar };
export const roundTheClock: WorkingHours = { startHour: 0, endHour: 24, calendar: defaultCalendar, everyDay: true };

export function isWorkingDayNumber(hours: WorkingHours, day: number): boolean {
  if (hours.everyDay) return true;
  // Noon on the day is safely inside it whatever the offset.
  return hours.calendar.isWorkingDay(new Date(fromLondonWallClock(day, 12 * MS_PER_HOUR)));
}

/** A year without a working day is a calendar nobody can work to. */
const MAX_DAYS_WITHOUT_WORK = 366;

/** The first instant at or after `at` when people are at work. */
export function nextWorkingInstant(hours: WorkingHours, at: number): number {
  if (!Number.isFinite(at)) throw new RangeError(`Not an instant: ${at}.`);
  const { day, msOfDay } = toLondonWallClock(at);
  const opens = hours.startHour * MS_PER_HOUR;
  const closes = hours.endHour * MS_PER_HOUR;
  if (isWorkingDayNumber(hours, day) && msOfDay >= opens && msOfDay < closes) return at;
  let next = isWorkingDayNumber(hours, day) && msOfDay < opens ? day : day + 1;
  while (!isWorkingDayNumber(hours, next)) {
    next += 1;
    if (next - day > MAX_DAYS_WITHOUT_WORK) throw new RangeError('The calendar has no working day in a year.');
  }
  return fromLondonWallClock(next, opens);
}

/** The instant `workMs` of working time after `at` (work pauses outside office hours). */
export function addWorkingTime(hours: WorkingHours, at: number, workMs: number): number {
  if (!Number.isFinite(workMs)) throw new RangeError(`Not a duration: ${workMs}.`);
  let now = nextWorkingInstant(hours, at);
  let left = Math.max(0, workMs);
  const closes = hours.endHour * MS_PER_HOUR;
  for (;;) {
    const { day, msOfDay } = toLondonWallClock(now);
    const untilClose = closes - msOfDay;
    if (left <= untilClose) return now + left;
    left -= untilClose;
    now = nextWorkingInstant(hours, fromLondonWallClock(day, 0) + MS_PER_DAY);
  }
}

/** Working time between two instants, in office hours. */
export function workingTimeBetween(hours: WorkingHours, from: number, to: number): number {
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError(`Not an interval: ${from} to ${to}.`);
  if (to <= from) return 0;
  let total = 0;
  let now = nextWorkingInstant(hours, from);
  const closes = hours.endHour * MS_PER_HOUR;
  while (now < to) {
    const { day, msOfDay } = toLondonWallClock(now);
    const closeAt = now + (closes - msOfDay);
    total += Math.min(closeAt, to) - now;
    now = nextWorkingInstant(hours, fromLondonWallClock(day, 0) + MS_PER_DAY);
  }
  return total;
}

/** Working hours in one working day. */
export function hoursPerDay(hours: WorkingHours): number {
  return hours.endHour - hours.startHour;
}
