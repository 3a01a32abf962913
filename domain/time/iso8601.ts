// The one reader of ISO 8601 time text: durations, dates and date-times, and repeating intervals,
// as timers, SLAs, handoff SLAs, watchdogs, retry intervals and the business calendar write them.
// The compiler, the checks, the engine and the calendar all read through it, so a value that
// deploys is a value that runs. Pure: no clock and no host time zone (zone-less times are UTC).
//
// Durations are read here by hand because no dependency reads Camunda 8's grammar: date-fns formats
// ISO durations but has no parser; feelin's duration() is FEEL's grammar (no weeks, negatives);
// Temporal.Duration.from (only feelin's dependency, not ours) takes lower case, negatives and
// fractional hours. Dates are checked against the calendar with date-fns.
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';

export interface IsoDuration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

/** `date` 2026-01-31 (midnight UTC); `local` 2026-01-31T09:00 (read as UTC); `zoned` with Z or ±HH:MM. */
export type DateTimeForm = 'date' | 'local' | 'zoned';

export interface IsoDateTime {
  /** The instant as `toISOString()` writes it. */
  readonly instant: string;
  readonly form: DateTimeForm;
}

export interface IsoCycle {
  /** How many firings in all; null for an unbounded cycle (R/P1D). */
  readonly repetitions: number | null;
  readonly interval: IsoDuration;
  /** The interval as written, kept in timer state so each re-arm reads the same text. */
  readonly intervalText: string;
  readonly start?: IsoDateTime;
  /** Read and checked, not enforced: a cycle stops after its repetitions. */
  readonly end?: IsoDateTime;
}

type Refusal<Code extends string> = { readonly code: Code; readonly input: string; readonly message: string };

export type DurationError = Refusal<'empty-duration' | 'malformed-duration' | 'negative-duration' | 'fractional-duration'>;
export type DateTimeError = Refusal<'empty-date-time' | 'malformed-date-time' | 'impossible-date-time'>;
export type CycleError = Refusal<'malformed-cycle' | 'zero-repetitions'>;
export type TimeTextError = DurationError | DateTimeError | CycleError;
export type TimeTextErrorCode = TimeTextError['code'];

export function isTimeTextError<T extends object>(value: T | TimeTextError): value is TimeTextError {
  return 'code' in value;
}

// Longer text is no timer a designer wrote; the limits also bound the work done on hostile input.
const MAX_DURATION = 64;
const MAX_DATE_TIME = 64;
const MAX_CYCLE = 160;

const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
const FRACTION_ANYWHERE = /^P[\dYMWDTHS]*\d[.,]\d/;
const DURATION_EXAMPLES = 'e.g. P10D for ten days, PT4H for four hours or P1DT12H';

export function parseIsoDuration(text: string): IsoDuration | DurationError {
  const input = text.trim();
  const refuse = (code: DurationError['code'], message: string): DurationError => ({ code, input: text, message });
  if (input === '') return refuse('empty-duration', `The duration is empty: write an ISO 8601 duration, ${DURATION_EXAMPLES}.`);
  if (input.startsWith('-')) return refuse('negative-duration', `"${text}" is negative: a deadline can only be after its start, ${DURATION_EXAMPLES}.`);
  const match = input.length > MAX_DURATION ? null : DURATION.exec(input);
  const hasComponent = match !== null && match.slice(1).some((part) => part !== undefined);
  if (!match || !hasComponent || input.endsWith('T')) {
    if (FRACTION_ANYWHERE.test(input)) {
      return refuse('fractional-duration', `"${text}" has a fraction in a unit other than seconds: write whole units instead (PT90M rather than PT1.5H).`);
    }
    return refuse('malformed-duration', `"${text}" is not an ISO 8601 duration: ${DURATION_EXAMPLES}.`);
  }
  const whole = (part: string | undefined): number => (part === undefined ? 0 : Number(part));
  return {
    years: whole(match[1]),
    months: whole(match[2]),
    weeks: whole(match[3]),
    days: whole(match[4]),
    hours: whole(match[5]),
    minutes: whole(match[6]),
    seconds: match[7] === undefined ? 0 : Number(match[7].replace(',', '.')),
  };
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const DATE_TIME_EXAMPLES = 'write it like 2026-01-31, 2026-01-31T09:00:00Z or 2026-01-31T09:00:00+01:00';

export function parseIsoDateTime(text: string): IsoDateTime | DateTimeError {
  const input = text.trim();
  const refuse = (code: DateTimeError['code'], message: string): DateTimeError => ({ code, input: text, message });
  if (input === '') return refuse('empty-date-time', `The date is empty: ${DATE_TIME_EXAMPLES}.`);
  const match = input.length > MAX_DATE_TIME ? null : DATE_TIME.exec(input);
  if (!match) return refuse('malformed-date-time', `"${text}" is not an ISO 8601 date or date-time: ${DATE_TIME_EXAMPLES}.`);
  const form: DateTimeForm = input.length === 10 ? 'date' : match[2] === undefined ? 'local' : 'zoned';
  // Zone-less text is read as UTC so every worker, browser and sandbox gets the same instant.
  const utc = form === 'date' ? `${input}T00:00:00Z` : form === 'local' ? `${input}Z` : input;
  const ms = isValid(parseISO(input)) ? new Date(utc).getTime() : Number.NaN;
  if (Number.isNaN(ms)) return refuse('impossible-date-time', `"${text}" is not a real date and time: check the day of the month, the hour and the offset.`);
  return { instant: new Date(ms).toISOString(), form };
}

const CYCLE_EXAMPLES = 'write it like R3/PT1H (three times, hourly), R/P1D (daily) or R/2026-01-31T09:00:00Z/P1D';

/** `R[n]/duration`, `R[n]/start/duration` or `R[n]/duration/end`. */
export function parseIsoCycle(text: string): IsoCycle | CycleError {
  const input = text.trim();
  const malformed = (why: string): CycleError => ({ code: 'malformed-cycle', input: text, message: `"${text}" is not an ISO 8601 repeating interval${why}: ${CYCLE_EXAMPLES}.` });
  if (input.length > MAX_CYCLE || /\s/.test(input)) return malformed('');
  const [head = '', first, second, ...rest] = input.split('/');
  const count = /^R(\d*)$/.exec(head);
  if (!count || first === undefined || rest.length > 0) return malformed('');
  const repetitions = count[1] === '' || count[1] === undefined ? null : Number(count[1]);
  if (repetitions === 0) return { code: 'zero-repetitions', input: text, message: `"${text}" repeats zero times, so it never fires: ${CYCLE_EXAMPLES}.` };
  const startsWithDate = second !== undefined && !first.startsWith('P');
  const intervalText = startsWithDate ? second : first;
  const interval = parseIsoDuration(intervalText);
  if (isTimeTextError(interval)) return malformed(` (its interval: ${interval.message.replace(/\.$/, '')})`);
  if (second === undefined) return { repetitions, interval, intervalText };
  const bound = parseIsoDateTime(startsWithDate ? first : second);
  if (isTimeTextError(bound)) return malformed(` (its ${startsWithDate ? 'start' : 'end'}: ${bound.message.replace(/\.$/, '')})`);
  return startsWithDate ? { repetitions, interval, intervalText, start: bound } : { repetitions, interval, intervalText, end: bound };
}

export const isIsoDuration = (text: string): boolean => !isTimeTextError(parseIsoDuration(text));
export const isIsoDateTime = (text: string): boolean => !isTimeTextError(parseIsoDateTime(text));
export const isIsoCycle = (text: string): boolean => !isTimeTextError(parseIsoCycle(text));

/** The UTC instant of an ISO date or date-time; undefined when it is not one. */
export function isoInstant(text: string): string | undefined {
  const read = parseIsoDateTime(text);
  return isTimeTextError(read) ? undefined : read.instant;
}
