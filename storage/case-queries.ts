// Reads of cases and their event logs for the API, always filtered by the reader's case scope
// (storage/case-scope.ts), which the access policy decides.
import type { CaseEvent, CaseRecord } from '../domain/contract/case-record.ts';
import type { DataFieldFilter } from '../domain/contract/case-data-filter.ts';
import type { Sql } from './database.ts';
import { caseScopeSql, type CaseScope } from './case-scope.ts';
import { confirmedEvent } from './confirmed-events.ts';

export type { DataFieldFilter };

/** A row of the case projection: the contract's case record without the reader's access level. */
export type CaseRow = Omit<CaseRecord, 'access'>;

const caseColumns = `c.id, c.definition_id AS "definitionId", c.version, c.workflow_id AS "workflowId", c.status,
  c.owner_team AS "ownerTeam", c.owner_user AS "ownerUser", c.data, c.started_by AS "startedBy",
  c.started_at AS "startedAt", c.ended_at AS "endedAt", c.updated_at AS "updatedAt"`;

/** A case row with how much of it the reader may see. */
export type ScopedCaseRow = CaseRecord;

/** The case, when it is in `scope`; `null` both when it does not exist and when it is out of sight. */
export async function findCase(sql: Sql, caseId: string, scope: CaseScope): Promise<ScopedCaseRow | null> {
  const params: unknown[] = [caseId];
  const scoped = caseScopeSql(scope, 'c', (value) => `$${params.push(value)}`);
  const rows = await sql.query<ScopedCaseRow>(`SELECT ${caseColumns}, ${scoped.level} AS access FROM cases c WHERE c.id = $1 AND ${scoped.inScope}`, params);
  return rows[0] ?? null;
}

/** The case when one of `teams` owns it now (not merely once held a task of it). */
export async function findCaseOwnedBy(sql: Sql, caseId: string, teams: readonly string[] | 'any'): Promise<CaseRow | null> {
  const rows = await sql.query<CaseRow>(`SELECT ${caseColumns} FROM cases c WHERE c.id = $1 AND ($2::text[] IS NULL OR c.owner_team = ANY($2))`, [caseId, teams === 'any' ? null : [...teams]]);
  return rows[0] ?? null;
}

export interface CaseSearch {
  scope: CaseScope;
  definitionId?: string;
  status?: string;
  ownerTeam?: string;
  ownerUser?: string;
  /** Every filter must hold. */
  dataFilters?: DataFieldFilter[];
  /** One top-level field equal to a value: shorthand for an `eq` filter, used by internal callers. */
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

const comparison = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/** `{"a": {"b": value}}` for path a.b, the shape `data @> …` (served by the GIN index) looks for. */
function nested(path: string[], value: unknown): string {
  return JSON.stringify(path.reduceRight<unknown>((inner, name) => ({ [name]: inner }), value));
}

function dataCondition(filter: DataFieldFilter, param: (value: unknown) => string): string {
  if (!('compareAs' in filter)) {
    const alike: unknown[] = [filter.value];
    if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(filter.value) && Number.isFinite(Number(filter.value))) alike.push(Number(filter.value));
    if (filter.value === 'true' || filter.value === 'false') alike.push(filter.value === 'true');
    const equal = `(${alike.map((value) => `c.data @> ${param(nested(filter.path, value))}::jsonb`).join(' OR ')})`;
    return filter.op === 'eq' ? equal : `NOT ${equal}`;
  }
  const field = `c.data #> ${param(filter.path)}::text[]`;
  const op = comparison[filter.op];
  return filter.compareAs === 'number' ? `casemap_data_number(${field}) ${op} ${param(filter.value)}::numeric` : `casemap_data_instant(${field}) ${op} casemap_data_instant(to_jsonb(${param(filter.value)}::text))`;
}

export async function searchCases(sql: Sql, search: CaseSearch): Promise<{ items: ScopedCaseRow[]; total: number }> {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const scoped = caseScopeSql(search.scope, 'c', param);
  const conditions = [scoped.inScope];
  if (search.definitionId) conditions.push(`c.definition_id = ${param(search.definitionId)}`);
  if (search.status) conditions.push(`c.status = ${param(search.status)}`);
  if (search.ownerTeam) conditions.push(`c.owner_team = ${param(search.ownerTeam)}`);
  if (search.ownerUser) conditions.push(`c.owner_user = ${param(search.ownerUser)}`);
  const shorthand: DataFieldFilter[] = search.dataField !== undefined ? [{ path: [search.dataField], op: 'eq', value: search.dataValue ?? '' }] : [];
  const filters = [...(search.dataFilters ?? []), ...shorthand];
  // Data filters only match cases whose data the reader may see, so a summary is no oracle on data.
  if (filters.length > 0) conditions.push(scoped.full);
  for (const filter of filters) conditions.push(dataCondition(filter, param));
  if (search.dueBefore) conditions.push(`EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id AND t.status IN ('open', 'claimed') AND t.due_at < ${param(search.dueBefore)}::timestamptz)`);
  const where = conditions.join(' AND ');
  const page = `LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
  const items = await sql.query<ScopedCaseRow>(`SELECT ${caseColumns}, ${scoped.level} AS access FROM cases c WHERE ${where} ORDER BY ${caseOrder[search.sort]} ${page}`, [...params, search.limit, search.offset]);
  const [count] = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM cases c WHERE ${where}`, params);
  return { items, total: count?.total ?? 0 };
}

/** A row of a case's event log, in the contract's shape. */
export type EventRow = CaseEvent;

export async function caseEvents(sql: Sql, caseId: string): Promise<EventRow[]> {
  return sql.query<EventRow>(
    `SELECT seq::int AS seq, id, kind, node_id AS "nodeId", task_id AS "taskId", team, actor, at, data FROM events e WHERE case_id = $1 AND ${confirmedEvent('e')} ORDER BY seq`,
    [caseId],
  );
}
