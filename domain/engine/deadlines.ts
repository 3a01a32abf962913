// Step SLAs and handoff deadlines: an ISO duration counted by the business calendar, or a FEEL
// expression over case data giving a date or a duration. Best effort: an unreadable one sets none.
import { defaultCalendar } from '../calendar/index.ts';
import type { Deadline } from '../process/ir.ts';
import type { AddDuration } from './engine-state.ts';
import { evaluateFeel, feelText } from './feel.ts';
import { isoInstant, isTimeTextError, parseIsoDuration } from '../time/iso8601.ts';
import type { Run } from './run.ts';

/** Working days in England and Wales, from domain/calendar. */
export const calendarAddDuration: AddDuration = (startIso, isoDuration, mode) =>
  defaultCalendar.addDuration(new Date(startIso), isoDuration, mode).toISOString();

function fromText(run: Run, text: string, calendar: Deadline['calendar']): string | undefined {
  if (!isTimeTextError(parseIsoDuration(text))) {
    try {
      return run.addDuration(run.now, text, calendar);
    } catch {
      return undefined;
    }
  }
  // A FEEL date is due at the start of that day (UTC).
  return isoInstant(text);
}

export function resolveDeadline(run: Run, deadline: Deadline): string | undefined {
  if (!deadline.feel) return fromText(run, deadline.expression, deadline.calendar);
  const outcome = evaluateFeel(deadline.expression, run.state.data, run.now);
  if (!outcome.ok) return undefined;
  const text = feelText(outcome.value);
  return text === undefined ? undefined : fromText(run, text, deadline.calendar);
}
