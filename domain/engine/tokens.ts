// Token moves: creating a token on a node, leaving the node by its sequence flows, and queueing
// the moves that follow. Entering the next node is drain.ts's job, so node kinds can use these
// without calling back into themselves.
import type { Flow } from '../process/ir.ts';
import { failCase } from './case-outcome.ts';
import { recordCompletion } from './compensation-log.ts';
import { conditionHolds } from './feel.ts';
import type { ForkTag, Token, WaitKind } from './engine-state.ts';
import { emit, isRunning, nextId, type Move, type Run } from './run.ts';
import { finishInstance } from './loop-instances.ts';
import { logsLifecycle, loopBodyOf, releaseWaits } from './scopes.ts';
import { visibleData } from './variables.ts';

export function enqueue(run: Run, move: Move): void {
  if (isRunning(run)) run.queue.push(move);
}

export function createToken(run: Run, move: Move, wait: WaitKind = 'none'): Token {
  const token: Token = { id: nextId(run, move.nodeId), nodeId: move.nodeId, scopeId: move.scopeId, forks: move.forks, wait };
  if (move.via !== undefined) token.via = move.via;
  if (move.vars !== undefined) token.vars = move.vars;
  run.state.tokens[token.id] = token;
  if (logsLifecycle(token)) emit(run, { kind: 'element-entered', nodeId: token.nodeId, instanceId: token.id });
  return token;
}

export interface LeaveOptions {
  /** Flows to take instead of the node's own choice (gateways choose their own). */
  flows?: readonly Flow[];
  forks?: ForkTag[];
  /** The target's event already happened (the winner of an event-based gateway). */
  fired?: boolean;
}

/**
 * Completes the node a token is on, disarms what it waited on, and sends it along its flows; one
 * instance of a multi-instance step goes nowhere, it reports to its body instead.
 */
export function leaveToken(run: Run, token: Token, options: LeaveOptions = {}): void {
  const body = loopBodyOf(run, token);
  const flows = body ? [] : (options.flows ?? activityFlows(run, token));
  if (!flows) return;
  if (logsLifecycle(token)) emit(run, { kind: 'element-completed', nodeId: token.nodeId, instanceId: token.id });
  recordCompletion(run, token);
  releaseWaits(run, token, 'completed');
  delete run.state.tokens[token.id];
  if (body) return finishInstance(run, body, token);
  for (const flow of flows) {
    const move: Move = { nodeId: flow.target, scopeId: token.scopeId, via: flow.id, forks: options.forks ?? token.forks };
    if (options.fired) move.fired = true;
    enqueue(run, move);
  }
}

/** Ends a token where it is (end events, joins absorbing a sibling). */
export function consumeToken(run: Run, token: Token): void {
  leaveToken(run, token, { flows: [] });
}

/**
 * Flows out of anything but a gateway: every unconditional flow and every flow whose condition
 * holds (an implicit parallel split, as BPMN says), else the default flow. Undefined when the case failed.
 */
function activityFlows(run: Run, token: Token): Flow[] | undefined {
  const nodeId = token.nodeId;
  const node = run.ir.node(nodeId);
  const taken: Flow[] = [];
  let fallback: Flow | undefined;
  for (const flow of run.ir.outgoing(nodeId)) {
    if (flow.id === node?.defaultFlow) {
      fallback = flow;
      continue;
    }
    if (flow.condition === undefined) {
      taken.push(flow);
      continue;
    }
    const holds = conditionHolds(flow.condition, visibleData(run, token), run.now);
    if (!holds.ok) {
      failCase(run, `The condition on the path "${flow.name ?? flow.id}" out of ${run.ir.label(nodeId)} cannot be read: ${holds.error}`, nodeId);
      return undefined;
    }
    if (holds.value) taken.push(flow);
  }
  if (taken.length === 0 && fallback) taken.push(fallback);
  return taken;
}
