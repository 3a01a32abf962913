// Which flow elements Casemap can run, and for the rest a reason and an alternative; the
// compiler keeps them on the map and reports them (docs/bpmn-elements.md is the same table).
import type { Trigger } from '../process/ir.ts';
import type { CompileContext, ProcessScope } from './compile-context.ts';
import { describe, kindInWords, sentence } from './describe-element.ts';
import { type Element, child, raw } from './moddle-access.ts';
import { businessRuleProblem } from './read-business-rule.ts';
import { scriptProblem } from './read-script.ts';

type TriggerType = Trigger['type'];

/** Event triggers Casemap runs, by event type. */
const RUNNABLE_TRIGGERS: Record<string, readonly TriggerType[]> = {
  'bpmn:StartEvent': ['none', 'timer', 'message'],
  'bpmn:EndEvent': ['none', 'terminate', 'error', 'escalation'],
  'bpmn:IntermediateCatchEvent': ['timer', 'message', 'link'],
  'bpmn:IntermediateThrowEvent': ['none', 'escalation', 'link'],
  'bpmn:BoundaryEvent': ['timer', 'message', 'error', 'escalation'],
};

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
  signal: 'use a message event instead',
  conditional: 'use an exclusive gateway or a message event instead',
  link: 'connect the steps with a sequence flow instead',
  compensate: 'model the undo steps explicitly instead',
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
  const runnable = RUNNABLE_TRIGGERS[type];
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
  if (type === 'bpmn:SubProcess' && raw(element, 'triggeredByEvent') === true) {
    reasons.push('event sub-processes; use boundary events on an embedded sub-process instead');
  }
  if (type === 'bpmn:EventBasedGateway' && raw(element, 'instantiate') === true) {
    reasons.push('event-based gateways that start a case; start cases with message start events instead');
  }
  if (raw(element, 'isForCompensation') === true) reasons.push('compensation activities; model the undo steps explicitly instead');
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
