// A read-only view of a case for queries: who owns it, its open tasks, what it waits on and when.
import { ROOT_SCOPE } from './empty-state.ts';
import type { CaseStatus, EngineState, WaitKind } from './engine-state.ts';

export interface CaseView {
  status: CaseStatus;
  owner?: string;
  openTasks: { taskId: string; nodeId: string; name: string; team: string; dueAt?: string; acceptBy?: string; handoffAccepted?: boolean }[];
  /** Every token at rest, top-level ones first; `scopeId` is `root` or the sub-process instance holding it. */
  waiting: { nodeId: string; instanceId: string; scopeId: string; waitingFor: WaitKind }[];
  timers: { timerId: string; nodeId: string; purpose: string; fireAt: string }[];
  messages: { subscriptionId: string; nodeId: string; messageName: string; correlationKey?: string }[];
  activities: { taskId: string; nodeId: string; handler: string }[];
  childCases: { childId: string; nodeId: string; calledElement: string }[];
  failure?: { reason: string; nodeId?: string };
}

export function describe(state: EngineState): CaseView {
  const view: CaseView = {
    status: state.status,
    openTasks: Object.values(state.userTasks).map((t) => ({
      taskId: t.taskId,
      nodeId: t.nodeId,
      name: t.name,
      team: t.team,
      ...(t.dueAt === undefined ? {} : { dueAt: t.dueAt }),
      ...(t.handoff?.acceptBy === undefined ? {} : { acceptBy: t.handoff.acceptBy }),
      ...(t.handoff ? { handoffAccepted: t.handoff.accepted } : {}),
    })),
    waiting: Object.values(state.tokens)
      .map((t) => ({ nodeId: t.nodeId, instanceId: t.id, scopeId: t.scopeId, waitingFor: t.wait }))
      .sort((a, b) => Number(b.scopeId === ROOT_SCOPE) - Number(a.scopeId === ROOT_SCOPE)),
    timers: Object.values(state.timers).map(({ timerId, nodeId, purpose, fireAt }) => ({ timerId, nodeId, purpose, fireAt })),
    messages: Object.values(state.subscriptions).map(({ subscriptionId, nodeId, messageName, correlationKey }) => ({
      subscriptionId,
      nodeId,
      messageName,
      ...(correlationKey === undefined ? {} : { correlationKey }),
    })),
    activities: Object.values(state.activities).map(({ taskId, nodeId, handler }) => ({ taskId, nodeId, handler })),
    childCases: Object.values(state.childCases).map(({ childId, nodeId, calledElement }) => ({ childId, nodeId, calledElement })),
  };
  if (state.owner !== undefined) view.owner = state.owner;
  if (state.failure) view.failure = state.failure;
  return view;
}
