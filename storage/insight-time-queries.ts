// Reads of the handoff and step-time aggregates (migration 017) for the chosen case-start days, summed by the database, each with whether the source's fold is recorded.
import type { Sql } from './database.ts';
import type { BucketChoice } from '../domain/insights/aggregate-buckets.ts';
import type { ActivityTimeRow, HandoffRow } from '../domain/insights/aggregate-time-rows.ts';
import { bucketRanges, bucketRows, scopeWhere, withFolded, type AggregateScope, type FoldedRows } from './insight-aggregate-queries.ts';

/** The rows of a table for the scope's chosen buckets; its values appended to `params`. */
function rowsOf(table: string, scope: AggregateScope, buckets: BucketChoice, params: unknown[]): string {
  const where = scopeWhere(scope, params);
  return bucketRows(table, where, bucketRanges(buckets, params));
}

/** One duration's sums as a JSON object, the standard deviation (n − 1) from the exact sum of squares. */
const duration = (name: string) =>
  `json_build_object('n', sum(${name}_n)::float8, 'sum', sum(${name}_sum)::float8, 'min', min(${name}_min)::float8, 'max', max(${name}_max)::float8,
     'stdev', CASE WHEN sum(${name}_n) > 1 THEN sqrt(greatest(sum(${name}_sumsq) - sum(${name}_sum)::numeric * sum(${name}_sum) / sum(${name}_n), 0) / (sum(${name}_n) - 1))::float8 END)`;

export async function aggregatedHandoffs(sql: Sql, scope: AggregateScope, buckets: BucketChoice): Promise<FoldedRows<HandoffRow>> {
  const params: unknown[] = [];
  const rows = rowsOf('insight_handoffs', scope, buckets, params);
  const read = await sql.query<FoldedRows<HandoffRow>>(
    withFolded(scope, `SELECT from_team AS "fromTeam", to_team AS "toTeam", sum(handoffs)::float8 AS handoffs, sum(accepted)::float8 AS accepted, sum(overdue)::float8 AS overdue, ${duration('delay')} AS delay
       FROM (${rows}) r
      GROUP BY from_team, to_team`),
    params,
  );
  return read[0]!;
}

/** Every team's row of each step ('' sums them all), so the answer can name the step's main team. */
export async function aggregatedActivityTimes(sql: Sql, scope: AggregateScope, buckets: BucketChoice): Promise<FoldedRows<ActivityTimeRow>> {
  const params: unknown[] = [];
  const rows = rowsOf('insight_activity_times', scope, buckets, params);
  const read = await sql.query<FoldedRows<ActivityTimeRow>>(
    withFolded(scope, `SELECT team, activity, sum(executions)::float8 AS executions, sum(completed)::float8 AS completed, sum(cases)::float8 AS cases,
            ${duration('waiting')} AS waiting, ${duration('processing')} AS processing, ${duration('sojourn')} AS sojourn
       FROM (${rows}) r
      GROUP BY team, activity`),
    params,
  );
  return read[0]!;
}
