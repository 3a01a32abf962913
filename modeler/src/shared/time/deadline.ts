// Deadlines as caseworkers count them: working days left on the England and Wales calendar.
import { defaultCalendar } from '../../../../domain/calendar/index.ts';

export interface DeadlineText {
  readonly text: string;
  readonly overdue: boolean;
  /** The deadline itself, in London time, for a tooltip or a second line. */
  readonly at: string;
}

const londonFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : londonFormat.format(date);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function describeDeadline(dueAt: string, now: Date): DeadlineText {
  const due = new Date(dueAt);
  const at = formatWhen(dueAt);
  if (due.getTime() < now.getTime()) {
    const late = defaultCalendar.workingDaysBetween(due, now);
    return { overdue: true, at, text: late > 0 ? `Overdue by ${plural(late, 'working day')}` : 'Overdue (was due today)' };
  }
  const left = defaultCalendar.workingDaysBetween(now, due);
  return { overdue: false, at, text: left === 0 ? 'Due today' : `${plural(left, 'working day')} left` };
}
