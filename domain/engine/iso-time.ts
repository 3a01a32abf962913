// Elapsed ISO 8601 arithmetic in UTC for BPMN timers, so a timer fires at the same instant on
// every machine whatever its time zone (SLAs use the business calendar instead).
import { isDurationError, parseIsoDuration, type IsoDuration } from '../calendar/index.ts';

export function parseDuration(text: string): IsoDuration | undefined {
  const parsed = parseIsoDuration(text);
  return isDurationError(parsed) ? undefined : parsed;
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** `start` plus `duration`: years and months move along the UTC calendar (clamped to the month's end), the rest is elapsed time. */
export function addElapsed(startIso: string, duration: IsoDuration): string {
  const start = new Date(startIso);
  const monthIndex = start.getUTCMonth() + duration.months + 12 * duration.years;
  const year = start.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const day = Math.min(start.getUTCDate(), daysInMonth(year, month));
  const moved = Date.UTC(year, month, day, start.getUTCHours(), start.getUTCMinutes(), start.getUTCSeconds(), start.getUTCMilliseconds());
  const days = duration.weeks * 7 + duration.days;
  const ms = ((days * 24 + duration.hours) * 60 + duration.minutes) * 60_000 + Math.round(duration.seconds * 1000);
  return new Date(moved + ms).toISOString();
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO date or date-time as a UTC instant; dates and zone-less times are read as UTC, not local time. */
export function toInstant(text: string): string | undefined {
  const trimmed = text.trim();
  let normalised: string | undefined;
  if (DATE_ONLY.test(trimmed)) normalised = `${trimmed}T00:00:00Z`;
  else if (LOCAL_DATE_TIME.test(trimmed)) normalised = `${trimmed}Z`;
  else if (ZONED_DATE_TIME.test(trimmed)) normalised = trimmed;
  if (normalised === undefined) return undefined;
  const ms = new Date(normalised).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** An ISO 8601 duration in milliseconds, for Temporal's options (years and months counted from 1970-01-01). */
export function durationMs(text: string): number | undefined {
  const duration = parseDuration(text);
  return duration ? Date.parse(addElapsed('1970-01-01T00:00:00.000Z', duration)) : undefined;
}
