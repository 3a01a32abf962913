// The one BpmnModdle set-up Casemap parses with: BPMN 2.0 plus the casework:, camunda: and zeebe:
// extensions, so diagrams from Camunda 7 and 8 keep their assignees, groups and task types.
import { BpmnModdle } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import casework from './casework-moddle.json' with { type: 'json' };

export const CASEWORK_NAMESPACE = casework.uri;
export const caseworkModdleDescriptor = casework;

// camunda: and zeebe: both add `modelerTemplate` to every element; moddle refuses the second
// definition, and Casemap does not read templates, so zeebe's copy of that trait is left out.
const zeebeWithoutTemplates = {
  ...zeebe,
  types: zeebe.types.filter((type) => type.name !== 'TemplateSupported'),
};

/** zeebe:, as Casemap reads it; the Designer's bpmn-js writes business rule tasks' called decisions with it. */
export const zeebeModdleDescriptor = zeebeWithoutTemplates;

export function createModdle(): BpmnModdle {
  return new BpmnModdle({ casework, camunda, zeebe: zeebeWithoutTemplates });
}

let shared: BpmnModdle | undefined;

/**
 * One moddle for every parse in this process (or browser tab, or workflow sandbox). A moddle holds
 * only the type registry, which it builds lazily; sharing it saves that work on every compile, and
 * parsing keeps no state in it, so concurrent parses do not meet.
 */
export function sharedModdle(): BpmnModdle {
  shared ??= createModdle();
  return shared;
}
