// What a BPMN timer may say in Casemap: an ISO 8601 duration (timeDuration), an ISO 8601
// date-time with its offset (timeDate), an ISO 8601 repeating interval (timeCycle), or a FEEL
// expression (`=…`) computing one of them.
import { isDurationError, parseIsoDuration } from '../../calendar/index.ts';
import { feelSyntaxProblem } from './feel.ts';

export type TimerKind = 'timeDuration' | 'timeDate' | 'timeCycle';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})(?:\[[A-Za-z0-9_/+-]+\])?$/;

export function dateTimeProblem(value: string): string | undefined {
  if (!DATE_TIME.test(value)) {
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(value)
      ? `"${value}" has no time zone: add Z for UTC or an offset such as +01:00`
      : `"${value}" is not an ISO 8601 date and time: write it like 2026-03-31T09:00:00Z`;
  }
  if (Number.isNaN(Date.parse(value.replace(/\[.*\]$/, '')))) return `"${value}" is not a real date and time`;
  return undefined;
}

function durationProblem(value: string): string | undefined {
  const parsed = parseIsoDuration(value);
  return isDurationError(parsed) ? parsed.message.replace(/\.$/, '') : undefined;
}

function cycleProblem(value: string): string | undefined {
  const parts = value.split('/');
  const [repeat, first, second] = parts;
  const example = 'write it like R3/PT1H (three times, hourly) or R/P1D (daily)';
  if (repeat === undefined || !/^R\d*$/.test(repeat) || parts.length < 2 || parts.length > 3 || first === undefined) {
    return /^\S+( \S+){4,6}$/.test(value)
      ? `"${value}" looks like a cron expression, which Casemap does not run: ${example}`
      : `"${value}" is not an ISO 8601 repeating interval: ${example}`;
  }
  if (second === undefined) return durationProblem(first) && `"${value}" has no valid interval: ${example}`;
  if (first.startsWith('P')) return durationProblem(first) ?? dateTimeProblem(second);
  return dateTimeProblem(first) ?? durationProblem(second);
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
