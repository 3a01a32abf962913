// Evaluates a decision over case data: its required decisions first (their results become inputs
// under their variable names), then its decision table or literal expression.
import { date, dateAndTime } from 'feelin';
import type { Decision, DecisionTable } from './decision-ir.ts';
import type { DmnOutcome } from './dmn-errors.ts';
import { evaluateCell, passesUnaryTests, type FeelContext } from './feel-cells.ts';
import { feelToJson } from './feel-json.ts';
import { applyHitPolicy, type MatchedRule } from './hit-policies.ts';

/** What one decision gave: which rules matched (decision tables) and the output, as case data. */
export interface DecisionEvaluation {
  decisionId: string;
  decisionName?: string;
  matchedRules: Array<{ ruleId: string; index: number }>;
  output: unknown;
}

export interface DecisionResult {
  /** The asked-for decision's output, as case data. */
  output: unknown;
  /** Every decision evaluated, required decisions before those that read them, the asked-for one last. */
  evaluations: DecisionEvaluation[];
}

export interface EvaluateOptions {
  /** The instant `now()` and `today()` read, so a replay gives the same answer; without it they are null. */
  now?: string;
}

const label = (decision: Decision): string => `the decision "${decision.name ?? decision.id}"`;

function evaluateTable(decision: Decision, table: DecisionTable, context: FeelContext): DmnOutcome<{ raw: unknown; matched: MatchedRule[] }> {
  const inputs: unknown[] = [];
  for (const input of table.inputs) {
    const value = evaluateCell(input.expression, context);
    if (!value.ok) return { ok: false, error: { code: 'feel-error', decisionId: decision.id, message: `The input "${input.label ?? input.expression}" of ${label(decision)} could not be evaluated: ${value.error}` } };
    inputs.push(value.value);
  }
  const matched: MatchedRule[] = [];
  for (const [ruleIndex, rule] of table.rules.entries()) {
    let hits = true;
    for (const [column, tests] of rule.inputEntries.entries()) {
      const passed = passesUnaryTests(tests, inputs[column], context);
      if (!passed.ok) return { ok: false, error: { code: 'feel-error', decisionId: decision.id, ruleId: rule.id, message: `Rule ${ruleIndex + 1} (${rule.id}) of ${label(decision)} has a test "${tests}" that could not be evaluated: ${passed.error}` } };
      if (!passed.value) {
        hits = false;
        break;
      }
    }
    if (!hits) continue;
    const columns: unknown[] = [];
    for (const entry of rule.outputEntries) {
      const value = evaluateCell(entry, context);
      if (!value.ok) return { ok: false, error: { code: 'feel-error', decisionId: decision.id, ruleId: rule.id, message: `Rule ${ruleIndex + 1} (${rule.id}) of ${label(decision)} has an output "${entry}" that could not be evaluated: ${value.error}` } };
      columns.push(value.value);
    }
    matched.push({ ruleId: rule.id, index: ruleIndex + 1, columns, output: combine(table, columns) });
  }
  if (matched.length === 0) return noMatch(decision, table, context);
  const result = applyHitPolicy(table, decision.id, matched, context);
  return result.ok ? { ok: true, value: { raw: result.value, matched } } : result;
}

/** A rule's output: the value itself with one output column, an object keyed by column name with several. */
function combine(table: DecisionTable, columns: unknown[]): unknown {
  if (table.outputs.length === 1) return columns[0];
  return Object.fromEntries(table.outputs.map((output, index) => [output.name ?? output.id, columns[index]]));
}

// No rule matched: the default output entries if the table has them; otherwise null, an empty
// list for multi-hit tables, and an error under UNIQUE, whose rules should cover every case.
function noMatch(decision: Decision, table: DecisionTable, context: FeelContext): DmnOutcome<{ raw: unknown; matched: MatchedRule[] }> {
  if (table.outputs.some((output) => output.defaultOutput !== undefined)) {
    const columns: unknown[] = [];
    for (const output of table.outputs) {
      const value = evaluateCell(output.defaultOutput ?? '', context);
      if (!value.ok) return { ok: false, error: { code: 'feel-error', decisionId: decision.id, message: `The default output of ${label(decision)} could not be evaluated: ${value.error}` } };
      columns.push(value.value);
    }
    return { ok: true, value: { raw: combine(table, columns), matched: [] } };
  }
  const multiHit = table.hitPolicy === 'RULE ORDER' || table.hitPolicy === 'OUTPUT ORDER' || (table.hitPolicy === 'COLLECT' && !table.aggregation);
  if (multiHit) return { ok: true, value: { raw: [], matched: [] } };
  if (table.hitPolicy === 'COLLECT' && table.aggregation === 'COUNT') return { ok: true, value: { raw: 0, matched: [] } };
  if (table.hitPolicy === 'UNIQUE') {
    return { ok: false, error: { code: 'no-rule-matched', decisionId: decision.id, message: `No rule of ${label(decision)} matches this case, and its hit policy UNIQUE needs exactly one: add a rule for it.` } };
  }
  return { ok: true, value: { raw: null, matched: [] } };
}

function clock(now: string | undefined): Record<string, unknown> {
  if (!now) return {};
  return { now: () => dateAndTime(now), today: () => date(now.slice(0, 10)) };
}

/** Evaluates `decisionId` among `decisions` over `data` (case data or DMN input data by name). */
export function evaluateDecision(decisions: readonly Decision[], decisionId: string, data: Readonly<Record<string, unknown>>, options: EvaluateOptions = {}): DmnOutcome<DecisionResult> {
  const byId = new Map(decisions.map((decision) => [decision.id, decision]));
  const results = new Map<string, unknown>();
  const evaluations: DecisionEvaluation[] = [];
  const visiting = new Set<string>();

  const visit = (id: string): DmnOutcome<unknown> => {
    if (results.has(id)) return { ok: true, value: results.get(id) };
    const decision = byId.get(id);
    if (!decision) return { ok: false, error: { code: 'decision-missing', decisionId: id, message: `There is no decision with the id ${id}.` } };
    if (visiting.has(id)) return { ok: false, error: { code: 'decision-cycle', decisionId: id, message: `${label(decision)} requires itself through other decisions.` } };
    visiting.add(id);
    const required: Record<string, unknown> = {};
    for (const ref of decision.requires) {
      const result = visit(ref);
      if (!result.ok) return result;
      required[byId.get(ref)?.variable ?? ref] = result.value;
    }
    // case data first, required decisions over it, the clock last so data cannot move it
    const context = { ...data, ...required, ...clock(options.now) };
    let raw: unknown;
    let matched: MatchedRule[] = [];
    if (decision.logic.type === 'literalExpression') {
      const value = evaluateCell(decision.logic.expression, context);
      if (!value.ok) return { ok: false, error: { code: 'feel-error', decisionId: decision.id, message: `${label(decision)} could not be evaluated: ${value.error}` } };
      raw = value.value;
    } else {
      const table = evaluateTable(decision, decision.logic, context);
      if (!table.ok) return table;
      raw = table.value.raw;
      matched = table.value.matched;
    }
    visiting.delete(id);
    results.set(id, raw);
    evaluations.push({
      decisionId: decision.id,
      ...(decision.name ? { decisionName: decision.name } : {}),
      matchedRules: matched.map((rule) => ({ ruleId: rule.ruleId, index: rule.index })),
      output: feelToJson(raw),
    });
    return { ok: true, value: raw };
  };

  const outcome = visit(decisionId);
  if (!outcome.ok) return outcome;
  return { ok: true, value: { output: feelToJson(outcome.value), evaluations } };
}
