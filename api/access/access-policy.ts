// The object half of the access policy (the route half is access-rules.ts): which cases, tasks
// and processes a person may see or act on. Every route that touches a team-bound object asks
// here; none decides for itself. Out-of-sight objects answer 404, exactly like missing ones, so
// the answer never tells a person that another team's case exists.
import type { Database } from '../../services/database.ts';
import type { UserRecord } from '../../services/accounts.ts';
import { caseInScope, isCaseOwnedBy, owningTeams, type CaseScope } from '../../services/cases.ts';
import { taskOfTeams } from '../../services/tasks.ts';
import { isMemberOf, isTeam } from '../../services/teams.ts';
import type { CaseRecord } from '../../domain/contract/case-record.ts';
import type { TaskRecord } from '../../domain/contract/task.ts';
import { notFound, Problem } from '../problems/problem.ts';
import { hasAnyRole } from './roles.ts';

const isAdmin = (user: UserRecord) => user.roles.includes('admin');

/**
 * The cases a person may see at all. Admins and analysts (improvement work, read only) see every
 * case; everyone else the cases of their teams — fully while a team of theirs owns the case or
 * holds an open task of it, as a summary after their team has handed it on.
 */
export function caseScopeOf(user: UserRecord): CaseScope {
  return hasAnyRole(user, ['analyst']) ? { kind: 'all' } : { kind: 'teams', teams: user.teams };
}

/** The case with how much of it `user` may see; 404 when it is missing or out of sight. */
export async function readableCase(db: Database, user: UserRecord, caseId: string): Promise<CaseRecord> {
  const found = await caseInScope(db, caseId, caseScopeOf(user));
  if (!found) throw notFound(`Case ${caseId}`);
  return found;
}

/** Only a lead of the team that owns the case now (or an admin) may cancel it. */
export async function cancellableCase(db: Database, user: UserRecord, caseId: string): Promise<void> {
  if (!(await isCaseOwnedBy(db, caseId, isAdmin(user) ? 'any' : user.leadOf))) throw notFound(`Case ${caseId} (only a lead of its owning team may cancel it)`);
}

/** The teams whose tasks `user` may see: all for admins, else their own teams. */
function taskTeams(user: UserRecord): string[] | undefined {
  return isAdmin(user) ? undefined : user.teams;
}

/** Inbox views: the escalated view shows only the teams the reader leads. */
export function inboxTeams(user: UserRecord, view: string): string[] | undefined {
  if (view !== 'escalated' || isAdmin(user)) return taskTeams(user);
  return user.leadOf;
}

/** A task of one of the caller's teams; 404 otherwise. The workflow checks claims and staleness. */
export async function actionableTask(db: Database, user: UserRecord, taskId: string): Promise<TaskRecord> {
  const task = await taskOfTeams(db, taskId, taskTeams(user));
  if (!task) throw notFound(`Task ${taskId}`);
  return task;
}

/**
 * A reassignment: the caller leads the task's team, the target team exists, and the target person
 * is a member of the team the task ends up with. Refusals name the field at fault.
 */
export async function checkReassignment(db: Database, user: UserRecord, task: TaskRecord, target: { toUser?: string; toTeam?: string }): Promise<void> {
  if (!isAdmin(user) && !user.leadOf.includes(task.team)) {
    throw new Problem('forbidden', `Only a lead of ${task.team} may reassign this task.`);
  }
  const team = target.toTeam ?? task.team;
  if (target.toTeam !== undefined && !(await isTeam(db, target.toTeam))) {
    throw new Problem('invalid-request', `There is no team ${target.toTeam}.`, [{ field: 'body.toTeam', message: 'must be an existing team' }]);
  }
  if (target.toUser !== undefined && !(await isMemberOf(db, target.toUser, team))) {
    throw new Problem('invalid-request', `${target.toUser} is not a member of ${team}, so cannot be given its task.`, [{ field: 'body.toUser', message: `must be a member of ${team}` }]);
  }
}

/**
 * May `user` start a case of a process these teams start (domain/process/starters.ts; the case
 * start service works them out)? Admins may; others only when one of their teams is among them.
 * A process that names no team at all is open to every caseworker.
 */
export function mayStart(user: UserRecord, startingTeams: readonly string[]): boolean {
  return isAdmin(user) || startingTeams.length === 0 || startingTeams.some((team) => user.teams.includes(team));
}

/** Which messages a lead may list: those delivered to cases they may fully see; unmatched ones only admins. */
export function messageScopeOf(user: UserRecord): { cases: CaseScope; unmatched: boolean } {
  if (isAdmin(user)) return { cases: { kind: 'all' }, unmatched: true };
  return { cases: { kind: 'teams', teams: user.teams }, unmatched: false };
}

/**
 * The at-risk list as `user` may see it: analysts (and admins) every item; a lead only steps of
 * their teams and whole-case deadlines of cases their teams own.
 */
export async function atRiskVisibleTo<T extends { caseId: string; team?: string | undefined; scope: string }>(db: Database, user: UserRecord, definitionId: string, items: T[]): Promise<T[]> {
  if (hasAnyRole(user, ['analyst'])) return items;
  const owners = await owningTeams(db, definitionId);
  return items.filter((item) => (item.team !== undefined && item.scope === 'task' ? user.teams.includes(item.team) : user.teams.includes(owners.get(item.caseId) ?? '')));
}
