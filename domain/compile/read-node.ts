// Turns one BPMN flow node into an IR node: its kind, trigger, owner, deadlines, form, service
// handler, called process and markers; unrunnable elements are reported, never dropped.
import type { Lane, Node, NodeKind } from '../process/ir.ts';
import type { CompileContext, ProcessScope } from './compile-context.ts';
import { reportUnsupported } from './element-support.ts';
import { type Element, child, children, commaList, extension, raw, refId, text } from './moddle-access.ts';
import { readDeadlines } from './read-deadlines.ts';
import { readForm } from './read-form.ts';
import { readMultiInstance } from './read-multi-instance.ts';
import { readOwner } from './read-owner.ts';
import { calledDecision } from './read-business-rule.ts';
import { readScript } from './read-script.ts';
import { readService } from './read-service.ts';
import { messageTrigger, readTrigger } from './read-trigger.ts';

/** BPMN flow node types and the IR kind each becomes. */
export const NODE_KINDS: ReadonlyMap<string, NodeKind> = new Map<string, NodeKind>([
  ['bpmn:StartEvent', 'startEvent'],
  ['bpmn:EndEvent', 'endEvent'],
  ['bpmn:IntermediateCatchEvent', 'intermediateCatchEvent'],
  ['bpmn:IntermediateThrowEvent', 'intermediateThrowEvent'],
  ['bpmn:ImplicitThrowEvent', 'intermediateThrowEvent'],
  ['bpmn:BoundaryEvent', 'boundaryEvent'],
  ['bpmn:Task', 'task'],
  ['bpmn:UserTask', 'userTask'],
  ['bpmn:ServiceTask', 'serviceTask'],
  ['bpmn:ReceiveTask', 'receiveTask'],
  ['bpmn:SendTask', 'sendTask'],
  ['bpmn:ManualTask', 'manualTask'],
  ['bpmn:ScriptTask', 'scriptTask'],
  ['bpmn:BusinessRuleTask', 'businessRuleTask'],
  ['bpmn:ExclusiveGateway', 'exclusiveGateway'],
  ['bpmn:ParallelGateway', 'parallelGateway'],
  ['bpmn:InclusiveGateway', 'inclusiveGateway'],
  ['bpmn:EventBasedGateway', 'eventBasedGateway'],
  ['bpmn:ComplexGateway', 'complexGateway'],
  ['bpmn:SubProcess', 'subProcess'],
  ['bpmn:AdHocSubProcess', 'adHocSubProcess'],
  ['bpmn:Transaction', 'transaction'],
  ['bpmn:CallActivity', 'callActivity'],
]);

const EVENT_KINDS = new Set<NodeKind>(['startEvent', 'endEvent', 'intermediateCatchEvent', 'intermediateThrowEvent', 'boundaryEvent']);
const NO_HANDLER_KINDS = new Set<NodeKind>(['userTask', 'manualTask', 'task']);

export interface NodePlace {
  id: string;
  scope: ProcessScope;
  parentId?: string;
  lane?: Lane;
}

function triggerOf(element: Element, kind: NodeKind, scope: ProcessScope, ctx: CompileContext): Node['trigger'] {
  if (EVENT_KINDS.has(kind)) return readTrigger(element, scope, ctx);
  if (kind === 'receiveTask' || (kind === 'sendTask' && child(element, 'messageRef'))) {
    return messageTrigger(element, element, scope, ctx);
  }
  return undefined;
}

function calledElementOf(element: Element): string | undefined {
  const zeebe = extension(element, 'zeebe:CalledElement');
  return text(element, 'calledElement') ?? (zeebe && (text(zeebe, 'processId') ?? text(zeebe, 'processIdExpression')));
}

function documentationOf(element: Element): string | undefined {
  const parts = children(element, 'documentation')
    .map((doc) => text(doc, 'text'))
    .filter((part): part is string => part !== undefined);
  return parts.length ? parts.join('\n\n') : undefined;
}

/** Keeps the IR plain JSON: optional properties are absent rather than undefined. */
const definedOnly = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export function readNode(element: Element, kind: NodeKind, place: NodePlace, ctx: CompileContext): Node {
  const { scope } = place;
  const trigger = triggerOf(element, kind, scope, ctx);
  reportUnsupported(element, trigger, scope, ctx);
  const isBoundary = kind === 'boundaryEvent';
  const hasForm = kind === 'userTask' || kind === 'startEvent';
  return definedOnly<Node>({
    id: place.id,
    kind,
    name: text(element, 'name'),
    processId: scope.processId,
    parentId: place.parentId,
    laneId: place.lane?.id,
    trigger,
    attachedTo: isBoundary ? refId(element, 'attachedToRef') : undefined,
    cancelActivity: isBoundary ? raw(element, 'cancelActivity') !== false : kind === 'startEvent' && raw(element, 'isInterrupting') === false ? false : undefined,
    defaultFlow: refId(element, 'default'),
    triggeredByEvent:
      raw(element, 'triggeredByEvent') === true || (kind === 'eventBasedGateway' && raw(element, 'instantiate') === true)
        ? true
        : undefined,
    owner: readOwner(element, place.lane),
    ...readDeadlines(element, scope, ctx),
    form: hasForm ? readForm(element, ctx) : [],
    captures: commaList(text(element, 'casework:captures')),
    kpis: commaList(text(element, 'casework:kpis')),
    service: NO_HANDLER_KINDS.has(kind) ? undefined : readService(element, ctx),
    calledElement: kind === 'callActivity' ? calledElementOf(element) : undefined,
    script: kind === 'scriptTask' ? readScript(element, ctx) : undefined,
    decision: kind === 'businessRuleTask' ? calledDecision(element) : undefined,
    isForCompensation: raw(element, 'isForCompensation') === true ? true : undefined,
    ...readMultiInstance(element, scope, ctx),
    documentation: documentationOf(element),
  });
}
