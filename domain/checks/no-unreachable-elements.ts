// A step no case can reach is either a drawing mistake or dead process: both mislead analysts.
import { describe, element, flowGraph, is, type BpmnElement } from './support/bpmn-element.ts';
import type { Reporter, RuleFactory } from './support/rule.ts';

function isEntry(node: BpmnElement, scope: BpmnElement, hasStartEvent: boolean, graph: ReturnType<typeof flowGraph>): boolean {
  if (is(node, 'bpmn:StartEvent')) return true;
  // Event sub-processes start on their own trigger; compensation handlers and link targets are
  // entered without a sequence flow.
  if (is(node, 'bpmn:SubProcess') && node.triggeredByEvent === true) return true;
  if (node.isForCompensation === true) return true;
  if (is(node, 'bpmn:IntermediateCatchEvent') && (node.eventDefinitions as BpmnElement[] | undefined)?.some((definition) => is(definition, 'bpmn:LinkEventDefinition'))) return true;
  if (is(scope, 'bpmn:AdHocSubProcess')) return true;
  // A sub-process without a start event starts every step that has no incoming flow.
  return is(scope, 'bpmn:SubProcess') && !hasStartEvent && graph.incoming(node).length === 0 && !is(node, 'bpmn:BoundaryEvent');
}

function checkScope(scope: BpmnElement, reporter: Reporter): void {
  const graph = flowGraph(scope);
  if (graph.nodes.length === 0) return;
  const hasStartEvent = graph.nodes.some((node) => is(node, 'bpmn:StartEvent'));
  if (is(scope, 'bpmn:Process') && !hasStartEvent) {
    if (scope.id) reporter.report(scope.id, `${describe(scope)} has no start event, so none of its steps can be reached: add a start event where a case begins.`);
    return;
  }
  const reached = new Set<BpmnElement>();
  const queue = graph.nodes.filter((node) => isEntry(node, scope, hasStartEvent, graph));
  const reach = (node: BpmnElement | undefined): void => {
    if (!node || reached.has(node)) return;
    reached.add(node);
    queue.push(node);
  };
  for (const entry of queue.splice(0)) reach(entry);
  while (queue.length > 0) {
    const node = queue.shift() as BpmnElement;
    for (const flow of graph.outgoing(node)) reach(element(flow, 'targetRef'));
    for (const boundary of graph.boundaryEvents(node)) reach(boundary);
  }
  for (const node of graph.nodes) {
    if (!reached.has(node)) {
      if (node.id) reporter.report(node.id, `${describe(node)} can never be reached: no path leads to it from a start event. Connect it with a sequence flow, or remove it.`);
    } else if (is(node, 'bpmn:SubProcess')) {
      checkScope(node, reporter);
    }
  }
}

const noUnreachableElements: RuleFactory = () => ({
  meta: { description: 'Every step, event and gateway can be reached from a start event.' },
  check(node, reporter) {
    if (is(node, 'bpmn:Process')) checkScope(node, reporter);
  },
});

export default noUnreachableElements;
