// Working-day deadlines for casework: SLAs such as "10 working days" or "5 working days before the
// ERS date" count Monday to Friday in London, less bank holidays. Pure: every instant is an
// argument, so the Temporal workflow, the API and the browser all compute the same deadline.
import { isTimeTextError, parseIsoDuration, type IsoDuration } from '../time/iso8601.ts';
import {
  addMonthsToDay,
  dayOfIsoDate,
  fromLondonWallClock,
  toLondonWallClock,
  weekdayOf,
} from './london-time.ts';

export type CalendarMode = 'working-days' | 'calendar-days';

export interface BusinessCalendarOptions {
  /** Non-working dates as ISO dates (YYYY-MM-DD), in London. */
  readonly holidays?: readonly string[];
  readonly timeZone?: 'Europe/London';
}

export interface BusinessCalendar {
  readonly timeZone: 'Europe/London';
  readonly holidays: readonly string[];
  /** Monday to Friday in London and not a holiday. */
  isWorkingDay(date: Date): boolean;
  /**
   * The deadline `isoDuration` after `start`. In working-days mode weeks count as five working days
   * and days as working days, keeping the time of day; a start on a non-working day counts from
   * the beginning (00:00) of the next working day; years and months move along the calendar and
   * then on to a working day. In both modes hours, minutes and seconds are elapsed time.
   * Throws a RangeError when the duration is not ISO 8601: check it first with parseIsoDuration.
   */
  addDuration(start: Date, isoDuration: string | IsoDuration, mode: CalendarMode): Date;
  /** The same time of day `n` working days earlier (a Saturday's first working day before is Friday). */
  subtractWorkingDays(date: Date, n: number): Date;
  /**
   * Working days from `a` to `b` counted as London dates in [a, b): on a Monday with a deadline on
   * Thursday, 3 working days are left; negative when `b` is before `a`.
   */
  workingDaysBetween(a: Date, b: Date): number;
  /** Elapsed milliseconds from `a` to `b` that fall on working days; negative when `b` is before `a`. */
  workingTimeBetween(a: Date, b: Date): number;
}

function instantOf(date: Date, argument: string): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${argument} is not a valid date.`);
  return ms;
}

function wholeNumber(n: number, argument: string): number {
  if (!Number.isInteger(n)) throw new RangeError(`${argument} must be a whole number of days, not ${n}.`);
  return n;
}

export function createBusinessCalendar(options: BusinessCalendarOptions = {}): BusinessCalendar {
  const holidays = [...(options.holidays ?? [])].sort();
  const holidayDays = new Set<number>();
  for (const holiday of holidays) {
    const day = dayOfIsoDate(holiday);
    if (day === undefined) throw new RangeError(`Holiday "${holiday}" is not an ISO date such as 2025-12-25.`);
    holidayDays.add(day);
  }

  const isWorkingDayNumber = (day: number): boolean => {
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6 && !holidayDays.has(day);
  };

  const nextWorkingDay = (day: number): number => {
    let next = day;
    while (!isWorkingDayNumber(next)) next += 1;
    return next;
  };

  // Steps n working days away from `day`; the day itself never counts.
  const stepWorkingDays = (day: number, n: number): number => {
    const direction = n < 0 ? -1 : 1;
    let current = day;
    for (let remaining = Math.abs(n); remaining > 0; ) {
      current += direction;
      if (isWorkingDayNumber(current)) remaining -= 1;
    }
    return current;
  };

  const countWorkingDays = (fromDay: number, toDay: number): number => {
    let count = 0;
    for (let day = fromDay; day < toDay; day += 1) if (isWorkingDayNumber(day)) count += 1;
    return count;
  };

  const workingTime = (from: number, to: number): number => {
    let total = 0;
    const lastDay = toLondonWallClock(to).day;
    for (let day = toLondonWallClock(from).day; day <= lastDay; day += 1) {
      if (!isWorkingDayNumber(day)) continue;
      const dayStart = fromLondonWallClock(day, 0);
      const dayEnd = fromLondonWallClock(day + 1, 0);
      total += Math.max(0, Math.min(to, dayEnd) - Math.max(from, dayStart));
    }
    return total;
  };

  return {
    timeZone: 'Europe/London',
    holidays,

    isWorkingDay(date) {
      return isWorkingDayNumber(toLondonWallClock(instantOf(date, 'The date')).day);
    },

    addDuration(start, isoDuration, mode) {
      const parsed = typeof isoDuration === 'string' ? parseIsoDuration(isoDuration) : isoDuration;
      if (isTimeTextError(parsed)) throw new RangeError(parsed.message);
      let { day, msOfDay } = toLondonWallClock(instantOf(start, 'The start'));
      const months = parsed.years * 12 + parsed.months;
      if (mode === 'working-days') {
        if (!isWorkingDayNumber(day)) {
          day = nextWorkingDay(day);
          msOfDay = 0;
        }
        if (months !== 0) day = nextWorkingDay(addMonthsToDay(day, months));
        day = stepWorkingDays(day, parsed.weeks * 5 + parsed.days);
      } else {
        day = addMonthsToDay(day, months) + parsed.weeks * 7 + parsed.days;
      }
      const elapsed = ((parsed.hours * 60 + parsed.minutes) * 60) * 1000 + Math.round(parsed.seconds * 1000);
      return new Date(fromLondonWallClock(day, msOfDay) + elapsed);
    },

    subtractWorkingDays(date, n) {
      const { day, msOfDay } = toLondonWallClock(instantOf(date, 'The date'));
      return new Date(fromLondonWallClock(stepWorkingDays(day, -wholeNumber(n, 'The number of working days')), msOfDay));
    },

    workingDaysBetween(a, b) {
      const dayA = toLondonWallClock(instantOf(a, 'The first date')).day;
      const dayB = toLondonWallClock(instantOf(b, 'The second date')).day;
      return dayA <= dayB ? countWorkingDays(dayA, dayB) : 0 - countWorkingDays(dayB, dayA);
    },

    workingTimeBetween(a, b) {
      const from = instantOf(a, 'The first date');
      const to = instantOf(b, 'The second date');
      return from <= to ? workingTime(from, to) : 0 - workingTime(to, from);
    },
  };
}
