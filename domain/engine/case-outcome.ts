// How a case ends: completed, terminated by a terminate end event, failed, or cancelled from outside.
import { ROOT_SCOPE } from './empty-state.ts';
import { copyJson, isRunning, issue, type Run } from './run.ts';
import { cancelScope, releaseWaits, scopeAlive } from './scopes.ts';

/** Stops all work of the case, and what its event sub-processes listen for. */
function stopAll(run: Run): void {
  cancelScope(run, ROOT_SCOPE);
  releaseWaits(run, { id: ROOT_SCOPE }, 'cancelled');
  run.queue = [];
}

export function completeCase(run: Run): void {
  if (!isRunning(run)) return;
  releaseWaits(run, { id: ROOT_SCOPE }, 'completed');
  run.state.status = 'completed';
  issue(run, { type: 'complete', data: copyJson(run.state.data) });
}

/** Stops all work first, so the shell closes every task and timer before it records the failure. */
export function failCase(run: Run, reason: string, nodeId?: string, errorCode?: string): void {
  if (!isRunning(run)) return;
  stopAll(run);
  run.state.status = 'failed';
  run.state.failure = { reason, ...(nodeId === undefined ? {} : { nodeId }), ...(errorCode === undefined ? {} : { errorCode }) };
  issue(run, nodeId === undefined ? { type: 'fail', reason } : { type: 'fail', reason, nodeId });
}

export function cancelCase(run: Run): void {
  stopAll(run);
  run.state.status = 'cancelled';
}

/**
 * A terminate end event ends its scope at once: at the top level the whole case (a normal end, so
 * the shell completes it); inside a sub-process only that sub-process, which then completes (BPMN).
 */
export function terminateScope(run: Run, scopeId: string): void {
  if (scopeId !== ROOT_SCOPE) {
    if (scopeAlive(run, scopeId)) cancelScope(run, scopeId);
    return;
  }
  stopAll(run);
  run.state.status = 'terminated';
  issue(run, { type: 'complete', data: copyJson(run.state.data) });
}
