// The budgets of issue #14, by the shared method (bench/method): the worst form-field pattern and
// the worst FEEL expressions found, through Casemap's budgeted paths (RE2 for patterns; the FEEL
// work meter), beside the unbounded figure on the same input (a native RegExp; feelin's evaluate
// without the meter). The unbounded side doubles with every character or level, so its inputs are
// kept to sizes that finish in about a second; the budgeted side is also run on inputs the
// unbounded side would never finish. Target: each budgeted contender under 50 ms (median).
// Run: npx tsx bench/budgets-bench.ts   (BENCH_ROUNDS=<n> ≥ 5)
import { pathToFileURL } from 'node:url';
import { evaluate } from 'feelin';
import { evaluateFeel } from '../domain/engine/feel.ts';
import { validateFormData } from '../domain/forms/validate-form-data.ts';
import { FormField } from '../domain/process/ir.ts';
import { compare } from './method/compare.ts';
import { printComparison } from './method/print-comparison.ts';

/** Issue #14's bound on the API or worker time one hostile pattern or expression may take. */
const TARGET_MS = 50;

const PATTERN = '^(a+)+$';
/** Characters before the breaking '!' on the unbounded side: about 0.1–0.5 s, doubling per character. */
const NATIVE_CHARACTERS = 22;
/** The longest text a string field accepts (validate-form-data.ts). */
const LONGEST_TEXT = 9_999;

const NOW = '2026-03-10T09:00:00Z';
const doubling = (depth: string) => `{f: function(n) if n <= 0 then 1 else f(n-1) + f(n-1), r: f(${depth})}.r > 0`;
/** Levels on the unbounded side: 2^13 - 1 calls, doubling per level. */
const FEEL_LEVELS = 12;

/** Case data of a realistic size: feelin's cost per call grows with the number of fields. */
const caseData = (extra: Record<string, unknown>): Record<string, unknown> => ({
  ...Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`field${index}`, `value ${index}`])),
  ...extra,
});

function mustFail(outcome: { ok: boolean }, what: string): void {
  if (outcome.ok) throw new Error(`${what} was expected to be refused`);
}

async function runPatternBench(): Promise<void> {
  const field = FormField.parse({ name: 'reference', label: 'Reference', type: 'string', required: true, pattern: PATTERN });
  const short = `${'a'.repeat(NATIVE_CHARACTERS)}!`;
  const longest = `${'a'.repeat(LONGEST_TEXT)}!`;
  const native = new RegExp(PATTERN);
  const comparison = printComparison(
    await compare({
      title: `form-field pattern ${PATTERN}: RE2 (Casemap) vs native RegExp`,
      notes: [
        `The value is n letters "a" then "!", so the pattern fails only after a backtracking engine has tried every way to split the letters: 2^n.`,
        `Casemap's path is validateFormData (domain/forms), which the API runs on a start form and the workflow's Update validator on a task form.`,
      ],
      contenders: [
        { name: `Casemap RE2, ${NATIVE_CHARACTERS + 1} chars`, does: `validateFormData on ${NATIVE_CHARACTERS} letters + "!" (refused).`, run: () => mustFail(validateFormData([field], { reference: short }), 'the short value') },
        { name: `native RegExp, ${NATIVE_CHARACTERS + 1} chars`, does: `new RegExp(pattern).test on the same value (what Casemap ran before).`, run: () => void native.test(short) },
        { name: `Casemap RE2, ${LONGEST_TEXT + 1} chars`, does: `validateFormData on the longest value a field accepts (refused); the native RegExp would not finish on it.`, run: () => mustFail(validateFormData([field], { reference: longest }), 'the long value') },
      ],
      ratios: [[`native RegExp, ${NATIVE_CHARACTERS + 1} chars`, `Casemap RE2, ${NATIVE_CHARACTERS + 1} chars`]],
    }),
  );
  report(comparison.contenders.filter((contender) => contender.name.startsWith('Casemap')));
}

async function runFeelBench(): Promise<void> {
  const nestedFor = '{L: [1,2,3,4,5,6,7,8,9,10], M: for a in L, b in L, c in L return 1, r: count(for a in M, b in M return 1)}.r > 0';
  const builtinRecursion = '{f: function(n) if n <= 0 then 1 else abs(f(n-1)) + abs(f(n-1)), r: f(depth)}.r > 0';
  const comparison = printComparison(
    await compare({
      title: 'FEEL: the work meter (Casemap) vs feelin without it',
      notes: [
        'f(n) calls itself twice per level: 2^(n+1) - 1 calls, so the unbounded time doubles with every level.',
        `Casemap's path is evaluateFeel (domain/engine/feel.ts), which a workflow runs for every condition, FEEL SLA and correlation key; each run here has case data of 40 text fields plus the named ones.`,
      ],
      contenders: [
        { name: `Casemap, f(${FEEL_LEVELS})`, does: `evaluateFeel of f(depth) with depth = ${FEEL_LEVELS} (stopped by the budget).`, run: () => mustFail(evaluateFeel(doubling('depth'), caseData({ depth: FEEL_LEVELS }), NOW), `f(${FEEL_LEVELS})`) },
        { name: `feelin alone, f(${FEEL_LEVELS})`, does: `feelin's evaluate of the same expression and data, without the meter (what Casemap ran before).`, run: () => void evaluate(doubling('depth'), caseData({ depth: FEEL_LEVELS })) },
        { name: 'Casemap, f(40)', does: 'evaluateFeel of f(40), the expression of issue #14 (stopped by the budget); feelin alone would take about 2^28 times as long as f(12).', run: () => mustFail(evaluateFeel(doubling('depth'), caseData({ depth: 40 }), NOW), 'f(40)') },
        { name: 'Casemap, built-in recursion', does: 'evaluateFeel of a doubling recursion through abs(): built-ins are looked up against every case-data field first.', run: () => mustFail(evaluateFeel(builtinRecursion, caseData({ depth: 40 }), NOW), 'the built-in recursion') },
        { name: 'Casemap, nested for', does: 'evaluateFeel of for over lists built by for: 10^6 iterations with no recursion and no range (stopped).', run: () => mustFail(evaluateFeel(nestedFor, caseData({}), NOW), 'the nested for') },
        { name: 'Casemap, matches() on 10,000 chars', does: 'evaluateFeel of matches(notes, "^(a+)+$") with 9,999 letters + "!" in the case data (RE2; answered false).', run: () => void evaluateFeel('matches(notes, "^(a+)+$")', caseData({ notes: `${'a'.repeat(LONGEST_TEXT)}!` }), NOW) },
      ],
      ratios: [[`feelin alone, f(${FEEL_LEVELS})`, `Casemap, f(${FEEL_LEVELS})`]],
    }),
  );
  report(comparison.contenders.filter((contender) => contender.name.startsWith('Casemap')));
}

function report(budgeted: { name: string; summaries: Record<string, { median: number; max: number }> }[]): void {
  for (const contender of budgeted) {
    const { median, max } = contender.summaries.ms!;
    console.log(`Target: ${contender.name} under ${TARGET_MS} ms (median) — ${median < TARGET_MS ? 'met' : 'NOT met'} (median ${median.toFixed(1)} ms, slowest round ${max.toFixed(1)} ms).`);
  }
}

/** The unbounded growth, one run per size (not a comparison: it shows the rate, doubling per step). */
function printGrowth(): void {
  const regexTimes = [NATIVE_CHARACTERS - 2, NATIVE_CHARACTERS - 1, NATIVE_CHARACTERS].map((n) => {
    const started = performance.now();
    new RegExp(PATTERN).test(`${'a'.repeat(n)}!`);
    return `${n} letters ${(performance.now() - started).toFixed(0)} ms`;
  });
  const feelTimes = [FEEL_LEVELS - 2, FEEL_LEVELS - 1, FEEL_LEVELS].map((n) => {
    const started = performance.now();
    evaluate(doubling('depth'), caseData({ depth: n }));
    return `f(${n}) ${(performance.now() - started).toFixed(0)} ms`;
  });
  console.log(`Unbounded growth (one run each): native RegExp ${regexTimes.join(', ')}; feelin ${feelTimes.join(', ')} — about ×2 per letter or level.`);
}

export async function runBudgetsBench(): Promise<void> {
  await runPatternBench();
  await runFeelBench();
  printGrowth();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runBudgetsBench();
