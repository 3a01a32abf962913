// Reads a timer event definition into a TimerSpec and checks its ISO 8601 or FEEL syntax.
import type { TimerSpec } from '../process/ir.ts';
import type { CompileContext } from './compile-context.ts';
import { describe, quoted, sentence } from './describe-element.ts';
import { isFeelMarked, isJuel, isValidFeel, stripFeelMarker } from './feel-syntax.ts';
import { isIsoCycle, isIsoDateTime, isIsoDuration } from '../time/iso8601.ts';
import { type Element, expressionBody } from './moddle-access.ts';

const ACCEPTED: Record<TimerSpec['type'], string> = {
  duration: 'an ISO 8601 duration such as P10D, PT72H or P1DT2H',
  date: 'an ISO 8601 date or date-time such as 2026-01-31 or 2026-01-31T09:00:00Z',
  cycle: 'an ISO 8601 repeating interval such as R3/PT1H or R/P1D',
};

const isoValid: Record<TimerSpec['type'], (text: string) => boolean> = {
  duration: isIsoDuration,
  date: isIsoDateTime,
  cycle: isIsoCycle,
};

const PROPERTY: Record<TimerSpec['type'], string> = {
  duration: 'timeDuration',
  date: 'timeDate',
  cycle: 'timeCycle',
};

export function readTimer(event: Element, definition: Element, ctx: CompileContext): TimerSpec {
  const types = (['duration', 'date', 'cycle'] as const).filter((type) => expressionBody(definition, PROPERTY[type]));
  const type = types[0] ?? 'duration';
  const expression = expressionBody(definition, PROPERTY[type])?.body ?? '';
  const elementId = event.id;
  const fail = (why: string) =>
    ctx.report({
      code: 'invalid-timer',
      severity: 'error',
      elementId,
      message: `${sentence(describe(event))} ${why} Write ${ACCEPTED[type]}, or a FEEL expression starting with "=".`,
    });

  if (expression === '') {
    fail('has a timer without a time: give it a duration, a date or a cycle.');
  } else if (isJuel(expression)) {
    ctx.report({
      code: 'juel-expression',
      severity: 'warning',
      elementId,
      expression,
      message: `${sentence(describe(event))} uses the Camunda 7 (JUEL) expression ${quoted(expression)} for its timer; Casemap evaluates FEEL, so rewrite it as a FEEL expression starting with "=".`,
    });
  } else if (isFeelMarked(expression)) {
    if (!isValidFeel(stripFeelMarker(expression))) fail(`has the timer ${quoted(expression)}, which is not valid FEEL.`);
  } else if (!isoValid[type](expression)) {
    fail(`has the timer ${type} ${quoted(expression)}, which Casemap cannot read.`);
  }
  if (types.length > 1) fail(`has more than one of a timer duration, date and cycle; keep only the ${type}.`);
  return { type, expression, feel: isFeelMarked(expression) };
}
