// Wires compensation up once every process is read: each compensation boundary event learns the
// undo step associated with it (BPMN joins them by an association, not a sequence flow), and what
// cannot be wired becomes a diagnostic naming the element and what would be accepted.
import type { Artifact, Node, Process } from '../process/ir.ts';
import type { CompileContext } from './compile-context.ts';
import { kindInWords, quoted, sentence } from './describe-element.ts';

const ACTIVITY_KINDS = new Set<Node['kind']>([
  'task', 'userTask', 'serviceTask', 'receiveTask', 'sendTask', 'manualTask', 'scriptTask', 'businessRuleTask',
  'subProcess', 'adHocSubProcess', 'transaction', 'callActivity',
]);

const describeNode = (node: Node): string =>
  node.name ? `the ${kindInWords(node.kind)} ${quoted(node.name)} (${node.id})` : `the ${kindInWords(node.kind)} ${node.id}`;

const isCompensationBoundary = (node: Node): boolean => node.kind === 'boundaryEvent' && node.trigger?.type === 'compensate';

interface Wiring {
  nodes: ReadonlyMap<string, Node>;
  /** Activities each node is associated with, in either direction (modellers draw both). */
  associated: ReadonlyMap<string, string[]>;
  isExecutable: (node: Node) => boolean;
  ctx: CompileContext;
}

function report(wiring: Wiring, node: Node, message: string): void {
  wiring.ctx.report({ code: 'invalid-compensation', severity: wiring.isExecutable(node) ? 'error' : 'info', elementId: node.id, message });
}

function wireBoundary(wiring: Wiring, boundary: Node): void {
  const host = boundary.attachedTo === undefined ? undefined : wiring.nodes.get(boundary.attachedTo);
  const on = host ? ` on ${describeNode(host)}` : '';
  const partners = (wiring.associated.get(boundary.id) ?? []).map((id) => wiring.nodes.get(id)).filter((n): n is Node => n !== undefined);
  const handlers = partners.filter((n) => n.isForCompensation === true);
  for (const partner of partners.filter((n) => n.isForCompensation !== true && ACTIVITY_KINDS.has(n.kind))) {
    report(wiring, boundary, `${sentence(describeNode(boundary))}${on} is associated with ${describeNode(partner)}, which is not a compensation activity: mark that step "for compensation" (isForCompensation) or associate the boundary with the step that undoes the work.`);
  }
  if (handlers.length === 0) {
    if (partners.some((n) => ACTIVITY_KINDS.has(n.kind))) return;
    report(wiring, boundary, `${sentence(describeNode(boundary))}${on} has no undo step: draw an association from it to the compensation activity (marked "for compensation") that undoes the work.`);
    return;
  }
  if (handlers.length > 1) {
    report(wiring, boundary, `${sentence(describeNode(boundary))}${on} is associated with ${handlers.length} compensation activities (${handlers.map((h) => h.id).join(', ')}): associate exactly one; a sub-process can hold several undo steps.`);
    return;
  }
  const [handler] = handlers;
  if (boundary.trigger?.type === 'compensate' && handler) boundary.trigger.handler = handler.id;
}

function checkHandler(wiring: Wiring, handler: Node, flowsTouching: ReadonlySet<string>): void {
  if (flowsTouching.has(handler.id)) {
    report(wiring, handler, `${sentence(describeNode(handler))} is a compensation activity with sequence flows: it runs only to undo a completed step, so remove its incoming and outgoing flows and associate it with a compensation boundary event.`);
  }
  const triggeredBy = (wiring.associated.get(handler.id) ?? []).some((id) => {
    const partner = wiring.nodes.get(id);
    return partner !== undefined && isCompensationBoundary(partner);
  });
  if (!triggeredBy) {
    report(wiring, handler, `${sentence(describeNode(handler))} is a compensation activity that no compensation boundary event is associated with, so it never runs: associate it with the compensation boundary event of the step it undoes.`);
  }
}

/** Steps whose compensation can undo something: those with a compensation boundary and every sub-process around them. */
function compensableSteps(nodes: ReadonlyMap<string, Node>): Set<string> {
  const found = new Set<string>();
  for (const node of nodes.values()) {
    if (!isCompensationBoundary(node)) continue;
    for (let id = node.attachedTo; id !== undefined && !found.has(id); id = nodes.get(id)?.parentId) found.add(id);
  }
  return found;
}

function checkActivityRef(wiring: Wiring, event: Node, compensable: ReadonlySet<string>): void {
  const ref = event.trigger?.type === 'compensate' ? event.trigger.activityRef : undefined;
  if (ref === undefined) return;
  const target = wiring.nodes.get(ref);
  if (!target || !ACTIVITY_KINDS.has(target.kind)) {
    report(wiring, event, `${sentence(describeNode(event))} compensates ${quoted(ref)}, which is not a step of this process: choose a step in the same process or sub-process, or clear the activity to compensate everything completed there.`);
    return;
  }
  if (target.parentId !== event.parentId || target.processId !== event.processId) {
    report(wiring, event, `${sentence(describeNode(event))} compensates ${describeNode(target)}, which sits in another process or sub-process: compensation only reaches steps in its own scope, so throw it from there, or choose a step beside the event.`);
    return;
  }
  if (!compensable.has(target.id)) {
    report(wiring, event, `${sentence(describeNode(event))} compensates ${describeNode(target)}, which has no compensation boundary event (nor any step inside with one), so nothing would be undone: give that step a compensation boundary event and an undo step.`);
  }
}

function link(map: Map<string, string[]>, from: string, to: string): void {
  const list = map.get(from);
  if (list) list.push(to);
  else map.set(from, [to]);
}

export function linkCompensation(graph: { nodes: Node[]; flows: readonly { source: string; target: string }[]; artifacts: readonly Artifact[] }, processes: readonly Process[], ctx: CompileContext): void {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const associated = new Map<string, string[]>();
  for (const artifact of graph.artifacts) {
    if (artifact.type !== 'association' || artifact.source === undefined || artifact.target === undefined) continue;
    link(associated, artifact.source, artifact.target);
    link(associated, artifact.target, artifact.source);
  }
  const executable = new Set(processes.filter((p) => p.isExecutable).map((p) => p.id));
  const wiring: Wiring = { nodes, associated, isExecutable: (node) => executable.has(node.processId), ctx };
  const compensable = compensableSteps(nodes);
  const flowsTouching = new Set(graph.flows.flatMap((f) => [f.source, f.target]));
  for (const node of graph.nodes) {
    if (isCompensationBoundary(node)) wireBoundary(wiring, node);
    else if (node.isForCompensation === true) checkHandler(wiring, node, flowsTouching);
    else if (node.trigger?.type === 'compensate') checkActivityRef(wiring, node, compensable);
  }
}
