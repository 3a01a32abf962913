// Every deadline Casemap must schedule has to be readable before a case starts: timer events,
// step SLAs, handoff SLAs, the case watchdog and the calendar they are counted in.
import { isDurationError, parseIsoDuration } from '../calendar/index.ts';
import { describe, element, expressionBody, is, mention, text, type BpmnElement } from './support/bpmn-element.ts';
import type { Reporter, RuleFactory } from './support/rule.ts';
import { timerValueProblem, type TimerKind } from './support/timer-syntax.ts';

const TIMER_KINDS: readonly TimerKind[] = ['timeDuration', 'timeDate', 'timeCycle'];
const CALENDARS = ['working-days', 'calendar-days'];

function checkDuration(owner: BpmnElement, attribute: string, what: string, reporter: Reporter): void {
  const value = text(owner, attribute);
  if (!value || !owner.id) return;
  const parsed = parseIsoDuration(value);
  if (isDurationError(parsed)) reporter.report(owner.id, `The ${what} of ${mention(owner)} (${attribute}) cannot be used: ${parsed.message}`);
}

function checkCalendar(owner: BpmnElement, reporter: Reporter): void {
  const value = text(owner, 'casework:calendar');
  if (!value || !owner.id || CALENDARS.includes(value)) return;
  reporter.report(owner.id, `${describe(owner)} counts deadlines in calendar "${value}": use working-days or calendar-days.`);
}

function checkTimer(definition: BpmnElement, reporter: Reporter): void {
  const event = definition.$parent ?? definition;
  const id = event.id ?? definition.id;
  if (!id) return;
  const values = TIMER_KINDS.map((kind) => [kind, expressionBody(element(definition, kind))] as const).filter(([, value]) => value !== undefined);
  if (values.length === 0) {
    reporter.report(id, `${describe(event)} is a timer with no time set: give it a duration (e.g. P10D), a date (e.g. 2026-03-31T09:00:00Z) or a cycle (e.g. R/P1D).`);
    return;
  }
  for (const [kind, value] of values) {
    const problem = timerValueProblem(kind, value ?? '');
    if (problem) reporter.report(id, `The timer of ${mention(event)} cannot be scheduled: ${problem}.`);
  }
}

const timerParses: RuleFactory = () => ({
  meta: { description: 'Timers, SLAs, handoff SLAs, watchdogs and calendars are values Casemap can schedule.' },
  check(node, reporter) {
    if (is(node, 'bpmn:TimerEventDefinition')) {
      checkTimer(node, reporter);
      return;
    }
    if (is(node, 'bpmn:FlowNode')) {
      const sla = text(node, 'casework:sla');
      if (sla && !sla.startsWith('=')) checkDuration(node, 'casework:sla', 'SLA', reporter);
      checkDuration(node, 'casework:handoffSla', 'handoff SLA', reporter);
      checkCalendar(node, reporter);
      return;
    }
    if (is(node, 'bpmn:Process')) {
      checkDuration(node, 'casework:watchdog', 'watchdog period', reporter);
      checkCalendar(node, reporter);
    }
  },
});

export default timerParses;
