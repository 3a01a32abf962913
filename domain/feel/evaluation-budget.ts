// The bound on the work one FEEL expression may do, the one place Casemap decides it. feelin
// evaluates synchronously inside a workflow task (and, for literal expressions, inside the API at
// deploy), so an expression such as `{f: function(n) if n <= 0 then 1 else f(n-1) + f(n-1), r: f(40)}`
// would hold the task for hours. Work is charged while evaluating (work-meter.ts) and evaluation
// stops once it exceeds MAX_FEEL_WORK; at deploy, a literal expression that would exceed it is
// refused with the same reason.
import { date, dateAndTime, evaluate, FeelFunction } from 'feelin';
import { freeNames, isBuiltin } from './free-names.ts';
import { CHARGE_EACH, CHARGE_VALUE, instrumentFeel } from './instrument-feel.ts';
import { countIterations } from './iteration-budget.ts';
import { regexFunctions } from './regex-functions.ts';
import { chargeEach, chargeValue, runMetered, STEP_COST } from './work-meter.ts';

/**
 * The most work one evaluation may do, in units of one value visited (a call or an iteration costs
 * STEP_COST, more with large case data). Calibrated by bench/budgets-bench.ts: the costliest
 * expression found stops in well under 50 ms, while a loop over hundreds of claims stays inside it.
 */
export const MAX_FEEL_WORK = 50_000;

const limitInWords = `${(MAX_FEEL_WORK / STEP_COST).toLocaleString('en-GB')} steps`;

/** Why an over-budget expression was stopped; the same words at deploy and at run time. */
export const OVER_BUDGET_REASON = `it does more work than the ${limitInWords} Casemap allows one expression (a function that calls itself too often, or a loop over too many values)`;

const UNBOUNDABLE = 'Casemap cannot bound the work of this expression, so it did not evaluate it: simplify the names with spaces it reads';

export type BudgetedOutcome = { ok: true; value: unknown } | { ok: false; overBudget: boolean; error: string };

// The charging functions are FEEL functions of one parameter; feelin calls them like any other.
const charges = {
  [CHARGE_VALUE]: new FeelFunction(chargeValue, ['value']),
  [CHARGE_EACH]: new FeelFunction(chargeEach, ['list']),
};

/**
 * The built-ins the expression calls, as context entries placed before the case data (which still
 * shadows them, as in feelin). feelin finds a built-in only after comparing its name with every
 * context key, at each call; found in the context, it is one lookup. The value is feelin's own.
 */
function builtinsCalled(called: ReadonlySet<string>, context: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const entries: Record<string, unknown> = {};
  for (const name of called) if (!Object.hasOwn(context, name) && isBuiltin(name)) entries[name] = evaluate(name, {}).value;
  return entries;
}

/** As evaluateWithinBudget, also saying how much work was spent (for the benchmark and the deploy allowance). */
export function measureWithinBudget(source: string, context: Readonly<Record<string, unknown>>): { outcome: BudgetedOutcome; spent: number } {
  const called = new Set<string>();
  const instrumented = instrumentFeel(source, context, called);
  if (instrumented === null) return { outcome: { ok: false, overBudget: false, error: UNBOUNDABLE }, spent: 0 };
  // feelin copies the whole context at every call and iteration: large case data makes each dearer
  const stepScale = 1 + Math.floor(Object.keys(context).length / 8);
  try {
    const run = runMetered(MAX_FEEL_WORK, stepScale, () => evaluate(instrumented ?? source, { ...builtinsCalled(called, context), ...context, ...regexFunctions, ...charges }).value);
    return { outcome: run.ok ? { ok: true, value: run.value } : { ok: false, overBudget: true, error: OVER_BUDGET_REASON }, spent: run.spent };
  } catch (error) {
    return { outcome: { ok: false, overBudget: false, error: error instanceof Error ? error.message : String(error) }, spent: 0 };
  }
}

/**
 * Evaluates `source` over `context` within MAX_FEEL_WORK. Within budget the value is exactly what
 * feelin gives for the uninstrumented expression; over it, the outcome says so instead.
 */
export function evaluateWithinBudget(source: string, context: Readonly<Record<string, unknown>>): BudgetedOutcome {
  return measureWithinBudget(source, context).outcome;
}

/** What the diagram check may spend measuring literal expressions, shared by one whole diagram. */
export type DeployAllowance = { left: number };

export const newDeployAllowance = (): DeployAllowance => ({ left: 5 * MAX_FEEL_WORK });

const DEPLOY_CLOCK = '2026-01-01T00:00:00Z';

/**
 * Why `source` would always go over budget, whatever the case data, or undefined when it might
 * not. Literal ranges are counted without evaluating; an expression that reads no case data is
 * evaluated once within the budget (safe: the budget bounds it), while `allowance` lasts.
 */
export function literalWorkProblem(source: string, allowance: DeployAllowance = newDeployAllowance()): string | undefined {
  if (countIterations(source) * STEP_COST > MAX_FEEL_WORK) return OVER_BUDGET_REASON;
  const free = freeNames(source, ['now', 'today']);
  if (!free || free.length > 0 || allowance.left < MAX_FEEL_WORK) return undefined;
  const clock = { now: () => dateAndTime(DEPLOY_CLOCK), today: () => date(DEPLOY_CLOCK.slice(0, 10)) };
  const { outcome, spent } = measureWithinBudget(source, clock);
  allowance.left -= Math.max(spent, 1);
  return !outcome.ok && outcome.overBudget ? OVER_BUDGET_REASON : undefined;
}
