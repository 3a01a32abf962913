// A Petri-net view of a compiled process, for token replay: built the way PM4Py converts BPMN (a place per flow, entry and exit places per node, silent transitions for gateways and events) and reduced by PM4Py's two simple rules, so replay counts the same tokens PM4Py counts.
import type { Node, NodeKind, ProcessIR } from '../process/ir.ts';

export interface Transition {
  name: string;
  /** The activity (element id) a visible transition stands for; silent transitions have none. */
  nodeId?: string;
  /** What a log calls the activity: the element's name, else its id. */
  label?: string;
  inputs: number[];
  outputs: number[];
}

export interface PetriNet {
  places: string[];
  transitions: Transition[];
  /** Index of the initial place (one token) and of the final place (one token expected). */
  source: number;
  sink: number;
}

export const activityKinds: ReadonlySet<NodeKind> = new Set<NodeKind>(['task', 'userTask', 'serviceTask', 'receiveTask', 'sendTask', 'manualTask', 'scriptTask', 'businessRuleTask', 'callActivity']);
const splitJoinKinds: ReadonlySet<NodeKind> = new Set<NodeKind>(['parallelGateway', 'inclusiveGateway']);
const containerKinds: ReadonlySet<NodeKind> = new Set<NodeKind>(['subProcess', 'transaction', 'adHocSubProcess']);

/** A mutable net while it is built and reduced; arcs as sets so a rewiring never doubles one. */
interface Draft {
  places: Map<string, { in: Set<string>; out: Set<string> }>;
  transitions: Map<string, { nodeId?: string; label?: string; in: Set<string>; out: Set<string> }>;
}

function place(net: Draft, name: string): string {
  if (!net.places.has(name)) net.places.set(name, { in: new Set(), out: new Set() });
  return name;
}

function transition(net: Draft, name: string, visible?: { nodeId: string; label: string }): string {
  if (!net.transitions.has(name)) net.transitions.set(name, { ...visible, in: new Set(), out: new Set() });
  return name;
}

function arc(net: Draft, from: string, to: string): void {
  const fromPlace = net.places.get(from);
  if (fromPlace) {
    fromPlace.out.add(to);
    net.transitions.get(to)!.in.add(from);
  } else {
    net.transitions.get(from)!.out.add(to);
    net.places.get(to)!.in.add(from);
  }
}

function removeTransition(net: Draft, name: string): void {
  const t = net.transitions.get(name)!;
  for (const p of t.in) net.places.get(p)!.out.delete(name);
  for (const p of t.out) net.places.get(p)!.in.delete(name);
  net.transitions.delete(name);
}

function removePlace(net: Draft, name: string): void {
  const p = net.places.get(name)!;
  for (const t of p.in) net.transitions.get(t)?.out.delete(name);
  for (const t of p.out) net.transitions.get(t)?.in.delete(name);
  net.places.delete(name);
}

/**
 * PM4Py's `apply_simple_reduction`: a silent transition whose only input place has one producer and
 * feeds only it merges into that producer; one whose only output place has one consumer and is fed
 * only by it merges into that consumer. Repeated until nothing changes; names are visited in order so
 * the result does not depend on insertion order.
 */
function reduce(net: Draft, keep: ReadonlySet<string>): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const name of [...net.transitions.keys()].sort()) {
      const t = net.transitions.get(name);
      if (!t || t.label !== undefined) continue;
      if (t.in.size === 1) {
        const p = [...t.in][0]!;
        const feeds = net.places.get(p)!;
        if (!keep.has(p) && feeds.in.size === 1 && feeds.out.size === 1) {
          const producer = [...feeds.in][0]!;
          const targets = [...t.out];
          removeTransition(net, name);
          removePlace(net, p);
          for (const target of targets) arc(net, producer, target);
          changed = true;
          continue;
        }
      }
      if (t.out.size === 1) {
        const p = [...t.out][0]!;
        const fed = net.places.get(p)!;
        if (!keep.has(p) && fed.out.size === 1 && fed.in.size === 1) {
          const consumer = [...fed.out][0]!;
          const sources = [...t.in];
          removeTransition(net, name);
          removePlace(net, p);
          for (const source of sources) arc(net, source, consumer);
          changed = true;
        }
      }
    }
  }
}

/**
 * The main process as a workflow net. Tasks, start and end events, exclusive, parallel and inclusive
 * gateways follow PM4Py's conversion (an inclusive gateway is read as a parallel one: every branch,
 * without PM4Py's skip transitions). Casemap adds what PM4Py's conversion leaves unconnected:
 * intermediate events and event-based or complex gateways pass a token on silently; a sub-process
 * passes it to its start events and takes it back from its end events; an interrupting boundary
 * event takes the token waiting for its activity (a non-interrupting one is left out).
 */
export function petriNetOf(ir: ProcessIR): PetriNet {
  const net: Draft = { places: new Map(), transitions: new Map() };
  const main = ir.nodes.filter((n) => ir.mainProcessId === undefined || n.processId === ir.mainProcessId);
  const byId = new Map(main.map((n) => [n.id, n]));
  const flows = ir.flows.filter((f) => byId.has(f.source) && byId.has(f.target));
  const outCount = new Map<string, number>();
  const inCount = new Map<string, number>();
  for (const f of flows) {
    outCount.set(f.source, (outCount.get(f.source) ?? 0) + 1);
    inCount.set(f.target, (inCount.get(f.target) ?? 0) + 1);
  }
  const source = place(net, 'source');
  const sink = place(net, 'sink');
  const entering = new Map<string, string>();
  const exiting = new Map<string, string>();
  const entry = (n: Node) => `ent_${n.id}`;
  const exit = (n: Node) => `exi_${n.id}`;
  for (const node of main) {
    if (node.kind === 'boundaryEvent') continue;
    place(net, entry(node));
    place(net, exit(node));
    const visible = activityKinds.has(node.kind) ? { nodeId: node.id, label: node.name?.trim() || node.id } : undefined;
    transition(net, node.id, visible);
    arc(net, entry(node), node.id);
    if (containerKinds.has(node.kind)) {
      // The sub-process's own transition starts its inner start events; its end events end it.
      for (const start of main.filter((n) => n.parentId === node.id && n.kind === 'startEvent' && !n.triggeredByEvent)) arc(net, node.id, place(net, entry(start)));
    } else arc(net, node.id, exit(node));
    let enter = entry(node);
    let leave = exit(node);
    if (splitJoinKinds.has(node.kind)) {
      if ((outCount.get(node.id) ?? 0) > 1) {
        leave = transition(net, `${node.id}_split`);
        arc(net, exit(node), leave);
      }
      if ((inCount.get(node.id) ?? 0) > 1) {
        enter = transition(net, `${node.id}_join`);
        arc(net, enter, entry(node));
      }
    }
    entering.set(node.id, enter);
    exiting.set(node.id, leave);
    if (node.kind === 'startEvent' && !node.parentId && !node.triggeredByEvent) {
      const start = transition(net, `${node.id}_start`);
      arc(net, source, start);
      arc(net, start, entry(node));
    } else if (node.kind === 'endEvent') {
      const parent = node.parentId ? byId.get(node.parentId) : undefined;
      const end = transition(net, `${node.id}_end`);
      arc(net, exit(node), end);
      arc(net, end, parent && containerKinds.has(parent.kind) ? place(net, exit(parent)) : sink);
    }
  }
  for (const node of main) {
    // A non-interrupting event would be a silent transition that makes tokens from nothing, which a
    // replay could use to explain anything; its path is left out, so steps on it count as forced.
    if (node.kind !== 'boundaryEvent' || !node.attachedTo || !byId.has(node.attachedTo) || node.cancelActivity === false) continue;
    const host = byId.get(node.attachedTo)!;
    place(net, exit(node));
    transition(net, node.id);
    arc(net, entry(host), node.id);
    arc(net, node.id, exit(node));
    exiting.set(node.id, exit(node));
  }
  for (const flow of flows) {
    let from = exiting.get(flow.source);
    let to = entering.get(flow.target);
    if (from === undefined || to === undefined) continue;
    const flowPlace = place(net, flow.id);
    if (net.places.has(from)) {
      const silent = transition(net, `sfl_${flow.id}`);
      arc(net, from, silent);
      from = silent;
    }
    if (net.places.has(to)) {
      const silent = transition(net, `tfl_${flow.id}`);
      arc(net, silent, to);
      to = silent;
    }
    arc(net, from, flowPlace);
    arc(net, flowPlace, to);
  }
  reduce(net, new Set([source, sink]));
  for (const [name, p] of [...net.places]) if (p.in.size === 0 && p.out.size === 0 && name !== source && name !== sink) net.places.delete(name);
  const places = [...net.places.keys()].sort();
  const index = new Map(places.map((p, i) => [p, i]));
  const transitions = [...net.transitions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, t]) => ({
    name,
    ...(t.nodeId === undefined ? {} : { nodeId: t.nodeId, label: t.label! }),
    inputs: [...t.in].map((p) => index.get(p)!).sort((a, b) => a - b),
    outputs: [...t.out].map((p) => index.get(p)!).sort((a, b) => a - b),
  }));
  return { places, transitions, source: index.get(source)!, sink: index.get(sink)! };
}
