// Lookups over one compiled process, built once per IR object because the engine asks them on every move.
import type { Flow, Node, ProcessIR } from '../process/ir.ts';

export interface IrIndex {
  readonly ir: ProcessIR;
  /** The process a case runs: the main one, else the first executable one, else the first. */
  readonly processId: string;
  node(id: string): Node | undefined;
  /** Outgoing flows in IR order, which is the order exclusive gateways try them in. */
  outgoing(nodeId: string): readonly Flow[];
  incoming(nodeId: string): readonly Flow[];
  boundaries(hostId: string): readonly Node[];
  /** Nodes directly inside a sub-process, or at the top level of the main process when undefined. */
  children(parentId: string | undefined): readonly Node[];
  laneTeam(laneId: string | undefined): string | undefined;
  /** A short name for messages to caseworkers and designers. */
  label(nodeId: string): string;
}

const cache = new WeakMap<ProcessIR, IrIndex>();

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function build(ir: ProcessIR): IrIndex {
  const processId =
    ir.mainProcessId ?? ir.processes.find((p) => p.isExecutable)?.id ?? ir.processes[0]?.id ?? ir.nodes[0]?.processId ?? '';
  const nodes = new Map(ir.nodes.map((n) => [n.id, n]));
  const outgoing = new Map<string, Flow[]>();
  const incoming = new Map<string, Flow[]>();
  for (const flow of ir.flows) {
    push(outgoing, flow.source, flow);
    push(incoming, flow.target, flow);
  }
  const boundaries = new Map<string, Node[]>();
  const children = new Map<string, Node[]>();
  for (const node of ir.nodes) {
    if (node.kind === 'boundaryEvent' && node.attachedTo) push(boundaries, node.attachedTo, node);
    if (node.parentId !== undefined) push(children, node.parentId, node);
    else if (node.processId === processId) push(children, '', node);
  }
  const lanes = new Map(ir.lanes.map((l) => [l.id, l.team]));
  return {
    ir,
    processId,
    node: (id) => nodes.get(id),
    outgoing: (id) => outgoing.get(id) ?? [],
    incoming: (id) => incoming.get(id) ?? [],
    boundaries: (id) => boundaries.get(id) ?? [],
    children: (parentId) => children.get(parentId ?? '') ?? [],
    laneTeam: (laneId) => (laneId === undefined ? undefined : lanes.get(laneId)),
    label: (id) => {
      const node = nodes.get(id);
      return node?.name ? `"${node.name}" (${id})` : `"${id}"`;
    },
  };
}

export function indexIr(ir: ProcessIR): IrIndex {
  let index = cache.get(ir);
  if (!index) {
    index = build(ir);
    cache.set(ir, index);
  }
  return index;
}
