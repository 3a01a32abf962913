// The parts of a DMN file decisions and business knowledge models share: their logic (a decision
// table or a literal expression, read into the decision IR) and their requirements.
import type { DmnElement } from 'dmn-moddle';
import { type Decision, HitPolicy, Aggregation } from './decision-ir.ts';
import type { DmnOutcome } from './dmn-errors.ts';

const text = (element: unknown): string | undefined => {
  const value = (element as { text?: unknown } | undefined)?.text;
  return typeof value === 'string' ? value.trim() : undefined;
};

export const list = (value: unknown): DmnElement[] => (Array.isArray(value) ? (value as DmnElement[]) : []);

const refId = (reference: unknown): string | undefined => {
  const href = (reference as { href?: unknown } | undefined)?.href;
  return typeof href === 'string' ? href.replace(/^.*#/, '') : undefined;
};

/** How a message names a decision or a business knowledge model. */
export const label = (owner: DmnElement): string =>
  `the ${owner.$type === 'dmn:BusinessKnowledgeModel' ? 'business knowledge model' : 'decision'} "${owner.name ?? owner.id ?? ''}"`;

function readTable(decision: DmnElement, table: DmnElement): DmnOutcome<Decision['logic']> {
  const id = decision.id ?? '';
  const hitPolicy = HitPolicy.safeParse(table.hitPolicy ?? 'UNIQUE');
  if (!hitPolicy.success) {
    return { ok: false, error: { code: 'dmn-unsupported', decisionId: id, message: `${label(decision)} uses the hit policy ${String(table.hitPolicy)}; Casemap runs ${HitPolicy.options.join(', ')}.` } };
  }
  const aggregation = table.aggregation === undefined ? undefined : Aggregation.safeParse(table.aggregation);
  if (aggregation && !aggregation.success) {
    return { ok: false, error: { code: 'dmn-unsupported', decisionId: id, message: `${label(decision)} aggregates with ${String(table.aggregation)}; Casemap supports SUM, MIN, MAX and COUNT.` } };
  }
  const inputs = list(table.input).map((input, index) => ({
    id: input.id ?? `input-${index + 1}`,
    ...(typeof input.label === 'string' ? { label: input.label } : {}),
    expression: text(input.inputExpression) ?? '',
  }));
  const outputs = list(table.output).map((output, index) => ({
    id: output.id ?? `output-${index + 1}`,
    ...(typeof output.name === 'string' ? { name: output.name } : {}),
    ...(typeof output.label === 'string' ? { label: output.label } : {}),
    ...(text(output.outputValues) ? { outputValues: text(output.outputValues) } : {}),
    ...(text(output.defaultOutputEntry) ? { defaultOutput: text(output.defaultOutputEntry) } : {}),
  }));
  if (outputs.length === 0) {
    return { ok: false, error: { code: 'dmn-unsupported', decisionId: id, message: `${label(decision)} has a decision table with no output column: add one.` } };
  }
  const rules = list(table.rule).map((rule, index) => ({
    id: rule.id ?? `rule-${index + 1}`,
    ...(typeof rule.description === 'string' ? { description: rule.description } : {}),
    inputEntries: list(rule.inputEntry).map((entry) => text(entry) || '-'),
    outputEntries: list(rule.outputEntry).map((entry) => text(entry) ?? ''),
  }));
  const misshapen = rules.find((rule) => rule.inputEntries.length !== inputs.length || rule.outputEntries.length !== outputs.length);
  if (misshapen) {
    return { ok: false, error: { code: 'dmn-unsupported', decisionId: id, message: `Rule ${misshapen.id} of ${label(decision)} does not have one cell per column (${inputs.length} inputs, ${outputs.length} outputs).` } };
  }
  return { ok: true, value: { type: 'decisionTable', hitPolicy: hitPolicy.data, ...(aggregation ? { aggregation: aggregation.data } : {}), inputs, outputs, rules } };
}

/** A decision's or knowledge model's logic: a decision table or a literal expression. */
export function readLogic(owner: DmnElement, logic: DmnElement | undefined): DmnOutcome<Decision['logic']> {
  if (logic?.$type === 'dmn:DecisionTable') return readTable(owner, logic);
  if (logic?.$type === 'dmn:LiteralExpression') return { ok: true, value: { type: 'literalExpression', expression: text(logic) ?? '' } };
  const found = logic ? logic.$type.replace(/^dmn:/, '') : 'no decision logic';
  return { ok: false, error: { code: 'dmn-unsupported', decisionId: owner.id ?? '', message: `${label(owner)} has ${found}; Casemap runs decision tables and literal expressions.` } };
}

/** The ids an element's requirements of one kind point at (`informationRequirement`/`requiredDecision`, …). */
export const requirementIds = (element: DmnElement, requirement: string, reference: string): string[] =>
  list(element[requirement])
    .map((item) => refId(item[reference]))
    .filter((ref): ref is string => ref !== undefined);
