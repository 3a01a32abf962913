// Scopes: the process and each running sub-process. A sub-process scope is named by its host
// token's id; it starts its start events, completes when it holds no token, and is cancelled whole.
import type { Node } from '../process/ir.ts';
import { armBoundaries } from './boundary-events.ts';
import { completeCase } from './case-outcome.ts';
import { ROOT_SCOPE, type Token } from './engine-state.ts';
import { emit, issue, type Run } from './run.ts';
import { enqueue, leaveToken, tokensIn } from './tokens.ts';

export function scopeAlive(run: Run, scopeId: string): boolean {
  return scopeId === ROOT_SCOPE || run.state.tokens[scopeId]?.wait === 'sub-process';
}

/** The host token of the sub-process a scope belongs to; undefined for the process itself. */
export function hostOf(run: Run, scopeId: string): Token | undefined {
  return scopeId === ROOT_SCOPE ? undefined : run.state.tokens[scopeId];
}

/**
 * Where a sub-process begins: its none start events; else any start event (a triggered start is
 * run as a none start); else, as BPMN allows, every step inside with no incoming flow.
 */
function startNodes(run: Run, subProcessId: string): Node[] {
  const inside = run.ir.children(subProcessId).filter((n) => !n.triggeredByEvent);
  const starts = inside.filter((n) => n.kind === 'startEvent');
  const noneStarts = starts.filter((n) => !n.trigger || n.trigger.type === 'none');
  if (noneStarts.length > 0) return noneStarts;
  if (starts.length > 0) return starts;
  return inside.filter(
    (n) => n.kind !== 'boundaryEvent' && n.trigger?.type !== 'link' && run.ir.incoming(n.id).length === 0,
  );
}

export function enterSubProcess(run: Run, token: Token, node: Node): void {
  token.wait = 'sub-process';
  armBoundaries(run, token);
  for (const start of startNodes(run, node.id)) enqueue(run, { nodeId: start.id, scopeId: token.id, forks: [] });
}

/** Completes one emptied sub-process (true: more moves may follow) or the case once no token is left. */
export function completeEmptyScopes(run: Run): boolean {
  const tokens = Object.values(run.state.tokens);
  for (const host of tokens) {
    if (host.wait === 'sub-process' && !tokens.some((t) => t.scopeId === host.id)) {
      leaveToken(run, host);
      return true;
    }
  }
  if (tokens.length === 0) completeCase(run);
  return false;
}

/** Drops what a token waits on; when cancelled, the shell is told to close tasks and stop work too. */
export function releaseWaits(run: Run, token: Token, how: 'completed' | 'cancelled'): void {
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
}

/** Cancels a token and, for a sub-process, everything inside it first (innermost work stops first). */
export function cancelToken(run: Run, tokenId: string): void {
  const token = run.state.tokens[tokenId];
  if (!token) return;
  if (token.wait === 'sub-process') cancelScope(run, token.id);
  releaseWaits(run, token, 'cancelled');
  emit(run, { kind: 'element-cancelled', nodeId: token.nodeId, instanceId: token.id });
  delete run.state.tokens[tokenId];
}

/** Cancels every token in a scope, leaving the scope's host alone. */
export function cancelScope(run: Run, scopeId: string): void {
  for (const token of tokensIn(run, scopeId)) cancelToken(run, token.id);
  run.queue = run.queue.filter((move) => move.scopeId !== scopeId);
}
