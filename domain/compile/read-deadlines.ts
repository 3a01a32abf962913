// A step's deadlines: its SLA (casework:sla, else the Camunda due date), handoff SLA and follow-up
// date, each checked as ISO 8601 or FEEL, on the step's calendar (working days by default).
import type { Deadline } from '../process/ir.ts';
import type { CompileContext, ProcessScope } from './compile-context.ts';
import { describe, quoted, sentence } from './describe-element.ts';
import { isFeelMarked, isJuel, isValidFeel, stripFeelMarker } from './feel-syntax.ts';
import { isIsoDateTime, isIsoDuration } from '../time/iso8601.ts';
import { type Element, extension, text } from './moddle-access.ts';

const CALENDARS = ['working-days', 'calendar-days'] as const;
type Calendar = Deadline['calendar'];

export function readCalendar(element: Element, fallback: Calendar, ctx: CompileContext): Calendar {
  const value = text(element, 'casework:calendar');
  if (value === undefined) return fallback;
  const calendar = CALENDARS.find((known) => known === value);
  if (calendar) return calendar;
  ctx.report({
    code: 'invalid-calendar',
    severity: 'warning',
    elementId: element.id,
    value,
    message: `${sentence(describe(element))} uses the calendar ${quoted(value)}; Casemap knows "working-days" and "calendar-days", so "${fallback}" is used.`,
  });
  return fallback;
}

export interface Source {
  attribute: string;
  value: string;
  /** Camunda due dates may be a date-time as well as a duration. */
  allowDate: boolean;
}

export function toDeadline(node: Element, source: Source, calendar: Calendar, ctx: CompileContext): Deadline | undefined {
  const { attribute, value } = source;
  // Described only when there is something to report: describing every step costs a compile time.
  const described = () => sentence(describe(node));
  if (isJuel(value)) {
    ctx.report({
      code: 'juel-expression',
      severity: 'warning',
      elementId: node.id,
      expression: value,
      message: `${described()} sets ${attribute} with the Camunda 7 (JUEL) expression ${quoted(value)}; Casemap evaluates FEEL, so rewrite it as a FEEL expression starting with "=". It has no deadline until then.`,
    });
    return undefined;
  }
  const feel = isFeelMarked(value);
  const valid = feel ? isValidFeel(stripFeelMarker(value)) : isIsoDuration(value) || (source.allowDate && isIsoDateTime(value));
  if (!valid) {
    ctx.report({
      code: 'invalid-sla',
      severity: 'error',
      elementId: node.id,
      attribute,
      message: `${described()} has ${attribute} ${quoted(value)}, which Casemap cannot read; write an ISO 8601 duration such as P10D or PT72H${source.allowDate ? ', a date-time such as 2026-01-31T09:00:00Z' : ''}, or a FEEL expression starting with "=".`,
    });
    return undefined;
  }
  return { expression: value, feel, calendar };
}

export interface StepDeadlines {
  sla?: Deadline;
  handoffSla?: Deadline;
  followUp?: string;
}

export function readDeadlines(node: Element, scope: ProcessScope, ctx: CompileContext): StepDeadlines {
  const calendar = readCalendar(node, scope.calendar, ctx);
  const schedule = extension(node, 'zeebe:TaskSchedule');
  const source = (attribute: string, value: string | undefined, allowDate: boolean): Source | undefined =>
    value === undefined ? undefined : { attribute, value, allowDate };
  const slaSource =
    source('casework:sla', text(node, 'casework:sla'), false) ??
    source('zeebe:taskSchedule dueDate', schedule && text(schedule, 'dueDate'), true) ??
    source('camunda:dueDate', text(node, 'camunda:dueDate'), true);
  const handoffSource = source('casework:handoffSla', text(node, 'casework:handoffSla'), false);
  const sla = slaSource && toDeadline(node, slaSource, calendar, ctx);
  const handoffSla = handoffSource && toDeadline(node, handoffSource, calendar, ctx);
  const followUp = (schedule && text(schedule, 'followUpDate')) ?? text(node, 'camunda:followUpDate');
  return { ...(sla ? { sla } : {}), ...(handoffSla ? { handoffSla } : {}), ...(followUp ? { followUp } : {}) };
}
