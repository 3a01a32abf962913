// Who may do what to a user task. Runs inside Update validators, so a refused action writes
// nothing to history; the API applies the same rules before it calls the workflow.
import { ApplicationFailure } from '@temporalio/workflow';
import { validateFormData } from '../domain/forms/validate-form-data.ts';
import { TaskRefusal, type ProblemIssue, type RefusalDetails, type TaskRefusalCode } from '../domain/contract/refusal.ts';
import type { Actor, OpenTask } from '../domain/contract/task.ts';

/** The refusal's code is the failure's type and its details are typed (RefusalDetails), so the API never reads a message. */
function refuse(code: TaskRefusalCode, message: string, issues: ProblemIssue[] = []): never {
  const details: RefusalDetails = { issues };
  throw ApplicationFailure.create({ type: code, message, nonRetryable: true, details: [details] });
}

export function isAdmin(actor: Actor): boolean {
  return actor.roles.includes('admin');
}

export function mayWorkOn(actor: Actor, task: OpenTask): boolean {
  return isAdmin(actor) || actor.teams.includes(task.team);
}

export function mayManage(actor: Actor, task: OpenTask): boolean {
  return isAdmin(actor) || actor.leadOf.includes(task.team);
}

export function requireTask(tasks: Map<string, OpenTask>, taskId: string): OpenTask {
  const task = tasks.get(taskId);
  if (!task) refuse(TaskRefusal.notOpen, `Task ${taskId} is not open on this case (it may have been completed or cancelled).`);
  return task;
}

export function checkClaim(task: OpenTask, actor: Actor): void {
  if (!mayWorkOn(actor, task)) refuse(TaskRefusal.notAllowed, `Task "${task.name}" belongs to team ${task.team}; you are not a member.`);
  if (task.claimedBy && task.claimedBy !== actor.userId) refuse(TaskRefusal.alreadyClaimed, `Task "${task.name}" is already claimed by ${task.claimedBy}.`);
  if (task.claimedBy === actor.userId) refuse(TaskRefusal.alreadyClaimed, `You have already claimed task "${task.name}".`);
}

export function checkComplete(task: OpenTask, actor: Actor, data: unknown): Record<string, unknown> {
  if (!mayWorkOn(actor, task)) refuse(TaskRefusal.notAllowed, `Task "${task.name}" belongs to team ${task.team}; you are not a member.`);
  if (task.claimedBy !== actor.userId) refuse(TaskRefusal.notClaimedByActor, `Claim task "${task.name}" before completing it.`);
  const validation = validateFormData(task.form, data);
  if (!validation.ok) refuse(TaskRefusal.invalidForm, `The form for "${task.name}" has ${validation.issues.length} problem(s).`, validation.issues);
  return validation.data;
}

export function checkReturn(task: OpenTask, actor: Actor): void {
  if (!task.claimedBy) refuse(TaskRefusal.notOpen, `Task "${task.name}" is not claimed, so there is nothing to return.`);
  if (task.claimedBy !== actor.userId && !mayManage(actor, task)) refuse(TaskRefusal.notAllowed, `Only ${task.claimedBy} or a lead of ${task.team} can return task "${task.name}".`);
}

export function checkReassign(task: OpenTask, actor: Actor, toUser?: string, toTeam?: string): void {
  if (!mayManage(actor, task)) refuse(TaskRefusal.notAllowed, `Only a lead of team ${task.team} can reassign task "${task.name}".`);
  if (!toUser && !toTeam) refuse(TaskRefusal.notAllowed, 'Say who (toUser) or which team (toTeam) the task goes to.');
}

export function checkAcceptHandoff(task: OpenTask, actor: Actor): void {
  if (!mayWorkOn(actor, task)) refuse(TaskRefusal.notAllowed, `Task "${task.name}" belongs to team ${task.team}; you are not a member.`);
  if (!task.handoff) refuse(TaskRefusal.noHandoff, `Task "${task.name}" was not handed over from another team.`);
  if (task.handoff.acceptedBy) refuse(TaskRefusal.alreadyClaimed, `The handoff of "${task.name}" was already accepted by ${task.handoff.acceptedBy}.`);
}
