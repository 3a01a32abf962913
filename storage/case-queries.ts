// Reads of cases and their event logs for the API, always filtered by the teams a reader may see.
import type { Sql } from './database.ts';

export interface CaseRow {
  id: string;
  definitionId: string;
  version: number;
  workflowId: string;
  status: string;
  ownerTeam: string | null;
  ownerUser: string | null;
  data: Record<string, unknown>;
  startedBy: string | null;
  startedAt: string;
  endedAt: string | null;
  updatedAt: string;
}

const caseColumns = `c.id, c.definition_id AS "definitionId", c.version, c.workflow_id AS "workflowId", c.status,
  c.owner_team AS "ownerTeam", c.owner_user AS "ownerUser", c.data, c.started_by AS "startedBy",
  c.started_at AS "startedAt", c.ended_at AS "endedAt", c.updated_at AS "updatedAt"`;

/** `teams` undefined means every case (admins, analysts). */
const visibleTo = (param: number) => `($${param}::text[] IS NULL OR c.owner_team = ANY($${param}) OR EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id AND t.team = ANY($${param})))`;

export async function findCase(sql: Sql, caseId: string, teams: string[] | undefined): Promise<CaseRow | null> {
  const rows = await sql.query<CaseRow>(`SELECT ${caseColumns} FROM cases c WHERE c.id = $1 AND ${visibleTo(2)}`, [caseId, teams ?? null]);
  return rows[0] ?? null;
}

export interface CaseSearch {
  teams: string[] | undefined;
  definitionId?: string;
  status?: string;
  ownerTeam?: string;
  ownerUser?: string;
  /** Cases whose data has this field equal to this value (compared as text). */
  dataField?: string;
  dataValue?: string;
  /** Cases with an open task due before this instant. */
  dueBefore?: string;
  sort: 'updated' | 'started' | 'due';
  limit: number;
  offset: number;
}

const caseOrder = {
  updated: 'c.updated_at DESC, c.id',
  started: 'c.started_at DESC, c.id',
  due: '(SELECT min(t.due_at) FROM tasks t WHERE t.case_id = c.id AND t.status IN (\'open\', \'claimed\')) ASC NULLS LAST, c.id',
} as const;

export async function searchCases(sql: Sql, search: CaseSearch): Promise<{ items: CaseRow[]; total: number }> {
  const where = `${visibleTo(1)} AND ($2::text IS NULL OR c.definition_id = $2) AND ($3::text IS NULL OR c.status = $3) AND ($4::text IS NULL OR c.owner_team = $4)
    AND ($5::text IS NULL OR c.owner_user = $5) AND ($6::text IS NULL OR c.data ->> $6 = $7::text)
    AND ($8::timestamptz IS NULL OR EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id AND t.status IN ('open', 'claimed') AND t.due_at < $8))`;
  const params = [search.teams ?? null, search.definitionId ?? null, search.status ?? null, search.ownerTeam ?? null, search.ownerUser ?? null, search.dataField ?? null, search.dataValue ?? null, search.dueBefore ?? null];
  const items = await sql.query<CaseRow>(`SELECT ${caseColumns} FROM cases c WHERE ${where} ORDER BY ${caseOrder[search.sort]} LIMIT $9 OFFSET $10`, [...params, search.limit, search.offset]);
  const [count] = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM cases c WHERE ${where}`, params);
  return { items, total: count?.total ?? 0 };
}

export interface EventRow {
  seq: number;
  id: string;
  kind: string;
  nodeId: string | null;
  taskId: string | null;
  team: string | null;
  actor: string | null;
  at: string;
  data: Record<string, unknown>;
}

export async function caseEvents(sql: Sql, caseId: string): Promise<EventRow[]> {
  return sql.query<EventRow>(
    `SELECT seq::int AS seq, id, kind, node_id AS "nodeId", task_id AS "taskId", team, actor, at, data FROM events WHERE case_id = $1 ORDER BY seq`,
    [caseId],
  );
}
