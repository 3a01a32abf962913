// Evaluates the logic of a decision or a business knowledge model over a FEEL context: a decision
// table (each rule's unary tests, then the hit policy) or a literal expression.
import type { Decision, DecisionTable } from './decision-ir.ts';
import type { DmnOutcome } from './dmn-errors.ts';
import { evaluateCell, passesUnaryTests, type FeelContext } from './feel-cells.ts';
import { applyHitPolicy, type MatchedRule } from './hit-policies.ts';

/** A decision or a business knowledge model: what errors name. */
export interface LogicOwner {
  id: string;
  name?: string;
  /** How a message names it: `the decision "Eligibility"`. */
  label: string;
}

export const decisionLabel = (decision: { id: string; name?: string }): string => `the decision "${decision.name ?? decision.id}"`;
export const knowledgeLabel = (model: { id: string; name?: string }): string => `the business knowledge model "${model.name ?? model.id}"`;

export type LogicResult = DmnOutcome<{ raw: unknown; matched: MatchedRule[] }>;

/** Evaluates a decision table or a literal expression over `context`. */
export function evaluateLogic(owner: LogicOwner, logic: Decision['logic'], context: FeelContext): LogicResult {
  if (logic.type === 'decisionTable') return evaluateTable(owner, logic, context);
  const value = evaluateCell(logic.expression, context);
  if (!value.ok) return { ok: false, error: { code: 'feel-error', decisionId: owner.id, message: `${owner.label} could not be evaluated: ${value.error}` } };
  return { ok: true, value: { raw: value.value, matched: [] } };
}

function evaluateTable(decision: LogicOwner, table: DecisionTable, context: FeelContext): LogicResult {
  const inputs: unknown[] = [];
  for (const input of table.inputs) {
    const value = evaluateCell(input.expression, context);
    if (!value.ok) return { ok: false, error: { code: 'feel-error', decisionId: decision.id, message: `The input "${input.label ?? input.expression}" of ${decision.label} could not be evaluated: ${value.error}` } };
    inputs.push(value.value);
  }
  const matched: MatchedRule[] = [];
  for (const [ruleIndex, rule] of table.rules.entries()) {
    let hits = true;
    for (const [column, tests] of rule.inputEntries.entries()) {
      const passed = passesUnaryTests(tests, inputs[column], context);
      if (!passed.ok) return { ok: false, error: { code: 'feel-error', decisionId: decision.id, ruleId: rule.id, message: `Rule ${ruleIndex + 1} (${rule.id}) of ${decision.label} has a test "${tests}" that could not be evaluated: ${passed.error}` } };
      if (!passed.value) {
        hits = false;
        break;
      }
    }
    if (!hits) continue;
    const columns: unknown[] = [];
    for (const entry of rule.outputEntries) {
      const value = evaluateCell(entry, context);
      if (!value.ok) return { ok: false, error: { code: 'feel-error', decisionId: decision.id, ruleId: rule.id, message: `Rule ${ruleIndex + 1} (${rule.id}) of ${decision.label} has an output "${entry}" that could not be evaluated: ${value.error}` } };
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
function noMatch(decision: LogicOwner, table: DecisionTable, context: FeelContext): LogicResult {
  if (table.outputs.some((output) => output.defaultOutput !== undefined)) {
    const columns: unknown[] = [];
    for (const output of table.outputs) {
      const value = evaluateCell(output.defaultOutput ?? '', context);
      if (!value.ok) return { ok: false, error: { code: 'feel-error', decisionId: decision.id, message: `The default output of ${decision.label} could not be evaluated: ${value.error}` } };
      columns.push(value.value);
    }
    return { ok: true, value: { raw: combine(table, columns), matched: [] } };
  }
  const multiHit = table.hitPolicy === 'RULE ORDER' || table.hitPolicy === 'OUTPUT ORDER' || (table.hitPolicy === 'COLLECT' && !table.aggregation);
  if (multiHit) return { ok: true, value: { raw: [], matched: [] } };
  if (table.hitPolicy === 'COLLECT' && table.aggregation === 'COUNT') return { ok: true, value: { raw: 0, matched: [] } };
  if (table.hitPolicy === 'UNIQUE') {
    return { ok: false, error: { code: 'no-rule-matched', decisionId: decision.id, message: `No rule of ${decision.label} matches this case, and its hit policy UNIQUE needs exactly one: add a rule for it.` } };
  }
  return { ok: true, value: { raw: null, matched: [] } };
}
