// What the insights read: one definition's case event log (with each ready task's name, team and
// deadline from the task projection), the IR of a version, its steps' names, and each case's owning team.
import type { CaseLogEvent, CaseLogEventKind } from '../domain/events/case-log-event.ts';
import { ProcessIR } from '../domain/process/ir.ts';
import type { EventRow as CaseEventRow } from './case-queries.ts';
import type { Sql } from './database.ts';
import { confirmedEvent } from './confirmed-events.ts';

export interface InsightsLogQuery {
  definitionId: string;
  version?: number;
  /** Cases started at or after / before these instants (ISO 8601). */
  from?: string;
  to?: string;
}

/** An events row as a case's history reads it, with its case and the task projection's columns. */
interface EventRow extends Omit<CaseEventRow, 'seq' | 'kind'> {
  caseId: string;
  kind: CaseLogEventKind;
  taskName: string | null;
  taskTeam: string | null;
  dueAt: string | null;
  handoffFrom: string | null;
  acceptBy: string | null;
}

const EVENT_COLUMNS = `e.id, e.case_id AS "caseId", e.kind, e.node_id AS "nodeId", e.task_id AS "taskId", e.team, e.actor, e.at, e.data,
            t.name AS "taskName", t.team AS "taskTeam", t.due_at AS "dueAt", t.handoff_from AS "handoffFrom", t.accept_by AS "acceptBy"`;
const TASK_JOIN = `LEFT JOIN tasks t ON e.kind = 'task-ready' AND t.id = e.case_id || ':' || e.task_id`;

/**
 * Every event of the definition's cases in log order, in one query. The log row of a `task-ready`
 * does not repeat the task (the task projection holds it), so it is joined back in.
 */
export async function definitionCaseLog(sql: Sql, query: InsightsLogQuery): Promise<CaseLogEvent[]> {
  const rows = await sql.query<EventRow>(
    `SELECT ${EVENT_COLUMNS}
     FROM events e
     JOIN cases c ON c.id = e.case_id
     ${TASK_JOIN}
     WHERE c.definition_id = $1 AND ${confirmedEvent('e')}
       AND ($2::int IS NULL OR c.version = $2)
       AND ($3::timestamptz IS NULL OR c.started_at >= $3::timestamptz)
       AND ($4::timestamptz IS NULL OR c.started_at < $4::timestamptz)
     ORDER BY e.seq`,
    [query.definitionId, query.version ?? null, query.from ?? null, query.to ?? null],
  );
  return rows.map(toEvent);
}

/** One case's events in log order, as `definitionCaseLog` gives them (for folding one ended case). */
export async function caseLog(sql: Sql, caseId: string): Promise<CaseLogEvent[]> {
  const rows = await sql.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events e ${TASK_JOIN} WHERE e.case_id = $1 ORDER BY e.seq`, [caseId]);
  return rows.map(toEvent);
}

function toEvent(row: EventRow): CaseLogEvent {
  const event: CaseLogEvent = { id: row.id, caseId: row.caseId, kind: row.kind, at: row.at, data: row.data ?? {} };
  if (row.nodeId !== null) event.nodeId = row.nodeId;
  if (row.taskId !== null) event.taskId = row.taskId;
  if (row.team !== null) event.team = row.team;
  if (row.actor !== null) event.actor = row.actor;
  if (row.kind === 'task-ready' && row.taskName !== null) {
    event.task = {
      name: row.taskName, team: row.taskTeam ?? row.team ?? 'unassigned', form: [], priority: 0,
      ...(row.dueAt === null ? {} : { dueAt: row.dueAt }),
      ...(row.handoffFrom === null ? {} : { handoffFrom: row.handoffFrom }),
      ...(row.acceptBy === null ? {} : { acceptBy: row.acceptBy }),
    };
  }
  return event;
}

/** The IR of a deployed version, or of the latest when `version` is omitted; null if none is deployed. */
export async function definitionIr(sql: Sql, definitionId: string, version?: number): Promise<{ version: number; ir: ProcessIR } | null> {
  const rows = await sql.query<{ version: number; ir: unknown }>(
    `SELECT version, ir FROM definition_versions WHERE definition_id = $1 AND ($2::int IS NULL OR version = $2) ORDER BY version DESC LIMIT 1`,
    [definitionId, version ?? null],
  );
  const row = rows[0];
  return row ? { version: row.version, ir: ProcessIR.parse(row.ir) } : null;
}

/**
 * What the diagram calls each step (node id → name): of one version, or with no version of every
 * version, a node taking the name of the latest version that names it (a step renamed in version 2
 * is called by its version-2 name, one removed in version 3 still by its version-2 name). Only ids
 * and names leave the database, not each version's IR. Null when nothing (or not that version) is deployed.
 */
export async function definitionStepNames(sql: Sql, definitionId: string, version?: number): Promise<Map<string, string> | null> {
  // LEFT JOIN: a deployed version naming no node still answers (one row without an id), so null means not deployed.
  const rows = await sql.query<{ id: string | null; name: string | null }>(
    `SELECT DISTINCT ON (step.id) step.id, step.name
       FROM definition_versions v
       LEFT JOIN LATERAL (
         SELECT node->>'id' AS id, node->>'name' AS name FROM jsonb_array_elements(v.ir->'nodes') node WHERE node->>'name' <> ''
       ) step ON true
      WHERE v.definition_id = $1 AND ($2::int IS NULL OR v.version = $2)
      ORDER BY step.id, v.version DESC`,
    [definitionId, version ?? null],
    // Asked before every aggregate answer about a process: planned once per connection.
    { prepared: true },
  );
  if (rows.length === 0) return null;
  return new Map(rows.flatMap((row) => (row.id === null ? [] : [[row.id, row.name!] as const])));
}

/** Each case of the definition and the team that owns it now, for narrowing lists to a reader's teams. */
export async function caseOwnerTeams(sql: Sql, definitionId: string): Promise<Map<string, string | null>> {
  const rows = await sql.query<{ id: string; ownerTeam: string | null }>(`SELECT id, owner_team AS "ownerTeam" FROM cases WHERE definition_id = $1`, [definitionId]);
  return new Map(rows.map((row) => [row.id, row.ownerTeam]));
}
