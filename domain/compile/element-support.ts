// Which flow elements Casemap can run, and for the rest a reason and an alternative; the
// compiler keeps them on the map and reports them (docs/bpmn-elements.md is the same table).
import type { Trigger } from '../process/ir.ts';
import type { CompileContext, ProcessScope } from './compile-context.ts';
import { describe, kindInWords, sentence } from './describe-element.ts';
import { type Element, child, children, raw } from './moddle-access.ts';
import { businessRuleProblem } from './read-business-rule.ts';
import { scriptProblem } from './read-script.ts';

type TriggerType = Trigger['type'];

/** Event triggers Casemap runs, by event type. */
const RUNNABLE_TRIGGERS: Record<string, readonly TriggerType[]> = {
  'bpmn:StartEvent': ['none', 'timer', 'message', 'signal'],
  'bpmn:EndEvent': ['none', 'terminate', 'error', 'escalation', 'signal', 'compensate'],
  'bpmn:IntermediateCatchEvent': ['timer', 'message', 'link', 'signal'],
  'bpmn:IntermediateThrowEvent': ['none', 'escalation', 'link', 'signal', 'compensate'],
  'bpmn:BoundaryEvent': ['timer', 'message', 'error', 'escalation', 'signal', 'compensate'],
};

/** The start event of an event sub-process says what triggers it: a none start cannot. */
const EVENT_SUB_PROCESS_STARTS: readonly TriggerType[] = ['timer', 'message', 'error', 'escalation', 'signal'];

const isEventSubProcess = (element: Element | undefined): boolean =>
  element?.$type === 'bpmn:SubProcess' && raw(element, 'triggeredByEvent') === true;

/** The triggers an event may have, which for a start event depends on whether it starts an event sub-process. */
function runnableTriggers(element: Element): readonly TriggerType[] | undefined {
  if (element.$type === 'bpmn:StartEvent' && isEventSubProcess(element.$parent as Element | undefined)) return EVENT_SUB_PROCESS_STARTS;
  return RUNNABLE_TRIGGERS[element.$type];
}

function eventSubProcessProblem(element: Element): string | undefined {
  const starts = children(element, 'flowElements').filter((inner) => inner.$type === 'bpmn:StartEvent');
  if (starts.length === 1) return undefined;
  return `event sub-processes with ${starts.length === 0 ? 'no start event' : 'more than one start event'}; give it exactly one start event with a message, timer, error, escalation or signal`;
}

/** Flow elements Casemap maps but does not run, with what to use instead. */
const MAPPED_ONLY: Record<string, string> = {
  'bpmn:ComplexGateway': 'complex gateways; use an inclusive or parallel gateway instead',
  'bpmn:Transaction': 'transactions; use an embedded sub-process with error boundary events instead',
  'bpmn:AdHocSubProcess': 'ad-hoc sub-processes; model the optional steps with an inclusive gateway instead',
  'bpmn:ImplicitThrowEvent': 'implicit throw events',
  'bpmn:ChoreographyTask': 'choreographies, which describe messages between parties rather than one process',
  'bpmn:SubChoreography': 'choreographies, which describe messages between parties rather than one process',
  'bpmn:CallChoreography': 'choreographies, which describe messages between parties rather than one process',
};

const triggerAlternatives: Partial<Record<TriggerType, string>> = {
  conditional: 'use an exclusive gateway or a message event instead',
  link: 'connect the steps with a sequence flow instead',
  compensate: 'put a compensation boundary event on the step to undo, associated with its undo step, instead',
  cancel: 'use an error event instead',
  multiple: 'use one event per trigger, after an event-based gateway, instead',
  message: 'use a send task instead',
  error: 'use an error boundary event instead',
  escalation: 'use an escalation boundary event instead',
  terminate: 'use a terminate end event instead',
  none: 'use a timer or message event instead',
  timer: 'use a timer boundary event or intermediate timer event instead',
};

/** The reasons Casemap cannot run the element, or an empty list when it can. */
export function unsupportedReasons(element: Element, trigger: Trigger | undefined): string[] {
  const reasons: string[] = [];
  const type = element.$type;
  const runnable = runnableTriggers(element);
  const triggerType = trigger?.type ?? 'none';
  if (runnable && !runnable.includes(triggerType)) {
    const alternative = triggerAlternatives[triggerType];
    reasons.push(`${triggerType} ${kindInWords(type)}s${alternative ? `; ${alternative}` : ''}`);
  }
  const mappedOnly = MAPPED_ONLY[type];
  if (mappedOnly) reasons.push(mappedOnly);
  const script = type === 'bpmn:ScriptTask' ? scriptProblem(element) : undefined;
  if (script) reasons.push(script);
  const businessRule = type === 'bpmn:BusinessRuleTask' ? businessRuleProblem(element) : undefined;
  if (businessRule) reasons.push(businessRule);
  const eventSubProcess = isEventSubProcess(element) ? eventSubProcessProblem(element) : undefined;
  if (eventSubProcess) reasons.push(eventSubProcess);
  if (type === 'bpmn:EventBasedGateway' && raw(element, 'instantiate') === true) {
    reasons.push('event-based gateways that start a case; start cases with message start events instead');
  }
  const loop = child(element, 'loopCharacteristics');
  // Multi-instance markers run (read-multi-instance.ts reports what is missing); standard loops do not.
  if (loop && loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') reasons.push('loop markers; model the loop with an exclusive gateway instead');
  return reasons;
}

export function reportUnsupported(element: Element, trigger: Trigger | undefined, scope: ProcessScope | undefined, ctx: CompileContext): void {
  for (const reason of unsupportedReasons(element, trigger)) {
    const executable = scope?.isExecutable === true;
    ctx.report({
      code: 'not-executable-element',
      severity: executable ? 'error' : 'info',
      elementId: element.id,
      elementType: element.$type,
      message: `${sentence(describe(element))} is kept on the map, but Casemap does not run ${reason}.`,
    });
  }
}
