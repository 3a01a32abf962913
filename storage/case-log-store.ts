// Appends case log events and keeps the case and task projections in step with them, in one
// transaction. An event id already present is skipped with its side effects, so retries are safe.
// (A write from a local activity would go through storage/fenced-case-log-store.ts, which uses the
// same insert and projection.)
import { CaseMigratedData, CaseStartedData, type CaseLogEvent } from '../domain/events/case-log-event.ts';
import { logPosition } from '../domain/events/case-log-fence.ts';
import type { Database, Sql } from './database.ts';
import { foldCaseAtEnd } from './case-log-fold.ts';

export interface AppendResult {
  inserted: number;
  skipped: number;
}

export async function appendCaseLogEvents(db: Database, events: CaseLogEvent[]): Promise<AppendResult> {
  if (events.length === 0) return { inserted: 0, skipped: 0 };
  return db.transaction(async (tx) => {
    const inserted = await insertCaseLogEvents(tx, events);
    await projectEvents(tx, events.filter((event) => inserted.has(event.id)));
    return { inserted: inserted.size, skipped: events.length - inserted.size };
  });
}

/**
 * Inserts the events in one statement, in the order given (their `seq` follows it), skipping any
 * whose id is there already; answers the ids inserted. One statement rather than one per event: on
 * PGlite each statement costs a parse and plan on the worker's own thread (docs/benchmarks.md, #17).
 */
export async function insertCaseLogEvents(tx: Sql, events: readonly CaseLogEvent[]): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows = events.map((event) => ({
    id: event.id,
    case_id: event.caseId,
    kind: event.kind,
    node_id: event.nodeId ?? null,
    task_id: event.taskId ?? null,
    team: event.team ?? null,
    actor: event.actor ?? null,
    at: event.at,
    data: event.data,
    position: logPosition(event.caseId, event.id) ?? null,
    task: event.task ?? null,
  }));
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO events (id, case_id, kind, node_id, task_id, team, actor, at, data, position, task)
     SELECT id, case_id, kind, node_id, task_id, team, actor, at, data, position, task
       FROM ROWS FROM (json_to_recordset($1::json) AS (id text, case_id text, kind text, node_id text, task_id text, team text, actor text, at timestamptz, data jsonb, position integer, task jsonb))
            WITH ORDINALITY AS r(id, case_id, kind, node_id, task_id, team, actor, at, data, position, task, n)
      ORDER BY n
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(rows)],
  );
  return new Set(inserted.map((row) => row.id));
}

/**
 * Projects the events in order. Events that only mark their case as changed (a step entered, and
 * the like) are folded into one update per case at the end: `updated_at` takes the latest time
 * either way, since a case's events come in time order.
 */
export async function projectEvents(tx: Sql, events: readonly CaseLogEvent[]): Promise<void> {
  const touched = new Map<string, string>();
  for (const event of events) await project(tx, event, touched);
  for (const [caseId, at] of touched) await touchCase(tx, caseId, at);
}

/** Applies one event's change to the case, task and subscription rows (each event once, in log order); a mere "the case changed at" goes into `touched`, applied by projectEvents. */
async function project(tx: Sql, event: CaseLogEvent, touched: Map<string, string>): Promise<void> {
  const touch = (caseId: string, at: string) => void touched.set(caseId, latest(touched.get(caseId), at));
  const { caseId, at } = event;
  switch (event.kind) {
    case 'case-started': {
      // Every column is set, so a rebuild (storage/case-projection-rebuild.ts) starts the row afresh.
      const started = CaseStartedData.parse(event.data);
      await tx.query(
        `INSERT INTO cases (id, definition_id, version, workflow_id, status, owner_team, data, started_by, started_at, updated_at)
         VALUES ($1, $2, $3, $4, 'running', $5, $6, $7, $8, $8)
         ON CONFLICT (id) DO UPDATE SET definition_id = EXCLUDED.definition_id, version = EXCLUDED.version, workflow_id = EXCLUDED.workflow_id,
           status = 'running', owner_team = EXCLUDED.owner_team, owner_user = NULL, data = EXCLUDED.data, started_by = EXCLUDED.started_by,
           started_at = EXCLUDED.started_at, ended_at = NULL, updated_at = EXCLUDED.updated_at`,
        [caseId, started.definitionId, started.version, started.workflowId, event.team ?? null, JSON.stringify(started.data), started.startedBy ?? null, at],
      );
      return;
    }
    case 'task-ready': {
      const task = event.task;
      if (!task || !event.taskId) return;
      await tx.query(
        `INSERT INTO tasks (id, case_id, node_id, name, team, role, assignee, status, form, handoff_from, accept_by, due_at, priority, created_at, updated_at, instance)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $10, $11, $12, $13, $13, $14)
         ON CONFLICT (id) DO NOTHING`,
        [taskRowId(caseId, event.taskId), caseId, event.nodeId ?? '', task.name, task.team, task.role ?? null, task.assignee ?? null, JSON.stringify(task.form), task.handoffFrom ?? null, task.acceptBy ?? null, task.dueAt ?? null, task.priority, at, task.instance ? JSON.stringify({ index: task.instance.index, count: task.instance.count, bodyId: task.instance.bodyId }) : null],
      );
      touch(caseId, at);
      return;
    }
    case 'task-claimed':
      await updateTask(tx, event, `status = 'claimed', assignee = $3, claimed_at = $4`, [event.actor ?? null, at]);
      await tx.query('UPDATE cases SET owner_user = $2, updated_at = $3 WHERE id = $1', [caseId, event.actor ?? null, at]);
      return;
    case 'task-returned':
      await updateTask(tx, event, `status = 'open', assignee = NULL, claimed_at = NULL`, []);
      return;
    case 'task-reassigned': {
      const toUser = typeof event.data.toUser === 'string' ? event.data.toUser : null;
      const toTeam = typeof event.data.toTeam === 'string' ? event.data.toTeam : null;
      await updateTask(tx, event, `assignee = $3, team = COALESCE($4, team), status = CASE WHEN $3::text IS NULL THEN 'open' ELSE 'claimed' END, claimed_at = CASE WHEN $3::text IS NULL THEN NULL ELSE $5::timestamptz END`, [toUser, toTeam, at]);
      return;
    }
    case 'handoff-accepted':
      await updateTask(tx, event, `accepted_at = $3`, [at]);
      return;
    case 'task-completed':
      await updateTask(tx, event, `status = 'completed', completed_at = $3, completed_by = $4`, [at, event.actor ?? null]);
      await tx.query(`UPDATE cases SET data = data || $2::jsonb, updated_at = $3 WHERE id = $1`, [caseId, JSON.stringify(event.data), at]);
      return;
    case 'task-cancelled':
      await updateTask(tx, event, `status = 'cancelled'`, []);
      return;
    case 'ownership-changed':
      await tx.query('UPDATE cases SET owner_team = $2, owner_user = NULL, updated_at = $3 WHERE id = $1', [caseId, event.team ?? null, at]);
      return;
    case 'message-awaited':
      await tx.query(
        `INSERT INTO message_subscriptions (case_id, subscription_id, node_id, message_name, correlation_key, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [caseId, String(event.data.subscriptionId), event.nodeId ?? null, String(event.data.messageName), typeof event.data.correlationKey === 'string' ? event.data.correlationKey : null, at],
      );
      return;
    case 'message-wait-ended':
      await tx.query('DELETE FROM message_subscriptions WHERE case_id = $1 AND subscription_id = $2', [caseId, String(event.data.subscriptionId)]);
      return;
    case 'signal-awaited':
      await tx.query(
        `INSERT INTO signal_subscriptions (case_id, subscription_id, node_id, signal_name, created_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [caseId, String(event.data.subscriptionId), event.nodeId ?? null, String(event.data.signalName), at],
      );
      return;
    case 'signal-wait-ended':
      await tx.query('DELETE FROM signal_subscriptions WHERE case_id = $1 AND subscription_id = $2', [caseId, String(event.data.subscriptionId)]);
      return;
    case 'case-migrated': {
      // The case row follows the version; kept tasks keep their row and take the new step's name, team and form.
      const migrated = CaseMigratedData.parse(event.data);
      await tx.query('UPDATE cases SET version = $2, updated_at = GREATEST(updated_at, $3::timestamptz) WHERE id = $1', [caseId, migrated.toVersion, at]);
      for (const task of migrated.tasksKept) {
        await tx.query('UPDATE tasks SET node_id = $2, name = $3, team = $4, role = $5, form = $6, due_at = $7, updated_at = $8 WHERE id = $1', [
          taskRowId(caseId, task.taskId),
          task.nodeId,
          task.name,
          task.team,
          task.role ?? null,
          JSON.stringify(task.form),
          task.dueAt ?? null,
          at,
        ]);
      }
      return;
    }
    case 'case-completed':
    case 'case-failed':
    case 'case-cancelled': {
      const status = event.kind.replace('case-', '');
      await tx.query(`UPDATE cases SET status = $2, ended_at = $3, updated_at = $3, data = data || $4::jsonb WHERE id = $1`, [caseId, status, at, JSON.stringify(event.data.data ?? {})]);
      await tx.query(`UPDATE tasks SET status = 'cancelled', updated_at = $2 WHERE case_id = $1 AND status IN ('open', 'claimed')`, [caseId, at]);
      await tx.query('DELETE FROM message_subscriptions WHERE case_id = $1', [caseId]);
      await tx.query('DELETE FROM signal_subscriptions WHERE case_id = $1', [caseId]);
      // An ended case's figures are final: they join the insight aggregates with its end, once.
      await foldCaseAtEnd(tx, caseId);
      return;
    }
    default:
      touch(caseId, at);
  }
}

/** Task ids from the engine are unique within a case; the inbox needs them unique everywhere. */
export function taskRowId(caseId: string, taskId: string): string {
  return `${caseId}:${taskId}`;
}

async function updateTask(tx: Sql, event: CaseLogEvent, assignments: string, params: unknown[]): Promise<void> {
  if (!event.taskId) return;
  await tx.query(`UPDATE tasks SET ${assignments}, updated_at = $2 WHERE id = $1`, [taskRowId(event.caseId, event.taskId), event.at, ...params]);
}

/** The later of two ISO instants (either may be missing). */
function latest(a: string | undefined, b: string): string {
  return a === undefined || Date.parse(b) > Date.parse(a) ? b : a;
}

async function touchCase(tx: Sql, caseId: string, at: string): Promise<void> {
  await tx.query('UPDATE cases SET updated_at = GREATEST(updated_at, $2::timestamptz) WHERE id = $1', [caseId, at]);
}
