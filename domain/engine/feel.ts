// FEEL over case data with feelin, the evaluator the bpmn-io tools use; nothing here ever uses eval.
import { date, dateAndTime, FeelDate, FeelDateTime, FeelDuration } from 'feelin';
import type { CaseData } from './contract.ts';
import { evaluateWithinBudget } from '../feel/evaluation-budget.ts';

export type FeelOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Evaluates an expression, written with or without the leading `=` that marks FEEL in a diagram.
 * `now()` and `today()` read the step's `now`, not the clock, so a replay gives the same answer;
 * they come after the case data, so a data field named `now` or `today` cannot move the clock.
 * The work is bounded (domain/feel/evaluation-budget.ts): an expression over budget fails the case
 * step instead of holding the workflow task.
 */
export function evaluateFeel(expression: string, data: CaseData, now: string): FeelOutcome<unknown> {
  const source = expression.trim().replace(/^=/, '');
  const clock = { now: () => dateAndTime(now), today: () => date(now.slice(0, 10)) };
  const outcome = evaluateWithinBudget(source, { ...data, ...clock });
  if (outcome.ok) return outcome;
  return { ok: false, error: outcome.overBudget ? `Casemap stopped evaluating it: ${outcome.error}` : outcome.error };
}

/** A condition holds only when it is exactly true; null (e.g. a missing field) does not hold. */
export function conditionHolds(expression: string, data: CaseData, now: string): FeelOutcome<boolean> {
  const outcome = evaluateFeel(expression, data, now);
  return outcome.ok ? { ok: true, value: outcome.value === true } : outcome;
}

/** A FEEL value as text: strings as is, dates and durations in ISO form, numbers and booleans printed. */
export function feelText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof FeelDate || value instanceof FeelDateTime || value instanceof FeelDuration) return value.toString();
  return undefined;
}
