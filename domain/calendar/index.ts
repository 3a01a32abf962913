// The business calendar: ISO 8601 durations, working days in England and Wales, London time.
import { createBusinessCalendar } from './business-calendar.ts';
import { englandAndWalesBankHolidays } from './england-and-wales-bank-holidays.ts';

export {
  createBusinessCalendar,
  type BusinessCalendar,
  type BusinessCalendarOptions,
  type CalendarMode,
} from './business-calendar.ts';
// Durations are read by domain/time, the one ISO 8601 reader; re-exported because addDuration takes them.
export {
  isTimeTextError as isDurationError,
  parseIsoDuration,
  type DurationError,
  type IsoDuration,
} from '../time/iso8601.ts';
export {
  ENGLAND_AND_WALES_BANK_HOLIDAYS_FIRST_YEAR,
  ENGLAND_AND_WALES_BANK_HOLIDAYS_LAST_YEAR,
  englandAndWalesBankHolidayList,
  englandAndWalesBankHolidays,
  type BankHoliday,
} from './england-and-wales-bank-holidays.ts';
export { londonOffsetMs } from './london-time.ts';

/** Working days in England and Wales (2024–2032 holidays), counted on London dates. */
export const defaultCalendar = createBusinessCalendar({ holidays: englandAndWalesBankHolidays, timeZone: 'Europe/London' });
