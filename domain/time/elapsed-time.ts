// Elapsed ISO 8601 arithmetic in UTC for BPMN timers and retry intervals, so a timer fires at the
// same instant on every machine whatever its time zone (SLAs count on the business calendar instead).
import { isTimeTextError, parseIsoDuration, type IsoDuration } from './iso8601.ts';

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

/** An ISO 8601 duration in milliseconds, for Temporal's options (years and months counted from 1970-01-01). */
export function durationMs(text: string): number | undefined {
  const duration = parseIsoDuration(text);
  return isTimeTextError(duration) ? undefined : Date.parse(addElapsed('1970-01-01T00:00:00.000Z', duration));
}
