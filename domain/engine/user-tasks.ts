// User tasks: opening one for its team (handing the case over when the team changes) and its SLA
// and handoff timers. What caseworkers then do with it is task-actions.ts.
import type { Node } from '../process/ir.ts';
import { resolveDeadline } from './deadlines.ts';
import type { OpenTask, Token } from './engine-state.ts';
import { copyJson, emit, issue, type Run } from './run.ts';
import { instanceProgress } from './loop-instances.ts';
import { startTimer } from './timers.ts';

/** The team of a step nobody owns; it never becomes the case's owning team. */
export const UNASSIGNED_TEAM = 'unassigned';

export function openUserTask(run: Run, token: Token, node: Node): void {
  const s = run.state;
  const team = node.owner?.team ?? run.ir.laneTeam(node.laneId) ?? s.owner ?? UNASSIGNED_TEAM;
  const task: OpenTask = { taskId: token.id, nodeId: node.id, name: node.name ?? node.id, team, form: copyJson(node.form), openedAt: run.now };
  if (node.owner?.role !== undefined) task.role = node.owner.role;
  if (node.owner?.assignee !== undefined) task.assignee = node.owner.assignee;
  const dueAt = node.sla ? resolveDeadline(run, node.sla) : undefined;
  if (dueAt !== undefined) task.dueAt = dueAt;
  const instance = instanceProgress(run, token);
  if (instance) task.instance = instance;

  if (team !== UNASSIGNED_TEAM && s.owner === undefined) {
    // The first team reached owns the case from the start: no handoff to accept.
    emit(run, { kind: 'ownership-changed', nodeId: node.id, toTeam: team });
    s.owner = team;
  } else if (team !== UNASSIGNED_TEAM && s.owner !== undefined && team !== s.owner) {
    const acceptBy = node.handoffSla ? resolveDeadline(run, node.handoffSla) : undefined;
    task.handoff = { fromTeam: s.owner, toTeam: team, accepted: false, ...(acceptBy === undefined ? {} : { acceptBy }) };
    emit(run, { kind: 'ownership-changed', nodeId: node.id, fromTeam: s.owner, toTeam: team });
    s.owner = team;
  }

  token.wait = 'user-task';
  s.userTasks[task.taskId] = task;
  issue(run, {
    type: 'openUserTask',
    taskId: task.taskId,
    nodeId: node.id,
    name: task.name,
    team,
    ...(task.role === undefined ? {} : { role: task.role }),
    ...(task.assignee === undefined ? {} : { assignee: task.assignee }),
    form: node.form,
    ...(dueAt === undefined ? {} : { dueAt }),
    ...(instance ? { instance: { ...instance } } : {}),
    ...(task.handoff ? { handoff: { fromTeam: task.handoff.fromTeam, toTeam: task.handoff.toTeam, ...(task.handoff.acceptBy === undefined ? {} : { acceptBy: task.handoff.acceptBy }) } } : {}),
  });
  if (dueAt !== undefined) startTimer(run, node.id, 'sla', token.id, { fireAt: dueAt });
  if (task.handoff?.acceptBy !== undefined) startTimer(run, node.id, 'handoff', token.id, { fireAt: task.handoff.acceptBy });
}

/** SLA and handoff timers only report: the task stays open with its team. */
export function reportOverdue(run: Run, tokenId: string, nodeId: string, purpose: 'sla' | 'handoff'): void {
  const task = run.state.userTasks[tokenId];
  if (!task) return;
  const kind = purpose === 'sla' ? 'sla-breached' : 'handoff-overdue';
  emit(run, { kind, nodeId, taskId: task.taskId, team: task.team });
}
