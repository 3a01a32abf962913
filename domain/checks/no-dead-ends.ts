// A case whose token reaches a step with no way on stops without ending: it is neither open work
// nor finished, which is how cases get overlooked. Only end events may finish a path.
import { describe, elements, flowGraph, is, isAny } from './support/bpmn-element.ts';
import type { RuleFactory } from './support/rule.ts';

const noDeadEnds: RuleFactory = () => ({
  meta: { description: 'Every step, gateway and event other than an end event leads somewhere.' },
  check(node, reporter) {
    if (!is(node, 'bpmn:FlowNode') || !node.$parent || !node.id) return;
    if (isAny(node, ['bpmn:EndEvent']) || is(node.$parent, 'bpmn:AdHocSubProcess')) return;
    if (node.isForCompensation === true || (is(node, 'bpmn:SubProcess') && node.triggeredByEvent === true)) return;
    const definitions = elements(node, 'eventDefinitions');
    // A link throw jumps to its catch; a compensation boundary is linked by an association.
    if (is(node, 'bpmn:IntermediateThrowEvent') && definitions.some((definition) => is(definition, 'bpmn:LinkEventDefinition'))) return;
    if (is(node, 'bpmn:BoundaryEvent') && definitions.some((definition) => is(definition, 'bpmn:CompensateEventDefinition'))) return;
    const graph = flowGraph(node.$parent);
    if (graph.outgoing(node).length > 0) return;
    const note = graph.boundaryEvents(node).length > 0 ? ' (its boundary events only cover the exceptions)' : '';
    reporter.report(node.id, `${describe(node)} leads nowhere${note}: connect it to the next step, or to an end event if the case is finished there.`);
  },
});

export default noDeadEnds;
