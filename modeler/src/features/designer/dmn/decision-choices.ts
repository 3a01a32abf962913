// The decisions a business rule task can call, as the Decisions panel's open DMN file has them.
import type { DmnView } from 'dmn-js/lib/Modeler';

export interface DecisionChoice {
  id: string;
  name?: string;
}

/** Each decision of the file once, in the order dmn-js lists its views (the requirements diagram and models left out). */
export function decisionChoices(views: readonly DmnView[]): DecisionChoice[] {
  const seen = new Set<string>();
  const choices: DecisionChoice[] = [];
  for (const { element } of views) {
    if (element.$type !== 'dmn:Decision' || seen.has(element.id)) continue;
    seen.add(element.id);
    choices.push(element.name ? { id: element.id, name: element.name } : { id: element.id });
  }
  return choices;
}
