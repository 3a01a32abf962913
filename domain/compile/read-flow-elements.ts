// Walks a process and its sub-processes (without recursion, so nesting cannot overflow the stack)
// into IR nodes, sequence flows and mapped-only artifacts.
import type { Artifact, Flow, Lane, Node } from '../process/ir.ts';
import type { CompileContext, ProcessScope } from './compile-context.ts';
import { describe, sentence } from './describe-element.ts';
import { reportUnsupported } from './element-support.ts';
import { type Element, children, refId, text } from './moddle-access.ts';
import { dataAssociations, toArtifact } from './read-artifacts.ts';
import { readCondition } from './read-condition.ts';
import { type LaneIndex, readLanes } from './read-lanes.ts';
import { NODE_KINDS, readNode } from './read-node.ts';

export interface Graph {
  nodes: Node[];
  flows: Flow[];
  artifacts: Artifact[];
  lanes: LaneIndex;
}

interface Container {
  element: Element;
  parentId?: string;
  /** The lane of the enclosing sub-process, inherited by steps no inner lane holds. */
  lane?: Lane;
}

/** Assigns a stable made-up id to an element that has none, and says so. */
function idOf(element: Element, counter: { next: number }, ctx: CompileContext): string {
  if (typeof element.id === 'string' && element.id !== '') return element.id;
  const id = `casemap-unnamed-${++counter.next}`;
  ctx.report({
    code: 'missing-id',
    severity: 'error',
    elementId: id,
    elementType: element.$type,
    message: `${sentence(describe(element))} has no id; Casemap calls it ${id} for now, but save the diagram again from the modeller so every element has an id.`,
  });
  return id;
}

function readFlow(element: Element, scope: ProcessScope, ctx: CompileContext): Flow | undefined {
  const source = refId(element, 'sourceRef');
  const target = refId(element, 'targetRef');
  if (typeof element.id !== 'string' || !source || !target) return undefined;
  const name = text(element, 'name');
  const condition = readCondition(element, ctx);
  return {
    id: element.id,
    ...(name ? { name } : {}),
    processId: scope.processId,
    source,
    target,
    ...(condition !== undefined ? { condition } : {}),
  };
}

export function readFlowElements(process: Element, scope: ProcessScope, graph: Graph, ctx: CompileContext): void {
  const counter = { next: graph.nodes.length };
  const pending: Container[] = [{ element: process }];
  for (let container = pending.shift(); container; container = pending.shift()) {
    const { element: holder, parentId } = container;
    readLanes(holder, scope.processId, graph.lanes);
    for (const element of children(holder, 'flowElements')) {
      const kind = NODE_KINDS.get(element.$type);
      if (kind) {
        const id = idOf(element, counter, ctx);
        const laneId = graph.lanes.laneOfNode.get(id);
        const lane = (laneId && graph.lanes.byId.get(laneId)) || container.lane;
        graph.nodes.push(readNode(element, kind, { id, scope, parentId, lane }, ctx));
        graph.artifacts.push(...dataAssociations(element, scope.processId));
        if (children(element, 'flowElements').length || children(element, 'laneSets').length) {
          pending.push({ element, parentId: id, lane });
        }
      } else if (element.$type === 'bpmn:SequenceFlow') {
        const flow = readFlow(element, scope, ctx);
        if (flow) graph.flows.push(flow);
      } else {
        reportUnsupported(element, undefined, scope, ctx);
        const artifact = toArtifact(element, scope.processId);
        if (artifact) graph.artifacts.push(artifact);
      }
    }
    for (const artifact of children(holder, 'artifacts')) {
      const read = toArtifact(artifact, scope.processId);
      if (read) graph.artifacts.push(read);
    }
  }
}
