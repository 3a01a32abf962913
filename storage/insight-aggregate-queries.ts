// Reads of the insight aggregates (migration 014): a few rows per edge and step for the chosen days, team and version, summed by the database.
import type { Sql } from './database.ts';
import type { BucketChoice, DateSpan } from '../domain/insights/aggregate-buckets.ts';
import type { ActivityRow, CaseCounts, EdgeRow, VariantRow } from '../domain/insights/aggregate-rows.ts';

export interface AggregateScope {
  source: string;
  /** An OCEL log's object type; '' for every other log; null: the type chosen for the kept log the source is (read in the same query, saving a round trip). */
  flattening: string | null;
  version?: number;
}

/**
 * The rows of the chosen buckets as a UNION ALL of primary-key ranges (span, then bucket), one per
 * range, so each is an index range scan rather than a filter over every row of the source; bounds
 * are appended to `params`.
 */
export function bucketRows(table: string, choice: BucketChoice, params: unknown[], clause = scopeClause): string {
  if (choice.span === 'all') return `SELECT * FROM ${table} WHERE ${clause} AND span = 'all'`;
  const within = (span: 'month' | 'day', range: DateSpan) => {
    params.push(range.from ?? '-infinity', range.to ?? 'infinity');
    return `SELECT * FROM ${table} WHERE ${clause} AND span = '${span}' AND bucket >= $${params.length - 1}::date AND bucket < $${params.length}::date`;
  };
  const parts = [...(choice.months ? [within('month', choice.months)] : []), ...choice.days.map((days) => within('day', days))];
  return parts.length === 0 ? `SELECT * FROM ${table} WHERE false` : parts.join(' UNION ALL ');
}

function scopeParams(scope: AggregateScope, team: string): unknown[] {
  return [scope.source, scope.flattening, team, scope.version ?? null];
}
// A kept log's source is 'log:<id>'; its chosen object type is null for XES and CSV logs, whose rows have ''.
export const FLATTENING = `flattening = coalesce($2::text, (SELECT coalesce(object_type, '') FROM imported_logs WHERE id = substr($1, 5)))`;
const scopeClause = `source = $1 AND ${FLATTENING} AND team = $3 AND ($4::int IS NULL OR version = $4)`;

/** The edges of the chosen cases (team '' = every event), with exact sums; the standard deviation from the exact sum of squares. */
export async function aggregatedEdges(sql: Sql, scope: AggregateScope, team: string, buckets: BucketChoice): Promise<EdgeRow[]> {
  const params = scopeParams(scope, team);
  const rows = bucketRows('insight_edges', buckets, params);
  return sql.query<EdgeRow>(
    `SELECT from_activity AS "from", to_activity AS "to", sum(occurrences)::float8 AS count, sum(sum_ms)::float8 AS "sumMs",
            min(min_ms)::float8 AS "minMs", max(max_ms)::float8 AS "maxMs", sum(loops)::float8 AS loops, sum(loop_cases)::float8 AS "loopCases",
            CASE WHEN sum(occurrences) > 1
                 THEN sqrt(greatest(sum(sumsq_ms) - sum(sum_ms)::numeric * sum(sum_ms) / sum(occurrences), 0) / (sum(occurrences) - 1))::float8 END AS "stdevMs"
       FROM (${rows}) r
      GROUP BY from_activity, to_activity`,
    params,
  );
}

export async function aggregatedActivities(sql: Sql, scope: AggregateScope, team: string, buckets: BucketChoice): Promise<ActivityRow[]> {
  const params = scopeParams(scope, team);
  const rows = bucketRows('insight_activities', buckets, params);
  return sql.query<ActivityRow>(
    `SELECT activity, sum(completions)::float8 AS completions, sum(starts)::float8 AS starts, sum(ends)::float8 AS ends,
            sum(cases)::float8 AS cases, sum(cases_repeated)::float8 AS "casesRepeated"
       FROM (${rows}) r
      GROUP BY activity`,
    params,
  );
}

export interface CaseRange {
  /** Cases started in [from, to), ISO instants. */
  from?: string;
  to?: string;
}

const caseClause = `source = $1 AND ${FLATTENING} AND ($3::int IS NULL OR version = $3) AND ($4::timestamptz IS NULL OR started_at >= $4) AND ($5::timestamptz IS NULL OR started_at < $5)`;
const caseParams = (scope: AggregateScope, range: CaseRange) => [scope.source, scope.flattening, scope.version ?? null, range.from ?? null, range.to ?? null];

/**
 * The most frequent variants (ties by their key in code-point order) with exact duration figures
 * over the ended cases (percentiles interpolate linearly, as numpy), and how many variants there are.
 */
export async function aggregatedVariants(sql: Sql, scope: AggregateScope, range: CaseRange, limit: number): Promise<VariantRow[]> {
  return sql.query<VariantRow>(
    `WITH g AS (
       SELECT variant_id, count(*)::int AS count, count(duration_ms)::int AS ended, sum(duration_ms)::float8 AS "sumMs",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms::float8) AS "medianMs", percentile_cont(0.9) WITHIN GROUP (ORDER BY duration_ms::float8) AS "p90Ms",
              max(duration_ms)::float8 AS "maxMs", (count(*) OVER ())::int AS total
         FROM insight_cases WHERE ${caseClause} AND variant_id IS NOT NULL
        GROUP BY variant_id
     )
     SELECT v.variant, g.count, g.ended, g."sumMs", g."medianMs", g."p90Ms", g."maxMs", g.total
       FROM g JOIN insight_variants v ON v.source = $1 AND v.flattening = coalesce($2::text, (SELECT coalesce(object_type, '') FROM imported_logs WHERE id = substr($1, 5))) AND v.variant_id = g.variant_id
      ORDER BY g.count DESC, v.variant COLLATE "C"
      LIMIT $6`,
    [...caseParams(scope, range), limit],
  );
}

/** How many of the chosen cases there are, how many completed no step, and their repeats in all. */
export async function aggregatedCaseCounts(sql: Sql, scope: AggregateScope, range: CaseRange): Promise<CaseCounts> {
  const rows = await sql.query<CaseCounts>(
    `SELECT count(*)::int AS cases, count(*) FILTER (WHERE variant_id IS NULL)::int AS "withoutActivity",
            count(*) FILTER (WHERE repeats > 0)::int AS "withRework", coalesce(sum(repeats), 0)::int AS repeats
       FROM insight_cases WHERE ${caseClause}`,
    caseParams(scope, range),
  );
  return rows[0]!;
}

/** The `limit` chosen cases with most repeats, and any tied with the last of them (the caller orders ties by name as the report does). */
export async function casesWithRework(sql: Sql, scope: AggregateScope, range: CaseRange, limit: number): Promise<{ caseId: string; repeats: number }[]> {
  if (limit === 0) return [];
  return sql.query(
    `WITH r AS (SELECT case_id, repeats FROM insight_cases WHERE ${caseClause} AND repeats > 0)
     SELECT case_id AS "caseId", repeats FROM r WHERE repeats >= coalesce((SELECT repeats FROM r ORDER BY repeats DESC OFFSET $6 - 1 LIMIT 1), 1)`,
    [...caseParams(scope, range), limit],
  );
}

export async function isFolded(sql: Sql, source: string): Promise<boolean> {
  return (await sql.query('SELECT 1 FROM insight_folds WHERE source = $1', [source])).length > 0;
}
