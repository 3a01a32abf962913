// Compensation throw and end events: undo the completed steps of the event's scope (or only the
// step its activityRef names), newest first, one undo step at a time. The undo steps run in a scope
// hosted by the event's token, so drain's empty-scope pass starts each next one when the last ends.
import type { Node } from '../process/ir.ts';
import { compensationOf } from './compensation-log.ts';
import type { CompensableStep, PendingUndo, Token } from './engine-state.ts';
import { mergeData, type Move, type Run } from './run.ts';
import { consumeToken, createToken, enqueue, leaveToken } from './tokens.ts';

/** Newest first; a sub-process without an undo step of its own is undone through the steps inside it. */
function undoOrder(steps: readonly CompensableStep[], into: PendingUndo[] = []): PendingUndo[] {
  for (let i = steps.length - 1; i >= 0; i -= 1) {
    const step = steps[i];
    if (!step) continue;
    if (step.handler !== undefined) into.push({ instanceId: step.instanceId, nodeId: step.nodeId, handler: step.handler, data: step.data });
    else if (step.inner) undoOrder(step.inner, into);
  }
  return into;
}

/**
 * Takes the steps to undo out of the scope's log (each completion is undone once) and parks the
 * event's token until they are done. With `waitForCompletion="false"` the path goes on at once
 * while the undo steps run; an end event always waits, so its scope ends only once they are done.
 */
export function throwCompensation(run: Run, move: Move, node: Node): void {
  const trigger = node.trigger?.type === 'compensate' ? node.trigger : undefined;
  const host = createToken(run, move, 'compensation');
  const compensation = compensationOf(run);
  const logged = compensation.log[host.scopeId] ?? [];
  const ref = trigger?.activityRef;
  const chosen = ref === undefined ? logged : logged.filter((step) => step.nodeId === ref);
  const kept = ref === undefined ? [] : logged.filter((step) => step.nodeId !== ref);
  if (kept.length > 0) compensation.log[host.scopeId] = kept;
  else delete compensation.log[host.scopeId];
  const waits = node.kind === 'endEvent' || trigger?.waitForCompletion !== false;
  compensation.runs[host.id] = { pending: undoOrder(chosen), waits };
  if (waits) return;
  for (const flow of run.ir.outgoing(node.id)) {
    enqueue(run, { nodeId: flow.target, scopeId: host.scopeId, via: flow.id, forks: host.forks });
  }
}

/** The undo scope of `host` is empty: starts the next undo step, with the data its step left, or ends the event. */
export function continueCompensation(run: Run, host: Token): void {
  const compensation = compensationOf(run);
  const pending = compensation.runs[host.id];
  const next = pending?.pending.shift();
  if (next) {
    mergeData(run, next.data);
    enqueue(run, { nodeId: next.handler, scopeId: host.id, forks: [] });
    return;
  }
  delete compensation.runs[host.id];
  if (pending?.waits === false || run.ir.node(host.nodeId)?.kind === 'endEvent') consumeToken(run, host);
  else leaveToken(run, host);
}
