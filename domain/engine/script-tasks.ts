// FEEL script tasks (Zeebe's `zeebe:script`): the step evaluates its expression over case data
// with the bounded FEEL evaluator and stores the value in its result variable, then moves on.
// Nothing is ever run as code: a script in any other language is refused by the compiler.
import { FeelDate, FeelDateTime, FeelDuration } from 'feelin';
import type { Node } from '../process/ir.ts';
import { failCase } from './case-outcome.ts';
import { evaluateFeel } from './feel.ts';
import type { Move, Run } from './run.ts';
import { createToken, leaveToken } from './tokens.ts';

type CaseValue = null | boolean | number | string | CaseValue[] | { [key: string]: CaseValue };

/** A FEEL value as case data (plain JSON): dates and durations in ISO form; functions and ranges are not data. */
function asCaseValue(value: unknown): CaseValue | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value instanceof FeelDate || value instanceof FeelDateTime || value instanceof FeelDuration) return value.toString();
  if (Array.isArray(value)) {
    const items = value.map(asCaseValue);
    return items.every((item) => item !== undefined) ? (items as CaseValue[]) : undefined;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value).map(([key, inner]) => [key, asCaseValue(inner)] as const);
    return entries.every(([, inner]) => inner !== undefined) ? (Object.fromEntries(entries) as { [key: string]: CaseValue }) : undefined;
  }
  return undefined;
}

export function runScriptTask(run: Run, move: Move, node: Node & { script: NonNullable<Node['script']> }): void {
  const token = createToken(run, move);
  const { expression, resultVariable } = node.script;
  const outcome = evaluateFeel(expression, run.state.data, run.now);
  if (!outcome.ok) {
    failCase(run, `The script of ${run.ir.label(node.id)} could not be evaluated: ${outcome.error}`, node.id);
    return;
  }
  const value = asCaseValue(outcome.value);
  if (value === undefined) {
    failCase(run, `The script of ${run.ir.label(node.id)} gave a value that cannot be stored as case data (a function or a range): change it to give a number, text, date, list or context.`, node.id);
    return;
  }
  run.state.data[resultVariable] = value;
  leaveToken(run, token);
}
