// Scopes: the process and each running sub-process. A sub-process scope is named by its host
// token's id; it is alive while its host waits on it, and cancelling it stops all the work inside.
// The bottom of the engine's moves: it calls back into nothing but the run.
import { discardCompensation } from './compensation-log.ts';
import { ROOT_SCOPE, type Token } from './engine-state.ts';
import { emit, issue, type Run } from './run.ts';

/** Tokens that host a scope: a sub-process, or a compensation event whose undo steps run inside it. */
export const hostsScope = (token: Token | undefined): boolean => token?.wait === 'sub-process' || token?.wait === 'compensation';

export function scopeAlive(run: Run, scopeId: string): boolean {
  return scopeId === ROOT_SCOPE || hostsScope(run.state.tokens[scopeId]);
}

/** The host token of the sub-process a scope belongs to; undefined for the process itself. */
export function hostOf(run: Run, scopeId: string): Token | undefined {
  return scopeId === ROOT_SCOPE ? undefined : run.state.tokens[scopeId];
}

export function tokensIn(run: Run, scopeId: string): Token[] {
  return Object.values(run.state.tokens).filter((t) => t.scopeId === scopeId);
}

/**
 * Drops what a token waits on; when cancelled, the shell is told to close tasks and stop work too.
 * Given the process's scope (`{ id: ROOT_SCOPE }`), drops what its event sub-processes listen for.
 */
export function releaseWaits(run: Run, token: Pick<Token, 'id'>, how: 'completed' | 'cancelled'): void {
  const s = run.state;
  const id = token.id;
  if (s.userTasks[id]) {
    if (how === 'cancelled') issue(run, { type: 'closeUserTask', taskId: id, reason: 'cancelled' });
    delete s.userTasks[id];
  }
  if (s.activities[id]) {
    if (how === 'cancelled') issue(run, { type: 'cancelActivity', taskId: id });
    delete s.activities[id];
  }
  if (s.childCases[id]) {
    if (how === 'cancelled') issue(run, { type: 'cancelChildCase', childId: id });
    delete s.childCases[id];
  }
  for (const timer of Object.values(s.timers)) {
    if (timer.tokenId !== id) continue;
    issue(run, { type: 'cancelTimer', timerId: timer.timerId });
    delete s.timers[timer.timerId];
  }
  for (const sub of Object.values(s.subscriptions)) {
    if (sub.tokenId !== id) continue;
    issue(run, { type: 'unsubscribeMessage', subscriptionId: sub.subscriptionId });
    delete s.subscriptions[sub.subscriptionId];
  }
  for (const sub of Object.values(s.signals ?? {})) {
    if (sub.tokenId !== id) continue;
    issue(run, { type: 'unsubscribeSignal', subscriptionId: sub.subscriptionId });
    delete s.signals![sub.subscriptionId];
  }
}

/** Cancels a token and, for a sub-process, everything inside it first (innermost work stops first). */
export function cancelToken(run: Run, tokenId: string): void {
  const token = run.state.tokens[tokenId];
  if (!token) return;
  if (hostsScope(token)) {
    cancelScope(run, token.id);
    discardCompensation(run, token.id);
  }
  releaseWaits(run, token, 'cancelled');
  emit(run, { kind: 'element-cancelled', nodeId: token.nodeId, instanceId: token.id });
  delete run.state.tokens[tokenId];
}

/** Cancels every token in a scope, leaving the scope's host alone. */
export function cancelScope(run: Run, scopeId: string): void {
  for (const token of tokensIn(run, scopeId)) cancelToken(run, token.id);
  run.queue = run.queue.filter((move) => move.scopeId !== scopeId);
}
