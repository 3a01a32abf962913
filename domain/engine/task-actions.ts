// What caseworkers do to an open user task once task-rules.ts has let them: claim it, return it
// to the queue, reassign it, accept its handoff, complete it. Each action is logged by an `emit`,
// first among its step's commands, because the action is what caused everything after it.
import type { EngineEvent } from './contract.ts';
import type { OpenTask } from './engine-state.ts';
import { copyJson, emit, type Run } from './run.ts';
import { cancelTimersOf } from './timers.ts';
import { leaveToken } from './tokens.ts';
import { storeData } from './variables.ts';

type Action<T extends EngineEvent['type']> = (run: Run, event: Extract<EngineEvent, { type: T }>) => string | undefined;

function openTask(run: Run, taskId: string): OpenTask | undefined {
  return run.state.userTasks[taskId];
}

function stale(taskId: string): string {
  return `There is no open task "${taskId}": it may already be done or cancelled.`;
}

/** The receiving team has picked the case up: the handoff deadline no longer runs. */
function acceptPendingHandoff(run: Run, task: OpenTask, actor: string): void {
  if (!task.handoff || task.handoff.accepted) return;
  task.handoff.accepted = true;
  task.handoff.acceptedBy = actor;
  emit(run, { kind: 'handoff-accepted', nodeId: task.nodeId, taskId: task.taskId, team: task.team, actor });
  cancelTimersOf(run, task.taskId, 'handoff');
}

export const claimTask: Action<'taskClaimed'> = (run, event) => {
  const task = openTask(run, event.taskId);
  if (!task) return stale(event.taskId);
  task.claimedBy = event.actor;
  emit(run, { kind: 'task-claimed', nodeId: task.nodeId, taskId: task.taskId, team: task.team, actor: event.actor });
  acceptPendingHandoff(run, task, event.actor);
  return undefined;
};

export const returnTask: Action<'taskReturned'> = (run, event) => {
  const task = openTask(run, event.taskId);
  if (!task) return stale(event.taskId);
  delete task.claimedBy;
  emit(run, { kind: 'task-returned', nodeId: task.nodeId, taskId: task.taskId, team: task.team, actor: event.actor });
  return undefined;
};

export const reassignTask: Action<'taskReassigned'> = (run, event) => {
  const task = openTask(run, event.taskId);
  if (!task) return stale(event.taskId);
  if (event.toUser === undefined) delete task.claimedBy;
  else task.claimedBy = event.toUser;
  // An empty team names nobody: the task stays with the team it has.
  if (event.toTeam) task.team = event.toTeam;
  emit(run, {
    kind: 'task-reassigned',
    nodeId: task.nodeId,
    taskId: task.taskId,
    team: task.team,
    actor: event.actor,
    ...(event.toUser === undefined ? {} : { toUser: event.toUser }),
    ...(event.toTeam === undefined ? {} : { toTeam: event.toTeam }),
  });
  return undefined;
};

export const acceptHandoff: Action<'handoffAccepted'> = (run, event) => {
  const task = openTask(run, event.taskId);
  if (!task) return `There is no open task "${event.taskId}" whose handoff could be accepted.`;
  if (!task.handoff || task.handoff.accepted) return `Task "${event.taskId}" has no handoff waiting to be accepted.`;
  acceptPendingHandoff(run, task, event.actor);
  return undefined;
};

/** `data` is the form as task-rules.ts cleaned it; it joins the case data before the token moves on. */
export const completeTask: Action<'userTaskCompleted'> = (run, event) => {
  const task = openTask(run, event.taskId);
  const token = run.state.tokens[event.taskId];
  if (!task || !token) return `There is no open task "${event.taskId}" to complete: it may already be done or cancelled.`;
  emit(run, { kind: 'task-completed', nodeId: task.nodeId, taskId: task.taskId, team: task.team, actor: event.actor, data: copyJson(event.data) });
  delete run.state.userTasks[event.taskId];
  storeData(run, token, event.data);
  leaveToken(run, token);
  return undefined;
};
