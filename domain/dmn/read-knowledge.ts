// Business knowledge models: the functions decisions invoke by name (`is factor(value, f)`), read
// with their parameters and their logic (a decision table or a literal expression). A decision
// carries every model it requires, directly or through other models, so it evaluates on its own.
import type { DmnElement } from 'dmn-moddle';
import type { KnowledgeModel } from './decision-ir.ts';
import type { DmnOutcome } from './dmn-errors.ts';
import { label, list, readLogic, requirementIds } from './read-logic.ts';
import type { ShapeOf } from './type-shapes.ts';

function readModel(element: DmnElement, shapeOf: ShapeOf): DmnOutcome<KnowledgeModel> {
  const id = element.id ?? '';
  const logic = element.encapsulatedLogic as DmnElement | undefined;
  if (logic?.kind !== undefined && logic.kind !== 'FEEL') {
    return { ok: false, error: { code: 'dmn-unsupported', decisionId: id, message: `${label(element)} is a ${String(logic.kind)} function; Casemap runs FEEL functions only.` } };
  }
  const body = logic?.body as DmnElement | undefined;
  const read = readLogic(element, body);
  if (!read.ok) return read;
  const parameters = list(logic?.formalParameter).map((parameter) => {
    const shape = shapeOf(parameter.typeRef);
    return { name: parameter.name ?? '', ...(shape ? { shape } : {}) };
  });
  const shape = shapeOf(body?.typeRef);
  return {
    ok: true,
    value: {
      id,
      ...(element.name ? { name: element.name } : {}),
      variable: (element.variable as DmnElement | undefined)?.name ?? element.name ?? id,
      parameters,
      ...(shape ? { shape } : {}),
      logic: read.value,
    },
  };
}

/**
 * For each decision, the knowledge models it requires, in the order first reached. A requirement
 * that is not a knowledge model of this file (a decision service, an import) is not run, as before.
 */
export function readKnowledge(drgElements: readonly DmnElement[], shapeOf: ShapeOf): (decision: DmnElement) => DmnOutcome<KnowledgeModel[]> {
  const models = new Map(drgElements.flatMap((element) => (element.$type === 'dmn:BusinessKnowledgeModel' && element.id ? [[element.id, element] as const] : [])));
  const read = new Map<string, DmnOutcome<KnowledgeModel>>();
  const requiredBy = (element: DmnElement) => requirementIds(element, 'knowledgeRequirement', 'requiredKnowledge');
  return (decision) => {
    const found: KnowledgeModel[] = [];
    const seen = new Set<string>();
    const queue = requiredBy(decision);
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const element = models.get(id);
      if (seen.has(id) || !element) continue;
      seen.add(id);
      const model = read.get(id) ?? readModel(element, shapeOf);
      read.set(id, model);
      if (!model.ok) return model;
      found.push(model.value);
      queue.push(...requiredBy(element));
    }
    return { ok: true, value: found };
  };
}
