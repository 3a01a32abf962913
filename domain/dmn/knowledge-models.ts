// Business knowledge models as FEEL functions: each becomes a feelin FeelFunction under its
// variable name, so a decision's FEEL invokes it like a built-in (`is factor(value, f)`, positional
// or named arguments). Its body sees its parameters, the other models and the clock, not the
// case data: a model is a function of what it is given.
import { FeelFunction } from 'feelin';
import type { KnowledgeModel } from './decision-ir.ts';
import { evaluateLogic, knowledgeLabel } from './evaluate-logic.ts';
import { conformTo } from './type-shapes.ts';
import { chargeWork } from '../feel/work-meter.ts';

/** Thrown out of feelin when a model's body fails, so the invoking expression fails with its reason. */
class KnowledgeModelFailed extends Error {}

/** The models as context entries, by variable name; `clock` holds `now()` and `today()`. */
export function knowledgeFunctions(models: readonly KnowledgeModel[], clock: Readonly<Record<string, unknown>>): Record<string, FeelFunction> {
  const scope: Record<string, FeelFunction> = {};
  for (const model of models) {
    const names = model.parameters.map((parameter) => parameter.name);
    const owner = { id: model.id, ...(model.name ? { name: model.name } : {}), label: knowledgeLabel(model) };
    scope[model.variable] = new FeelFunction((...args: unknown[]) => {
      const given = Object.fromEntries(model.parameters.map((parameter, index) => [parameter.name, conformTo(args[index] ?? null, parameter.shape)]));
      const result = evaluateLogic(owner, model.logic, { ...scope, ...given, ...clock });
      if (!result.ok) {
        // A body that ran out of the work budget stops the whole evaluation, not just this call.
        chargeWork(0);
        throw new KnowledgeModelFailed(result.error.message);
      }
      return conformTo(result.value.raw, model.shape);
    }, names);
  }
  return scope;
}
