// The case and its open tasks as the workflow answers queries and Updates (the contract's shapes),
// read from the engine's state: the workflow keeps no copy of its own.
import type { EngineCommand, EngineState, OpenTask as EngineTask } from '../domain/engine/index.ts';
import type { CaseView, OpenTask } from './case-api.ts';

/** What a task asks of whom, and by when. */
export type TaskAssignment = Pick<OpenTask, 'name' | 'team' | 'role' | 'assignee' | 'form' | 'dueAt'>;

/** Spelled out in this order, so a task's view, its opening and its log entry keep the payloads they had. */
export function taskAssignment({ name, team, role, assignee, form, dueAt }: TaskAssignment): TaskAssignment {
  return { name, team, role, assignee, form, dueAt };
}

export function taskView(task: EngineTask): OpenTask {
  const handoff = task.handoff && { fromTeam: task.handoff.fromTeam, toTeam: task.handoff.toTeam, acceptBy: task.handoff.acceptBy, acceptedBy: task.handoff.acceptedBy };
  return {
    taskId: task.taskId,
    nodeId: task.nodeId,
    ...taskAssignment(task),
    handoff,
    claimedBy: task.claimedBy,
    instance: task.instance,
    createdAt: task.openedAt,
  };
}

/** A task as it opened, from the command that opened it: a task may close again within the same step. */
export function openedTask(command: Extract<EngineCommand, { type: 'openUserTask' }>, openedAt: string): OpenTask {
  return {
    taskId: command.taskId,
    nodeId: command.nodeId,
    ...taskAssignment(command),
    handoff: command.handoff,
    instance: command.instance,
    createdAt: openedAt,
  };
}

export function openTasks(engine: EngineState): OpenTask[] {
  return Object.values(engine.userTasks).map(taskView);
}

export function caseView(caseId: string, engine: EngineState): CaseView {
  return {
    caseId,
    status: engine.status,
    ownerTeam: engine.owner,
    tasks: openTasks(engine),
    timers: Object.values(engine.timers).map(({ timerId, fireAt }) => ({ timerId, fireAt })),
    waitingFor: Object.values(engine.subscriptions).map(({ subscriptionId, messageName, correlationKey }) => ({ subscriptionId, messageName, correlationKey })),
    ...(engine.signals && Object.keys(engine.signals).length > 0
      ? { waitingForSignals: Object.values(engine.signals).map(({ subscriptionId, signalName }) => ({ subscriptionId, signalName })) }
      : {}),
    data: engine.data,
    ...(engine.failure?.errorCode === undefined ? {} : { errorCode: engine.failure.errorCode }),
  };
}
