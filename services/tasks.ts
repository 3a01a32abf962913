// Reads of the task projection: inbox views, one task, a case's tasks. Which teams' tasks a reader
// may see is decided by the access policy (api/access) and passed in.
import type { Database } from '../storage/database.ts';
import { caseTasks, findTask, queryInbox, type InboxFilters } from '../storage/task-queries.ts';
import type { TaskPage, TaskRecord } from '../domain/contract/task.ts';

/** One page of an inbox view over the tasks of `filters.teams` (all teams when undefined). */
export async function listInbox(db: Database, filters: InboxFilters): Promise<TaskPage> {
  return queryInbox(db, filters);
}

/** The task, when it belongs to one of `teams` (any team when undefined). */
export async function taskOfTeams(db: Database, taskId: string, teams: string[] | undefined): Promise<TaskRecord | null> {
  return findTask(db, taskId, teams);
}

/** Every task of the case, oldest first. */
export async function tasksOfCase(db: Database, caseId: string): Promise<TaskRecord[]> {
  return caseTasks(db, caseId);
}
