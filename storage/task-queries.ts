// Inbox reads: a user's tasks, their teams' queues, unassigned, overdue and due-soon views, and the
// open tasks whose missed deadline was escalated to their team's lead.
import type { z } from 'zod';
import type { TaskRecord } from '../domain/contract/task.ts';
import type { InboxQuery, InboxSort } from '../domain/contract/inbox-query.ts';
import type { Sql } from './database.ts';
import { confirmedEvent } from './confirmed-events.ts';

/** A row of the task projection, in the contract's shape (its id is `<caseId>:<taskId>`). */
export type TaskRow = TaskRecord;

/** A multi-instance task's place in its step, with its sibling instances done so far counted now. */
const instanceColumn = `CASE WHEN t.instance IS NULL THEN NULL ELSE jsonb_build_object(
    'index', (t.instance->>'index')::int, 'count', (t.instance->>'count')::int,
    'completed', (SELECT count(*)::int FROM tasks s WHERE s.case_id = t.case_id AND s.instance->>'bodyId' = t.instance->>'bodyId' AND s.status = 'completed')
  ) END AS instance`;

const taskColumns = `t.id, t.case_id AS "caseId", t.node_id AS "nodeId", t.name, t.team, t.role, t.assignee, t.status, t.form,
  t.handoff_from AS "handoffFrom", t.accept_by AS "acceptBy", t.accepted_at AS "acceptedAt", t.due_at AS "dueAt", t.priority,
  t.created_at AS "createdAt", t.claimed_at AS "claimedAt", t.completed_at AS "completedAt", t.completed_by AS "completedBy",
  ${instanceColumn}`;

/** An inbox request as the API parsed it, with who asks, the teams they may see and the time it is. */
export type InboxFilters = z.output<typeof InboxQuery> & {
  userId: string;
  /** Teams whose tasks the reader may see; undefined for admins. */
  teams: string[] | undefined;
  now: string;
};

const orderBy: Record<InboxSort, string> = {
  due: 't.due_at ASC NULLS LAST, t.created_at ASC, t.id',
  priority: 't.priority DESC, t.due_at ASC NULLS LAST, t.id',
  age: 't.created_at ASC, t.id',
};

/** Builds the WHERE clause with only the parameters the view uses (PostgreSQL refuses unused ones). */
function inboxWhere(query: InboxFilters): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const clauses: string[] = [];
  if (query.teams) clauses.push(`t.team = ANY(${param(query.teams)}::text[])`);
  if (query.caseId) clauses.push(`t.case_id = ${param(query.caseId)}`);
  switch (query.view) {
    case 'mine':
      clauses.push(`t.assignee = ${param(query.userId)}`, `t.status = 'claimed'`);
      break;
    case 'unassigned':
      clauses.push(`t.status = 'open'`, 't.assignee IS NULL');
      break;
    case 'overdue':
      clauses.push(`t.status IN ('open', 'claimed')`, `t.due_at < ${param(query.now)}::timestamptz`);
      break;
    case 'due-soon': {
      const now = param(query.now);
      clauses.push(`t.status IN ('open', 'claimed')`, `t.due_at >= ${now}::timestamptz`, `t.due_at < ${now}::timestamptz + make_interval(hours => ${param(query.dueSoonHours)}::int)`);
      break;
    }
    case 'escalated':
      clauses.push(
        `t.status IN ('open', 'claimed')`,
        `EXISTS (SELECT 1 FROM events e WHERE e.case_id = t.case_id AND e.kind = 'escalated-to-lead' AND t.id = e.case_id || ':' || e.task_id AND ${confirmedEvent('e')})`,
      );
      break;
    default:
      clauses.push(`t.status IN ('open', 'claimed')`);
  }
  return { where: clauses.join(' AND '), params };
}

export async function queryInbox(sql: Sql, query: InboxFilters): Promise<{ items: TaskRow[]; total: number }> {
  const { where, params } = inboxWhere(query);
  const n = params.length;
  const items = await sql.query<TaskRow>(`SELECT ${taskColumns} FROM tasks t WHERE ${where} ORDER BY ${orderBy[query.sort]} LIMIT $${n + 1} OFFSET $${n + 2}`, [...params, query.limit, query.offset]);
  const [count] = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM tasks t WHERE ${where}`, params);
  return { items, total: count?.total ?? 0 };
}

export async function findTask(sql: Sql, id: string, teams: string[] | undefined): Promise<TaskRow | null> {
  const rows = await sql.query<TaskRow>(`SELECT ${taskColumns} FROM tasks t WHERE t.id = $1 AND ($2::text[] IS NULL OR t.team = ANY($2))`, [id, teams ?? null]);
  return rows[0] ?? null;
}

export async function caseTasks(sql: Sql, caseId: string): Promise<TaskRow[]> {
  return sql.query<TaskRow>(`SELECT ${taskColumns} FROM tasks t WHERE t.case_id = $1 ORDER BY t.created_at, t.id`, [caseId]);
}
