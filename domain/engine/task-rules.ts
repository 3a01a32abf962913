// Who may do what to an open user task. The case workflow's Update validators run these before
// anything moves, so a refused action writes nothing to history; the refusal is a value whose
// code comes from the contract's one vocabulary, and the shell carries it as a typed failure.
import type { ProblemIssue } from '../contract/refusal.ts';
import { TaskRefusal, type TaskRefusalCode } from '../contract/task-refusal-code.ts';
import type { Actor } from '../contract/task.ts';
import { validateFormData } from '../forms/validate-form-data.ts';
import type { CaseData, EngineEvent } from './contract.ts';
import type { EngineState, OpenTask } from './engine-state.ts';

export interface ActionRefusal {
  code: TaskRefusalCode;
  /** Says to the caseworker what is wrong and, where it can, what to do instead. */
  message: string;
  /** The form fields at fault, for an invalid form. */
  issues: ProblemIssue[];
}

/** A caseworker's action as the API asks for it, with everything the rules need to know about who asks. */
export type TaskActionRequest =
  | { type: 'claim'; taskId: string; actor: Actor }
  | { type: 'return'; taskId: string; actor: Actor }
  | { type: 'reassign'; taskId: string; actor: Actor; toUser?: string | undefined; toTeam?: string | undefined }
  | { type: 'acceptHandoff'; taskId: string; actor: Actor }
  | { type: 'complete'; taskId: string; actor: Actor; data: unknown };

/** Allowed: the engine event to step the case with. Refused: why. */
export type TaskActionCheck = { ok: true; event: EngineEvent } | { ok: false; refusal: ActionRefusal };

/** What the rules read of a task: the engine's open task, or the contract's view of one. */
export type RuledTask = Pick<OpenTask, 'taskId' | 'name' | 'team' | 'claimedBy' | 'form'> & {
  handoff?: { acceptedBy?: string | undefined; accepted?: boolean | undefined } | undefined;
};

function refusal(code: TaskRefusalCode, message: string, issues: ProblemIssue[] = []): ActionRefusal {
  return { code, message, issues };
}

export function isAdmin(actor: Actor): boolean {
  return actor.roles.includes('admin');
}

export function mayWorkOn(actor: Actor, task: RuledTask): boolean {
  return isAdmin(actor) || actor.teams.includes(task.team);
}

export function mayManage(actor: Actor, task: RuledTask): boolean {
  return isAdmin(actor) || actor.leadOf.includes(task.team);
}

function notMember(task: RuledTask): ActionRefusal {
  return refusal(TaskRefusal.notAllowed, `Task "${task.name}" belongs to team ${task.team}; you are not a member.`);
}

export function claimRefusal(task: RuledTask, actor: Actor): ActionRefusal | undefined {
  if (!mayWorkOn(actor, task)) return notMember(task);
  if (task.claimedBy && task.claimedBy !== actor.userId) return refusal(TaskRefusal.alreadyClaimed, `Task "${task.name}" is already claimed by ${task.claimedBy}.`);
  if (task.claimedBy === actor.userId) return refusal(TaskRefusal.alreadyClaimed, `You have already claimed task "${task.name}".`);
  return undefined;
}

/** The form data cleaned for the case (only the form's fields, each of its type), or why not. */
export function completion(task: RuledTask, actor: Actor, data: unknown): { ok: true; data: CaseData } | { ok: false; refusal: ActionRefusal } {
  if (!mayWorkOn(actor, task)) return { ok: false, refusal: notMember(task) };
  if (task.claimedBy !== actor.userId) return { ok: false, refusal: refusal(TaskRefusal.notClaimedByActor, `Claim task "${task.name}" before completing it.`) };
  const validation = validateFormData(task.form, data);
  if (!validation.ok) return { ok: false, refusal: refusal(TaskRefusal.invalidForm, `The form for "${task.name}" has ${validation.issues.length} problem(s).`, validation.issues) };
  return { ok: true, data: validation.data };
}

export function returnRefusal(task: RuledTask, actor: Actor): ActionRefusal | undefined {
  if (!task.claimedBy) return refusal(TaskRefusal.notOpen, `Task "${task.name}" is not claimed, so there is nothing to return.`);
  if (task.claimedBy !== actor.userId && !mayManage(actor, task)) return refusal(TaskRefusal.notAllowed, `Only ${task.claimedBy} or a lead of ${task.team} can return task "${task.name}".`);
  return undefined;
}

export function reassignRefusal(task: RuledTask, actor: Actor, toUser?: string, toTeam?: string): ActionRefusal | undefined {
  if (!mayManage(actor, task)) return refusal(TaskRefusal.notAllowed, `Only a lead of team ${task.team} can reassign task "${task.name}".`);
  if (!toUser && !toTeam) return refusal(TaskRefusal.notAllowed, 'Say who (toUser) or which team (toTeam) the task goes to.');
  return undefined;
}

export function acceptHandoffRefusal(task: RuledTask, actor: Actor): ActionRefusal | undefined {
  if (!mayWorkOn(actor, task)) return notMember(task);
  if (!task.handoff) return refusal(TaskRefusal.noHandoff, `Task "${task.name}" was not handed over from another team.`);
  const { acceptedBy, accepted } = task.handoff;
  if (acceptedBy || accepted) return refusal(TaskRefusal.alreadyClaimed, `The handoff of "${task.name}" was already accepted${acceptedBy ? ` by ${acceptedBy}` : ''}.`);
  return undefined;
}

/** Checks a caseworker's action against the case as the engine holds it; allowed, it is the event to step with. */
export function checkTaskAction(state: EngineState, action: TaskActionRequest): TaskActionCheck {
  const task = state.status === 'running' ? state.userTasks[action.taskId] : undefined;
  if (!task) return { ok: false, refusal: refusal(TaskRefusal.notOpen, `Task ${action.taskId} is not open on this case (it may have been completed or cancelled).`) };
  const { taskId } = action;
  const actor = action.actor.userId;
  const allow = (found: ActionRefusal | undefined, event: EngineEvent): TaskActionCheck => (found ? { ok: false, refusal: found } : { ok: true, event });
  switch (action.type) {
    case 'claim':
      return allow(claimRefusal(task, action.actor), { type: 'taskClaimed', taskId, actor });
    case 'return':
      return allow(returnRefusal(task, action.actor), { type: 'taskReturned', taskId, actor });
    case 'reassign': {
      const { toUser, toTeam } = action;
      return allow(reassignRefusal(task, action.actor, toUser, toTeam), { type: 'taskReassigned', taskId, actor, ...(toUser === undefined ? {} : { toUser }), ...(toTeam === undefined ? {} : { toTeam }) });
    }
    case 'acceptHandoff':
      return allow(acceptHandoffRefusal(task, action.actor), { type: 'handoffAccepted', taskId, actor });
    case 'complete': {
      const done = completion(task, action.actor, action.data);
      return done.ok ? { ok: true, event: { type: 'userTaskCompleted', taskId, data: done.data, actor } } : done;
    }
  }
}
