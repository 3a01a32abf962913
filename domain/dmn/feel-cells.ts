// Evaluates the FEEL in a decision's cells: expressions (input expressions, output entries,
// literal decisions) and unary tests (input entries), both within Casemap's FEEL work budget.
import { unaryTest } from 'feelin';
import { evaluateWithinBudget, MAX_FEEL_WORK, OVER_BUDGET_REASON } from '../feel/evaluation-budget.ts';
import { runMetered } from '../feel/work-meter.ts';

export type CellOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

export type FeelContext = Readonly<Record<string, unknown>>;

/** An expression's value; an empty cell is null, as DMN says. */
export function evaluateCell(expression: string, context: FeelContext): CellOutcome<unknown> {
  const source = expression.trim();
  if (source === '') return { ok: true, value: null };
  const outcome = evaluateWithinBudget(source, context);
  return outcome.ok ? outcome : { ok: false, error: outcome.error };
}

// Outside string literals, `?` names the input; a test that never reads it compares the input with its value.
const readsInput = (source: string): boolean => source.replace(/"(?:[^"\\]|\\.)*"/g, '').includes('?');

/**
 * DMN says a test that is an expression not reading `?` holds when the input equals its value.
 * feelin instead takes a boolean value as the test's own verdict, so `isMinor` with isMinor = false
 * would never match the input false; this compares them as DMN does. Undefined when the test is
 * not an expression giving a boolean (`< 5`, `"a","b"`), which feelin then decides.
 */
function equalsBoolean(source: string, input: boolean, context: FeelContext): boolean | undefined {
  const value = evaluateCell(source, context);
  return value.ok && typeof value.value === 'boolean' ? value.value === input : undefined;
}

/**
 * Whether `input` passes the unary tests `tests` (`< 18`, `"a","b"`, `[1..5]`, `not(3)`, `-`).
 * feelin's unaryTest cannot be instrumented like an expression, but every function call and range
 * it evaluates is still charged to the meter, which bounds what a cell can make it do.
 */
export function passesUnaryTests(tests: string, input: unknown, context: FeelContext): CellOutcome<boolean> {
  const source = tests.trim();
  if (source === '' || source === '-') return { ok: true, value: true };
  const stepScale = 1 + Math.floor(Object.keys(context).length / 8);
  try {
    const run = runMetered(MAX_FEEL_WORK, stepScale, () => unaryTest(source, { ...context, '?': input }).value);
    if (!run.ok) return { ok: false, error: OVER_BUDGET_REASON };
    if (typeof input === 'boolean' && !readsInput(source)) {
      const compared = equalsBoolean(source, input, context);
      if (compared !== undefined) return { ok: true, value: compared };
    }
    return { ok: true, value: run.value === true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
