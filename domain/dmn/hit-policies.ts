// Turns the rules that matched into a decision table's result, as its hit policy says.
import type { DecisionTable } from './decision-ir.ts';
import type { DmnOutcome } from './dmn-errors.ts';
import { evaluateCell, type FeelContext } from './feel-cells.ts';

export interface MatchedRule {
  ruleId: string;
  /** The rule's row number, from 1, as the table shows it. */
  index: number;
  /** The rule's output: one value, or an object keyed by output name when there are several. */
  output: unknown;
  /** The value of each output column, in column order (for priorities). */
  columns: unknown[];
}

// Structural equality of FEEL values as produced by output entries (numbers, text, lists, contexts).
function same(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (typeof (left as { toString?: unknown }).toString === 'function' && Object.getPrototypeOf(left) !== Object.prototype && !Array.isArray(left)) {
    return Object.getPrototypeOf(left) === Object.getPrototypeOf(right) && String(left) === String(right);
  }
  const leftKeys = Object.keys(left);
  const rightKeys = Object.keys(right);
  return leftKeys.length === rightKeys.length && leftKeys.every((key) => same((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]));
}

/** Each output column's values in priority order (its output values list), for PRIORITY and OUTPUT ORDER. */
function priorityLists(table: DecisionTable, decisionId: string, context: FeelContext): DmnOutcome<unknown[][]> {
  const lists: unknown[][] = [];
  for (const output of table.outputs) {
    if (!output.outputValues) {
      lists.push([]);
      continue;
    }
    const values = evaluateCell(`[${output.outputValues}]`, context);
    if (!values.ok || !Array.isArray(values.value)) {
      return { ok: false, error: { code: 'feel-error', decisionId, message: `The output values of column ${output.name ?? output.id} could not be read as a list: ${values.ok ? 'not a list' : values.error}` } };
    }
    lists.push(values.value);
  }
  return { ok: true, value: lists };
}

function byPriority(rules: MatchedRule[], lists: unknown[][]): MatchedRule[] {
  const rank = (rule: MatchedRule, column: number): number => {
    const position = (lists[column] ?? []).findIndex((value) => same(value, rule.columns[column]));
    return position < 0 ? Number.MAX_SAFE_INTEGER : position;
  };
  // Array#sort is stable, so equal priorities keep rule order
  return [...rules].sort((a, b) => {
    for (let column = 0; column < lists.length; column += 1) {
      const difference = rank(a, column) - rank(b, column);
      if (difference !== 0) return difference;
    }
    return 0;
  });
}

function aggregate(table: DecisionTable, decisionId: string, values: unknown[]): DmnOutcome<unknown> {
  const aggregation = table.aggregation;
  if (aggregation === 'COUNT') return { ok: true, value: values.length };
  if (values.length === 0) return { ok: true, value: null };
  if (aggregation === 'SUM') {
    if (!values.every((value) => typeof value === 'number')) {
      return { ok: false, error: { code: 'feel-error', decisionId, message: 'A SUM decision table can only add numbers; one matching rule gives something else.' } };
    }
    return { ok: true, value: (values as number[]).reduce((sum, value) => sum + value, 0) };
  }
  const comparable = values.every((value) => typeof value === 'number') || values.every((value) => typeof value === 'string');
  if (!comparable) return { ok: false, error: { code: 'feel-error', decisionId, message: `A ${aggregation} decision table needs outputs that are all numbers or all text.` } };
  const sorted = [...(values as Array<number | string>)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { ok: true, value: aggregation === 'MIN' ? sorted[0] : sorted[sorted.length - 1] };
}

/** The table's result for the rules that matched, in rule order. `null` when none matched and none is required. */
export function applyHitPolicy(table: DecisionTable, decisionId: string, matched: MatchedRule[], context: FeelContext): DmnOutcome<unknown> {
  const ids = matched.map((rule) => rule.ruleId);
  switch (table.hitPolicy) {
    case 'UNIQUE':
      if (matched.length > 1) {
        return { ok: false, error: { code: 'rules-conflict', decisionId, ruleIds: ids, message: `Rules ${ids.join(', ')} all match, but the table's hit policy is UNIQUE: only one rule may match.` } };
      }
      return { ok: true, value: matched[0]?.output ?? null };
    case 'ANY': {
      const differing = matched.find((rule) => !same(rule.output, matched[0]?.output));
      if (differing) {
        return { ok: false, error: { code: 'rules-conflict', decisionId, ruleIds: ids, message: `Rules ${ids.join(', ')} match with different outputs, but the table's hit policy is ANY: matching rules must agree.` } };
      }
      return { ok: true, value: matched[0]?.output ?? null };
    }
    case 'FIRST':
      return { ok: true, value: matched[0]?.output ?? null };
    case 'RULE ORDER':
      return { ok: true, value: matched.map((rule) => rule.output) };
    case 'COLLECT': {
      if (!table.aggregation) return { ok: true, value: matched.map((rule) => rule.output) };
      if (table.outputs.length > 1) {
        return { ok: false, error: { code: 'dmn-unsupported', decisionId, message: `A COLLECT ${table.aggregation} table must have a single output column.` } };
      }
      return aggregate(table, decisionId, matched.map((rule) => rule.output).filter((value) => value !== null && value !== undefined));
    }
    case 'PRIORITY':
    case 'OUTPUT ORDER': {
      const lists = priorityLists(table, decisionId, context);
      if (!lists.ok) return lists;
      const ordered = byPriority(matched, lists.value);
      if (table.hitPolicy === 'PRIORITY') return { ok: true, value: ordered[0]?.output ?? null };
      return { ok: true, value: ordered.map((rule) => rule.output) };
    }
  }
}
