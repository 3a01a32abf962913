// Where a token can still go within its scope (by sequence flows and boundary events), and which
// user tasks lie on every path to an element: what the join and form checks of a migration ask.
import type { FormField, Node } from '../process/ir.ts';
import type { IrIndex } from '../engine/ir-index.ts';

const reachCache = new WeakMap<IrIndex, Map<string, ReadonlySet<string>>>();
const upFrontCache = new WeakMap<IrIndex, Map<string, readonly UpFrontField[]>>();

function successors(index: IrIndex, nodeId: string): string[] {
  return [...index.outgoing(nodeId).map((flow) => flow.target), ...index.boundaries(nodeId).map((boundary) => boundary.id)];
}

/** Every element reachable from `starts` (themselves included) without passing `blocked`. */
function walk(index: IrIndex, starts: readonly string[], blocked?: string): Set<string> {
  const seen = new Set<string>();
  const pending = starts.filter((id) => id !== blocked);
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of successors(index, id)) if (next !== blocked && !seen.has(next)) pending.push(next);
  }
  return seen;
}

/** Elements a token at `nodeId` may still reach, `nodeId` included (an over-estimate: conditions are not read). */
export function reachableFrom(index: IrIndex, nodeId: string): ReadonlySet<string> {
  let byNode = reachCache.get(index);
  if (!byNode) reachCache.set(index, (byNode = new Map()));
  let reach = byNode.get(nodeId);
  if (!reach) byNode.set(nodeId, (reach = walk(index, [nodeId])));
  return reach;
}

/** Where a case (or a sub-process) begins in the scope holding `node`. */
function scopeStarts(index: IrIndex, node: Node): string[] {
  const inside = index.children(node.parentId).filter((n) => !n.triggeredByEvent);
  const starts = inside.filter((n) => n.kind === 'startEvent');
  if (starts.length > 0) return starts.map((n) => n.id);
  return inside.filter((n) => n.kind !== 'boundaryEvent' && index.incoming(n.id).length === 0).map((n) => n.id);
}

export interface UpFrontField {
  /** The user task on every path to the element. */
  taskId: string;
  field: FormField;
}

/**
 * Required form fields of the user tasks every case passes before reaching `node` (the tasks that
 * dominate it in its scope): a case arriving there without them would lack what every other case has.
 */
export function requiredUpFront(index: IrIndex, node: Node): readonly UpFrontField[] {
  let byNode = upFrontCache.get(index);
  if (!byNode) upFrontCache.set(index, (byNode = new Map()));
  const known = byNode.get(node.id);
  if (known) return known;
  const starts = scopeStarts(index, node);
  const fields: UpFrontField[] = [];
  if (walk(index, starts).has(node.id)) {
    for (const task of index.children(node.parentId)) {
      if (task.kind !== 'userTask' || task.id === node.id) continue;
      const required = task.form.filter((field) => field.required);
      if (required.length === 0 || walk(index, starts, task.id).has(node.id)) continue;
      for (const field of required) fields.push({ taskId: task.id, field });
    }
  }
  byNode.set(node.id, fields);
  return fields;
}
