// Casemap's engine runs a deliberate subset of BPMN (docs: DESIGN.md §4-5). A diagram may map any
// BPMN for analysis, but an executable process must only use what the engine can run.
import { describe, elements, extensionValues, is, isInExecutableProcess, text, type BpmnElement } from './support/bpmn-element.ts';
import type { RuleFactory } from './support/rule.ts';
import { scriptOfTask } from './support/script-task.ts';

const UNSUPPORTED_ELEMENTS: readonly (readonly [string, string])[] = [
  ['bpmn:ComplexGateway', 'is a complex gateway: use an exclusive, inclusive or parallel gateway'],
  ['bpmn:Transaction', 'is a transaction: use an embedded sub-process with error boundary events'],
  ['bpmn:AdHocSubProcess', 'is an ad-hoc sub-process: use an embedded sub-process with its steps connected in order, or parallel gateways'],
];

const UNSUPPORTED_TRIGGERS: readonly (readonly [string, string])[] = [
  ['bpmn:ConditionalEventDefinition', 'a condition'],
  ['bpmn:CancelEventDefinition', 'a cancellation'],
];

/** Casemap runs a script task's FEEL expression into a result variable; no other script language. */
function scriptProblem(node: BpmnElement): string | undefined {
  const script = scriptOfTask(node);
  if (script.kind === 'feel') {
    return script.resultVariable ? undefined : 'is a FEEL script task with no result variable: name the case data field its result is stored in (zeebe:script resultVariable)';
  }
  const language = script.language ? ` in "${script.language}"` : '';
  return `is a script task${language}: Casemap runs only FEEL script tasks (a zeebe:script expression and result variable); write the script as FEEL, or make it a service task with a handler (casework:handler)`;
}

/** Casemap runs a business rule task that calls a DMN decision deployed with the process, or has a handler. */
function businessRuleProblem(node: BpmnElement): string | undefined {
  const decision = extensionValues(node).find((value) => is(value, 'zeebe:CalledDecision'));
  if (decision) return text(decision, 'decisionId') && text(decision, 'resultVariable') ? undefined : 'is a business rule task whose called decision lacks a decision id or result variable: set both (zeebe:calledDecision)';
  if (text(node, 'casework:handler') || extensionValues(node).some((value) => is(value, 'zeebe:TaskDefinition'))) return undefined;
  return 'is a business rule task that calls no decision: call a DMN decision deployed with the process (zeebe:calledDecision), or make it a service task with a handler';
}

const isEventSubProcess = (node: BpmnElement | undefined): boolean => is(node, 'bpmn:SubProcess') && node?.triggeredByEvent === true;

const hasDefinition = (node: BpmnElement, type: string): boolean => elements(node, 'eventDefinitions').some((definition) => is(definition, type));

/** An event sub-process runs from exactly one start event, which names what triggers it. */
function eventSubProcessProblem(node: BpmnElement): string | undefined {
  const starts = elements(node, 'flowElements').filter((inner) => is(inner, 'bpmn:StartEvent'));
  if (starts.length !== 1) {
    return `is an event sub-process with ${starts.length === 0 ? 'no start event' : `${starts.length} start events`}: give it exactly one start event with a message, timer, error, escalation or signal`;
  }
  if (elements(starts[0], 'eventDefinitions').length === 0) {
    return 'is an event sub-process whose start event waits for nothing: give its start event a message, timer, error, escalation or signal';
  }
  return undefined;
}

/** Casemap runs a multi-instance step that says what it runs over: an input collection or a loop cardinality. */
function multiInstanceProblem(loop: BpmnElement): string | undefined {
  const data = extensionValues(loop).find((value) => is(value, 'zeebe:LoopCharacteristics') || is(value, 'casework:LoopCharacteristics'));
  if ((data && text(data, 'inputCollection')) || loop.loopCardinality) return undefined;
  return 'runs as multi-instance but does not say over what: set its input collection (zeebe:loopCharacteristics inputCollection, a list in the case data) or its loop cardinality';
}

function problemOf(node: BpmnElement): string | undefined {
  if (is(node, 'bpmn:ScriptTask')) return scriptProblem(node);
  if (is(node, 'bpmn:BusinessRuleTask')) return businessRuleProblem(node);
  const element = UNSUPPORTED_ELEMENTS.find(([type]) => is(node, type));
  if (element) return element[1];
  if (isEventSubProcess(node)) return eventSubProcessProblem(node);
  if (is(node, 'bpmn:StartEvent') && hasDefinition(node, 'bpmn:CompensateEventDefinition')) {
    return 'is a compensation start event: undo steps run from compensation boundary events (each associated with its undo step), not from compensation event sub-processes';
  }
  if (is(node, 'bpmn:Event')) {
    const trigger = UNSUPPORTED_TRIGGERS.find(([type]) => elements(node, 'eventDefinitions').some((definition) => is(definition, type)));
    if (trigger) return `is triggered by ${trigger[1]}: use a message, timer or error event instead`;
  }
  const loop = node.loopCharacteristics as BpmnElement | undefined;
  if (is(loop, 'bpmn:MultiInstanceLoopCharacteristics')) return multiInstanceProblem(loop as BpmnElement);
  if (is(loop, 'bpmn:StandardLoopCharacteristics')) return 'loops: draw the loop as a gateway with a flow back to the step';
  return undefined;
}

const executableElementsOnly: RuleFactory = () => ({
  meta: { description: 'An executable process uses only the BPMN elements Casemap can run.' },
  check(node, reporter) {
    if (!is(node, 'bpmn:FlowNode') || !node.id || !isInExecutableProcess(node)) return;
    const problem = problemOf(node);
    if (problem) reporter.report(node.id, `${describe(node)} ${problem}. Casemap cannot run it in an executable process.`);
  },
});

export default executableElementsOnly;
