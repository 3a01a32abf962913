// Rebuilds a case's projections (its cases row, task rows, message and signal subscriptions) from
// its events alone. Used when a fenced write removed rows that had been projected: the deltas they
// applied cannot be undone one by one, but the log that is left can be applied again.
import type { CaseLogEvent } from '../domain/events/case-log-event.ts';
import { projectEvents, taskRowId } from './case-log-store.ts';
import type { Sql } from './database.ts';

interface EventRow {
  id: string;
  kind: CaseLogEvent['kind'];
  nodeId: string | null;
  taskId: string | null;
  team: string | null;
  actor: string | null;
  at: string;
  data: Record<string, unknown>;
  task: CaseLogEvent['task'] | null;
}

/** The case's log in order, as the projection reads events: all of it, or the positions in (after, through]. */
export async function caseLog(tx: Sql, caseId: string, range?: { after: number; through: number }): Promise<CaseLogEvent[]> {
  const rows = await tx.query<EventRow>(
    `SELECT id, kind, node_id AS "nodeId", task_id AS "taskId", team, actor, at, data, task FROM events
     WHERE case_id = $1 AND ($2::int IS NULL OR position > $2) AND ($3::int IS NULL OR position <= $3) ORDER BY position, seq`,
    [caseId, range?.after ?? null, range?.through ?? null],
  );
  return rows.map((row) => ({
    id: row.id,
    caseId,
    kind: row.kind,
    at: row.at,
    data: row.data ?? {},
    ...(row.nodeId === null ? {} : { nodeId: row.nodeId }),
    ...(row.taskId === null ? {} : { taskId: row.taskId }),
    ...(row.team === null ? {} : { team: row.team }),
    ...(row.actor === null ? {} : { actor: row.actor }),
    ...(row.task === null ? {} : { task: row.task }),
  }));
}

export async function rebuildCaseProjection(tx: Sql, caseId: string): Promise<void> {
  const events = await caseLog(tx, caseId);
  // A task-ready logged before its details were kept with the event (migration 013) cannot make its
  // row again: that row keeps what it was made with and is reopened, and the events after it apply.
  const kept = events.filter((event) => event.kind === 'task-ready' && !event.task && event.taskId).map((event) => taskRowId(caseId, event.taskId!));
  await tx.query('DELETE FROM tasks WHERE case_id = $1 AND NOT (id = ANY($2::text[]))', [caseId, kept]);
  await tx.query(
    `UPDATE tasks SET status = 'open', assignee = NULL, claimed_at = NULL, accepted_at = NULL, completed_at = NULL, completed_by = NULL WHERE id = ANY($1::text[])`,
    [kept],
  );
  await tx.query('DELETE FROM message_subscriptions WHERE case_id = $1', [caseId]);
  await tx.query('DELETE FROM signal_subscriptions WHERE case_id = $1', [caseId]);
  await projectEvents(tx, events);
}
