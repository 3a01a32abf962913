// Reads a DMN file with dmn-moddle into the decision IR. Never throws on input: what it cannot
// read or run becomes an error value naming the decision at fault.
import { DmnModdle, type DmnElement } from 'dmn-moddle';
import type { Decision, DecisionSet, KnowledgeModel } from './decision-ir.ts';
import { readKnowledge } from './read-knowledge.ts';
import { list, readLogic, requirementIds } from './read-logic.ts';
import { shapeReader, type ShapeOf } from './type-shapes.ts';
import type { DmnError, DmnOutcome } from './dmn-errors.ts';

/** Largest DMN file Casemap reads; a decision table beyond this is not something people edit. */
export const MAX_DMN_BYTES = 2_000_000;

// dmn-moddle knows DMN 1.3. DMN 1.4 and 1.5 changed nothing Casemap reads in decision tables,
// literal expressions or requirements, so their namespaces are read as 1.3's.
const LATER_NAMESPACES: ReadonlyArray<[RegExp, string]> = [
  [/https:\/\/www\.omg\.org\/spec\/DMN\/(20211108|20230324)\/MODEL\//g, 'https://www.omg.org/spec/DMN/20191111/MODEL/'],
  [/https:\/\/www\.omg\.org\/spec\/DMN\/(20211108|20230324)\/DMNDI\//g, 'https://www.omg.org/spec/DMN/20191111/DMNDI/'],
];

function readDecision(decision: DmnElement, shapeOf: ShapeOf, knowledgeOf: (decision: DmnElement) => DmnOutcome<KnowledgeModel[]>): DmnOutcome<Decision> {
  const id = decision.id ?? '';
  const read = readLogic(decision, decision.decisionLogic as DmnElement | undefined);
  if (!read.ok) return read;
  const variable = decision.variable as DmnElement | undefined;
  const requires = requirementIds(decision, 'informationRequirement', 'requiredDecision');
  const knowledge = knowledgeOf(decision);
  if (!knowledge.ok) return knowledge;
  const shape = shapeOf(variable?.typeRef);
  return {
    ok: true,
    value: {
      id,
      ...(decision.name ? { name: decision.name } : {}),
      variable: variable?.name ?? decision.name ?? id,
      requires,
      ...(shape ? { shape } : {}),
      ...(knowledge.value.length > 0 ? { knowledge: knowledge.value } : {}),
      logic: read.value,
    },
  };
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
  const shapeOf = shapeReader(list(definitions.itemDefinition));
  const knowledgeOf = readKnowledge(list(definitions.drgElement), shapeOf);
  for (const element of list(definitions.drgElement)) {
    if (element.$type !== 'dmn:Decision') continue;
    const read = readDecision(element, shapeOf, knowledgeOf);
    if (!read.ok) return read;
    decisions.push(read.value);
  }
  const problem = requirementProblem(decisions);
  if (problem) return { ok: false, error: problem };
  return { ok: true, value: { ...(definitions.id ? { definitionsId: definitions.id } : {}), ...(definitions.name ? { name: definitions.name } : {}), decisions } };
}
