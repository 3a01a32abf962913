// What a BPMN timer may say in Casemap: an ISO 8601 duration (timeDuration), an ISO 8601
// date-time with its offset (timeDate), an ISO 8601 repeating interval (timeCycle), or a FEEL
// expression (`=…`) computing one of them.
import { isTimeTextError, parseIsoCycle, parseIsoDateTime, parseIsoDuration } from '../../time/iso8601.ts';
import { feelSyntaxProblem } from './feel.ts';

export type TimerKind = 'timeDuration' | 'timeDate' | 'timeCycle';

const withoutStop = (message: string) => message.replace(/\.$/, '');

/**
 * The engine's own reader decides (domain/time/iso8601.ts), so what passes here also runs. A timer
 * date must name its zone: a diagram is read on servers and browsers in several zones, and a
 * zone-less date would be read as UTC without the designer knowing.
 */
export function dateTimeProblem(value: string): string | undefined {
  const parsed = parseIsoDateTime(value);
  if (isTimeTextError(parsed)) return withoutStop(parsed.message);
  if (parsed.form !== 'zoned') return `"${value}" has no time zone: add Z for UTC or an offset such as +01:00`;
  return undefined;
}

function durationProblem(value: string): string | undefined {
  const parsed = parseIsoDuration(value);
  return isTimeTextError(parsed) ? withoutStop(parsed.message) : undefined;
}

function cycleProblem(value: string): string | undefined {
  if (/^\S+( \S+){4,6}$/.test(value)) return `"${value}" looks like a cron expression, which Casemap does not run: write it like R3/PT1H (three times, hourly) or R/P1D (daily)`;
  const parsed = parseIsoCycle(value);
  if (isTimeTextError(parsed)) return withoutStop(parsed.message);
  const bound = parsed.start ?? parsed.end;
  return bound && bound.form !== 'zoned' ? `"${value}" has a date with no time zone: add Z for UTC or an offset such as +01:00` : undefined;
}

/** Undefined when the timer value is one Casemap can schedule; otherwise what is wrong with it. */
export function timerValueProblem(kind: TimerKind, raw: string): string | undefined {
  const value = raw.trim();
  if (value.startsWith('=')) {
    const problem = feelSyntaxProblem(value.slice(1));
    return problem && `the FEEL expression "${value}" does not parse: ${problem}`;
  }
  if (kind === 'timeDuration') return durationProblem(value);
  if (kind === 'timeDate') return dateTimeProblem(value);
  return cycleProblem(value);
}
