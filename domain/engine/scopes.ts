// Scopes: the process, each running sub-process and each multi-instance body. Such a scope is named
// by its host token's id; it is alive while its host waits on it, and cancelling it stops all the work inside.
// The bottom of the engine's moves: it calls back into nothing but the run.
import { discardCompensation } from './compensation-log.ts';
import { ROOT_SCOPE } from './empty-state.ts';
import type { Token } from './engine-state.ts';
import { emit, issue, type Run } from './run.ts';

/** Tokens that host a scope: a sub-process, a compensation event whose undo steps run inside it, or a multi-instance body. */
export function hostsScope(token: Token | undefined): boolean {
  return token?.wait === 'sub-process' || token?.wait === 'compensation' || token?.wait === 'multi-instance';
}

export function scopeAlive(run: Run, scopeId: string): boolean {
  return scopeId === ROOT_SCOPE || hostsScope(run.state.tokens[scopeId]);
}

/**
 * Whether a token's entering, completing and cancelling is logged. A multi-instance body is not:
 * its instances are the step's executions, so the event log and insights count each instance once.
 */
export function logsLifecycle(token: Token): boolean {
  return token.wait !== 'multi-instance';
}

/** The multi-instance body `token` is one instance of; undefined for any other token. */
export function loopBodyOf(run: Run, token: Token): Token | undefined {
  const host = run.state.tokens[token.scopeId];
  return host?.loop && host.nodeId === token.nodeId ? host : undefined;
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
  if (logsLifecycle(token)) emit(run, { kind: 'element-cancelled', nodeId: token.nodeId, instanceId: token.id });
  delete run.state.tokens[tokenId];
}

/** Cancels every token in a scope, leaving the scope's host alone. */
export function cancelScope(run: Run, scopeId: string): void {
  for (const token of tokensIn(run, scopeId)) cancelToken(run, token.id);
  run.queue = run.queue.filter((move) => move.scopeId !== scopeId);
}
