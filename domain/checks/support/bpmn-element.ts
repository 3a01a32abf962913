// Reading a bpmn-moddle tree the way every Casemap check needs: types, extension attributes,
// the sequence-flow graph of a scope, lanes and teams, and element names a designer recognises.

export interface BpmnElement {
  readonly $type: string;
  readonly $parent?: BpmnElement;
  readonly id?: string;
  readonly name?: string;
  $instanceOf?(type: string): boolean;
  get?(name: string): unknown;
  readonly [key: string]: unknown;
}

export function is(node: BpmnElement | undefined, type: string): boolean {
  if (!node) return false;
  return typeof node.$instanceOf === 'function' ? node.$instanceOf(type) : node.$type === type;
}

export function isAny(node: BpmnElement | undefined, types: readonly string[]): boolean {
  return types.some((type) => is(node, type));
}

/** A non-blank string property (`casework:team`, `camunda:assignee`, …), trimmed. */
export function text(node: BpmnElement | undefined, property: string): string | undefined {
  if (!node) return undefined;
  const value = typeof node.get === 'function' ? node.get(property) : node[property];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function element(node: BpmnElement | undefined, property: string): BpmnElement | undefined {
  const value = node?.[property];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as BpmnElement) : undefined;
}

export function elements(node: BpmnElement | undefined, property: string): BpmnElement[] {
  const value = node?.[property];
  return Array.isArray(value) ? (value as BpmnElement[]) : [];
}

export function extensionValues(node: BpmnElement): BpmnElement[] {
  return elements(element(node, 'extensionElements'), 'values');
}

export function findAncestor(node: BpmnElement | undefined, type: string): BpmnElement | undefined {
  for (let current = node?.$parent; current; current = current.$parent) if (is(current, type)) return current;
  return undefined;
}

export function isInExecutableProcess(node: BpmnElement): boolean {
  return findAncestor(node, 'bpmn:Process')?.isExecutable === true;
}

/** The body of a bpmn:FormalExpression (conditions, timer values), or undefined when blank. */
export function expressionBody(expression: BpmnElement | undefined): string | undefined {
  return text(expression, 'body');
}

const KINDS: readonly (readonly [string, string])[] = [
  ['bpmn:SubProcess', 'Sub-process'],
  ['bpmn:Activity', 'Step'],
  ['bpmn:Gateway', 'Gateway'],
  ['bpmn:Event', 'Event'],
  ['bpmn:SequenceFlow', 'Flow'],
  ['bpmn:Process', 'Process'],
  ['bpmn:Lane', 'Lane'],
  ['bpmn:Message', 'Message'],
];

/** `Step "Assess case"`, or `Step Task_1` when the step has no name. */
export function describe(node: BpmnElement): string {
  const kind = KINDS.find(([type]) => is(node, type))?.[1] ?? 'Element';
  const name = text(node, 'name');
  return name ? `${kind} "${name}"` : `${kind} ${node.id ?? '(no id)'}`;
}

/** The same as describe, for the middle of a sentence. */
export function mention(node: BpmnElement): string {
  const described = describe(node);
  return described.charAt(0).toLowerCase() + described.slice(1);
}

export interface FlowGraph {
  readonly nodes: readonly BpmnElement[];
  readonly flows: readonly BpmnElement[];
  outgoing(node: BpmnElement): readonly BpmnElement[];
  incoming(node: BpmnElement): readonly BpmnElement[];
  boundaryEvents(node: BpmnElement): readonly BpmnElement[];
}

const graphs = new WeakMap<BpmnElement, FlowGraph>();

/** The sequence flows of one scope (a process or sub-process), read from sourceRef/targetRef. */
export function flowGraph(container: BpmnElement): FlowGraph {
  const cached = graphs.get(container);
  if (cached) return cached;
  const flowElements = elements(container, 'flowElements');
  const nodes = flowElements.filter((candidate) => is(candidate, 'bpmn:FlowNode'));
  const flows = flowElements.filter((candidate) => is(candidate, 'bpmn:SequenceFlow'));
  const outgoing = new Map<BpmnElement, BpmnElement[]>();
  const incoming = new Map<BpmnElement, BpmnElement[]>();
  const boundary = new Map<BpmnElement, BpmnElement[]>();
  const push = (map: Map<BpmnElement, BpmnElement[]>, key: BpmnElement | undefined, value: BpmnElement): void => {
    if (!key) return;
    map.set(key, [...(map.get(key) ?? []), value]);
  };
  for (const flow of flows) {
    push(outgoing, element(flow, 'sourceRef'), flow);
    push(incoming, element(flow, 'targetRef'), flow);
  }
  for (const node of nodes) if (is(node, 'bpmn:BoundaryEvent')) push(boundary, element(node, 'attachedToRef'), node);
  const graph: FlowGraph = {
    nodes,
    flows,
    outgoing: (node) => outgoing.get(node) ?? [],
    incoming: (node) => incoming.get(node) ?? [],
    boundaryEvents: (node) => boundary.get(node) ?? [],
  };
  graphs.set(container, graph);
  return graph;
}

const laneIndexes = new WeakMap<BpmnElement, Map<string, BpmnElement>>();

function laneIndex(process: BpmnElement): Map<string, BpmnElement> {
  const cached = laneIndexes.get(process);
  if (cached) return cached;
  const index = new Map<string, BpmnElement>();
  // Parents first, so a node listed in a lane and in its child lane ends up in the child.
  const visit = (laneSet: BpmnElement | undefined): void => {
    for (const lane of elements(laneSet, 'lanes')) {
      for (const ref of elements(lane, 'flowNodeRef')) if (ref.id) index.set(ref.id, lane);
      visit(element(lane, 'childLaneSet'));
    }
  };
  for (const laneSet of elements(process, 'laneSets')) visit(laneSet);
  laneIndexes.set(process, index);
  return index;
}

/** The lane a node is drawn in, or the lane of the nearest sub-process around it. */
export function laneOf(node: BpmnElement): BpmnElement | undefined {
  const process = findAncestor(node, 'bpmn:Process');
  if (!process) return undefined;
  const index = laneIndex(process);
  for (let current: BpmnElement | undefined = node; current && current !== process; current = current.$parent) {
    const lane = current.id ? index.get(current.id) : undefined;
    if (lane) return lane;
  }
  return undefined;
}

export function teamOfLane(lane: BpmnElement | undefined): string | undefined {
  return text(lane, 'casework:team') ?? text(lane, 'name');
}

/** The team owning a step: its own casework:team, else its lane's team (a boundary event's is its host's). */
export function teamOf(node: BpmnElement): string | undefined {
  const host = is(node, 'bpmn:BoundaryEvent') ? element(node, 'attachedToRef') : undefined;
  if (host) return teamOf(host);
  return text(node, 'casework:team') ?? teamOfLane(laneOf(node));
}
