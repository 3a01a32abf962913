// Reads a DMN file with dmn-moddle into the decision IR. Never throws on input: what it cannot
// read or run becomes an error value naming the decision at fault.
import { DmnModdle, type DmnElement } from 'dmn-moddle';
import { type Decision, type DecisionSet, HitPolicy, Aggregation } from './decision-ir.ts';
import type { DmnError, DmnOutcome } from './dmn-errors.ts';

/** Largest DMN file Casemap reads; a decision table beyond this is not something people edit. */
export const MAX_DMN_BYTES = 2_000_000;

// dmn-moddle knows DMN 1.3. DMN 1.4 and 1.5 changed nothing Casemap reads in decision tables,
// literal expressions or requirements, so their namespaces are read as 1.3's.
const LATER_NAMESPACES: ReadonlyArray<[RegExp, string]> = [
  [/https:\/\/www\.omg\.org\/spec\/DMN\/(20211108|20230324)\/MODEL\//g, 'https://www.omg.org/spec/DMN/20191111/MODEL/'],
  [/https:\/\/www\.omg\.org\/spec\/DMN\/(20211108|20230324)\/DMNDI\//g, 'https://www.omg.org/spec/DMN/20191111/DMNDI/'],
];

const text = (element: unknown): string | undefined => {
  const value = (element as { text?: unknown } | undefined)?.text;
  return typeof value === 'string' ? value.trim() : undefined;
};

const list = (value: unknown): DmnElement[] => (Array.isArray(value) ? (value as DmnElement[]) : []);

const refId = (reference: unknown): string | undefined => {
  const href = (reference as { href?: unknown } | undefined)?.href;
  return typeof href === 'string' ? href.replace(/^.*#/, '') : undefined;
};

const label = (decision: DmnElement): string => `the decision "${decision.name ?? decision.id ?? ''}"`;

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

function readDecision(decision: DmnElement): DmnOutcome<Decision> {
  const id = decision.id ?? '';
  const logic = decision.decisionLogic as DmnElement | undefined;
  let read: DmnOutcome<Decision['logic']>;
  if (logic?.$type === 'dmn:DecisionTable') read = readTable(decision, logic);
  else if (logic?.$type === 'dmn:LiteralExpression') read = { ok: true, value: { type: 'literalExpression', expression: text(logic) ?? '' } };
  else {
    const what = logic ? logic.$type.replace(/^dmn:/, '') : 'no decision logic';
    return { ok: false, error: { code: 'dmn-unsupported', decisionId: id, message: `${label(decision)} has ${what}; Casemap runs decision tables and literal expressions.` } };
  }
  if (!read.ok) return read;
  const variable = (decision.variable as DmnElement | undefined)?.name ?? decision.name ?? id;
  const requires = list(decision.informationRequirement)
    .map((requirement) => refId(requirement.requiredDecision))
    .filter((ref): ref is string => ref !== undefined);
  return { ok: true, value: { id, ...(decision.name ? { name: decision.name } : {}), variable, requires, logic: read.value } };
}

/** Why the requirements cannot be evaluated (a missing or circular requirement), if they cannot. */
function requirementProblem(decisions: Decision[]): DmnError | undefined {
  const byId = new Map(decisions.map((decision) => [decision.id, decision]));
  for (const decision of decisions) {
    const missing = decision.requires.find((ref) => !byId.has(ref));
    if (missing) return { code: 'decision-missing', decisionId: decision.id, message: `The decision "${decision.name ?? decision.id}" requires the decision ${missing}, which is not in the file.` };
  }
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): string | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'open') return id;
    state.set(id, 'open');
    for (const ref of byId.get(id)?.requires ?? []) {
      const cycle = visit(ref);
      if (cycle) return cycle;
    }
    state.set(id, 'done');
    return undefined;
  };
  for (const decision of decisions) {
    const cycle = visit(decision.id);
    if (cycle) return { code: 'decision-cycle', decisionId: cycle, message: `The decision "${byId.get(cycle)?.name ?? cycle}" requires itself through other decisions; requirements must not go round in a circle.` };
  }
  return undefined;
}

/** Reads DMN XML into its decisions. */
export async function readDmn(xml: string): Promise<DmnOutcome<DecisionSet>> {
  if (xml.length > MAX_DMN_BYTES) return { ok: false, error: { code: 'dmn-unreadable', message: `The DMN file is larger than ${MAX_DMN_BYTES.toLocaleString('en-GB')} characters.` } };
  const source = LATER_NAMESPACES.reduce((current, [from, to]) => current.replace(from, to), xml);
  let definitions: DmnElement;
  try {
    const parsed = await DmnModdle().fromXML(source, 'dmn:Definitions');
    definitions = parsed.rootElement;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]?.slice(0, 200) ?? '' : String(error);
    const line = error instanceof Error ? /line: (\d+)/.exec(error.message)?.[1] : undefined;
    return { ok: false, error: { code: 'dmn-unreadable', message: `The DMN file is not valid DMN XML: ${message}`, ...(line ? { line: Number(line) + 1 } : {}) } };
  }
  if (definitions?.$type !== 'dmn:Definitions') return { ok: false, error: { code: 'dmn-unreadable', message: 'The file is not a DMN definitions document.' } };
  const decisions: Decision[] = [];
  for (const element of list(definitions.drgElement)) {
    if (element.$type !== 'dmn:Decision') continue;
    const read = readDecision(element);
    if (!read.ok) return read;
    decisions.push(read.value);
  }
  const problem = requirementProblem(decisions);
  if (problem) return { ok: false, error: problem };
  return { ok: true, value: { ...(definitions.id ? { definitionsId: definitions.id } : {}), ...(definitions.name ? { name: definitions.name } : {}), decisions } };
}
