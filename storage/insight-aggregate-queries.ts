// Reads of the insight aggregates (migration 014): a few rows per edge and step for the chosen days, team and version, summed by the database, each with whether the source's fold is recorded.
import type { Sql } from './database.ts';
import type { BucketChoice } from '../domain/insights/aggregate-buckets.ts';
import type { ActivityRow, CaseCounts, EdgeRow, VariantRow } from '../domain/insights/aggregate-rows.ts';

export interface AggregateScope {
  source: string;
  /** An OCEL log's object type; '' for every other log; null: the type chosen for the kept log the source is (read in the same query, saving a round trip). */
  flattening: string | null;
  version?: number;
}

/**
 * A scope's WHERE clause, its values appended to `params`: only the predicates the question has, no
 * `$n IS NULL OR …` catch-alls (a plan made for any value cannot use them as index bounds).
 */
export function scopeWhere(scope: AggregateScope, params: unknown[], team?: string): string {
  const add = (value: unknown) => `$${params.push(value)}`;
  const source = add(scope.source);
  // A kept log's source is 'log:<id>'; its chosen object type is null for XES and CSV logs, whose rows have ''.
  const flattening = scope.flattening === null ? `(SELECT coalesce(object_type, '') FROM imported_logs WHERE id = substr(${source}, 5))` : add(scope.flattening);
  return [
    `source = ${source}`,
    `flattening = ${flattening}`,
    ...(team === undefined ? [] : [`team = ${add(team)}`]),
    ...(scope.version === undefined ? [] : [`version = ${add(scope.version)}`]),
  ].join(' AND ');
}

/**
 * The chosen buckets: the all-time row, or rows (span, from, to) bound as three arrays, their
 * placeholders appended to `params`. Whatever range is asked, the statement's text is the same, so
 * PostgreSQL plans one small statement rather than a UNION ALL with a branch per range, whose shape
 * changed with the range and whose planning took about 2 ms of a 3.5 ms day-range read in the API
 * bench (a prepared statement is planned for its values on its first runs on each connection).
 */
export function bucketRanges(choice: BucketChoice, params: unknown[]): string | null {
  if (choice.span === 'all') return null;
  const ranges = [
    ...(choice.months ? [{ span: 'month', ...choice.months }] : []),
    ...choice.blocks.map((blocks) => ({ span: 'block', ...blocks })),
    ...choice.days.map((days) => ({ span: 'day', ...days })),
  ];
  const spans = `$${params.push(ranges.map((range) => range.span))}::text[]`;
  const froms = `$${params.push(ranges.map((range) => range.from ?? '-infinity'))}::date[]`;
  const tos = `$${params.push(ranges.map((range) => range.to ?? 'infinity'))}::date[]`;
  return `unnest(${spans}, ${froms}, ${tos}) AS chosen(span, lo, hi)`;
}

/**
 * The rows of a table in the chosen ranges (null: the all-time rows): one primary-key range scan
 * (span, then bucket) for each range, rather than a filter over every row of the source. No range
 * (an empty or reversed span) reads nothing.
 */
export function bucketRows(table: string, where: string, ranges: string | null): string {
  if (ranges === null) return `SELECT * FROM ${table} WHERE ${where} AND span = 'all'`;
  // OFFSET 0 keeps the planner from flattening the lateral read into a join, which it planned as a
  // hash join over every row of the source (28,000 rows, 13 ms, for a range that reads 141).
  return `SELECT t.* FROM ${ranges} CROSS JOIN LATERAL (SELECT * FROM ${table} WHERE ${where} AND span = chosen.span AND bucket >= chosen.lo AND bucket < chosen.hi OFFSET 0) t`;
}

const EDGE_SUMS = `from_activity AS "from", to_activity AS "to", sum(occurrences)::float8 AS count, sum(sum_ms)::float8 AS "sumMs",
  min(min_ms)::float8 AS "minMs", max(max_ms)::float8 AS "maxMs", sum(loops)::float8 AS loops, sum(loop_cases)::float8 AS "loopCases",
  CASE WHEN sum(occurrences) > 1
       THEN sqrt(greatest(sum(sumsq_ms) - sum(sum_ms)::numeric * sum(sum_ms) / sum(occurrences), 0) / (sum(occurrences) - 1))::float8 END AS "stdevMs"`;
const ACTIVITY_SUMS = `activity, sum(completions)::float8 AS completions, sum(starts)::float8 AS starts, sum(ends)::float8 AS ends,
  sum(cases)::float8 AS cases, sum(cases_repeated)::float8 AS "casesRepeated"`;

/**
 * Whether the source's fold is recorded, as a column of the statement that reads its rows: one
 * statement, one snapshot, so rows read beside `true` are from a whole fold, and `false` beside a
 * kept log's rows means it was deleted (or not folded yet) when the statement ran. A kept log's
 * owner comes in the same statement, so its answer needs no look-up of the log before or beside it
 * (services/insight-aggregates.ts `keptLogAnswer` applies the access rule to it). `$1` is the
 * source: `scopeWhere` binds it first.
 */
function foldedColumns(scope: AggregateScope): string {
  const owner = scope.flattening === null ? '(SELECT imported_by FROM imported_logs WHERE id = substr($1, 5))' : 'NULL::text';
  return `EXISTS (SELECT 1 FROM insight_folds WHERE source = $1) AS folded, ${owner} AS "logOwner"`;
}

export interface Folded {
  /** Whether the source's fold is recorded in the snapshot the rows beside it were read from. */
  folded: boolean;
  /** Who imported the kept log the source is, in that snapshot; null for a process's log, or a kept log deleted. */
  logOwner: string | null;
}

export interface FoldedRows<T> extends Folded {
  rows: T[];
}

/** A statement's rows as one JSON array (in `order`, if given) beside whether the scope's fold is recorded and its owner. */
export function withFolded(scope: AggregateScope, rows: string, order?: string): string {
  return `SELECT ${foldedColumns(scope)}, (SELECT coalesce(json_agg(r${order ? ` ORDER BY ${order}` : ''}), '[]') FROM (${rows}) r) AS rows`;
}

export interface DfgRows extends Folded {
  edges: EdgeRow[];
  activities: ActivityRow[];
}

/**
 * The edges and steps of the chosen cases (team '' = every event), with exact sums (the standard
 * deviation from the exact sum of squares), and whether the source is folded: one statement, so one
 * round trip and one snapshot.
 */
export async function aggregatedDfg(sql: Sql, scope: AggregateScope, team: string, buckets: BucketChoice): Promise<DfgRows> {
  const params: unknown[] = [];
  const where = scopeWhere(scope, params, team);
  const ranges = bucketRanges(buckets, params);
  const rows = await sql.query<DfgRows>(
    `WITH e AS (SELECT ${EDGE_SUMS} FROM (${bucketRows('insight_edges', where, ranges)}) r GROUP BY from_activity, to_activity),
          a AS (SELECT ${ACTIVITY_SUMS} FROM (${bucketRows('insight_activities', where, ranges)}) r GROUP BY activity)
     SELECT ${foldedColumns(scope)}, (SELECT coalesce(json_agg(e), '[]') FROM e) AS edges, (SELECT coalesce(json_agg(a), '[]') FROM a) AS activities`,
    params,
    // Planning these few index range scans took as long as running them (docs/insights.md).
    { prepared: true },
  );
  return rows[0]!;
}

export interface CaseRange {
  /** Cases started in [from, to), ISO instants. */
  from?: string;
  to?: string;
}

/** The chosen cases' WHERE clause, its values appended to `params` (a bound only when given). */
function caseWhere(scope: AggregateScope, range: CaseRange, params: unknown[]): string {
  return [
    scopeWhere(scope, params),
    ...(range.from === undefined ? [] : [`started_at >= $${params.push(range.from)}::timestamptz`]),
    ...(range.to === undefined ? [] : [`started_at < $${params.push(range.to)}::timestamptz`]),
  ].join(' AND ');
}

/**
 * The most frequent variants (ties by their key in code-point order) with exact duration figures
 * over the ended cases (percentiles interpolate linearly, as numpy), and how many variants there are.
 */
export async function aggregatedVariants(sql: Sql, scope: AggregateScope, range: CaseRange, limit: number): Promise<FoldedRows<VariantRow>> {
  const params: unknown[] = [];
  const where = caseWhere(scope, range, params);
  const rows = await sql.query<FoldedRows<VariantRow>>(
    withFolded(scope, `WITH g AS (
       SELECT flattening, variant_id, count(*)::int AS count, count(duration_ms)::int AS ended, sum(duration_ms)::float8 AS "sumMs",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms::float8) AS "medianMs", percentile_cont(0.9) WITHIN GROUP (ORDER BY duration_ms::float8) AS "p90Ms",
              max(duration_ms)::float8 AS "maxMs", (count(*) OVER ())::int AS total
         FROM insight_cases WHERE ${where} AND variant_id IS NOT NULL
        GROUP BY flattening, variant_id
     )
     SELECT v.variant, g.count, g.ended, g."sumMs", g."medianMs", g."p90Ms", g."maxMs", g.total
       FROM g JOIN insight_variants v ON v.source = $1 AND v.flattening = g.flattening AND v.variant_id = g.variant_id
      ORDER BY g.count DESC, v.variant COLLATE "C"
      LIMIT $${params.push(limit)}`, 'r.count DESC, r.variant COLLATE "C"'),
    params,
  );
  return rows[0]!;
}

/** How many of the chosen cases there are, how many completed no step, and their repeats in all. */
export async function aggregatedCaseCounts(sql: Sql, scope: AggregateScope, range: CaseRange): Promise<CaseCounts & Folded> {
  const params: unknown[] = [];
  const rows = await sql.query<CaseCounts & Folded>(
    `SELECT ${foldedColumns(scope)}, count(*)::int AS cases, count(*) FILTER (WHERE variant_id IS NULL)::int AS "withoutActivity",
            count(*) FILTER (WHERE repeats > 0)::int AS "withRework", coalesce(sum(repeats), 0)::int AS repeats
       FROM insight_cases WHERE ${caseWhere(scope, range, params)}`,
    params,
  );
  return rows[0]!;
}

/** The `limit` chosen cases with most repeats, and any tied with the last of them (the caller orders ties by name as the report does). */
export async function casesWithRework(sql: Sql, scope: AggregateScope, range: CaseRange, limit: number): Promise<FoldedRows<{ caseId: string; repeats: number }>> {
  // None asked for: no statement, so nothing read that a deleted fold could have emptied.
  if (limit === 0) return { folded: true, logOwner: null, rows: [] };
  const params: unknown[] = [];
  const where = caseWhere(scope, range, params);
  const rows = await sql.query<FoldedRows<{ caseId: string; repeats: number }>>(
    withFolded(scope, `WITH r AS (SELECT case_id, repeats FROM insight_cases WHERE ${where} AND repeats > 0)
     SELECT case_id AS "caseId", repeats FROM r WHERE repeats >= coalesce((SELECT repeats FROM r ORDER BY repeats DESC OFFSET $${params.push(limit)} - 1 LIMIT 1), 1)`),
    params,
  );
  return rows[0]!;
}

export async function isFolded(sql: Sql, source: string): Promise<boolean> {
  return (await sql.query('SELECT 1 FROM insight_folds WHERE source = $1', [source], { prepared: true })).length > 0;
}
