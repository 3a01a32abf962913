// The month and all-time rows of the insight aggregates (migrations 014, 017), summed from the day rows, so a long date range reads a few rows per edge;
// for a kept log's graph also each month's tails and heads, so the days at either end of a range read one row per edge, not one per day.
import type { Sql } from './database.ts';

/** The bucket of the single all-time row of each key. */
export const ALL_TIME_BUCKET = '1970-01-01';

const durationColumns = (name: string) => `${name}_n, ${name}_sum, ${name}_sumsq, ${name}_min, ${name}_max`;
const summedDurations = (name: string) => `sum(${name}_n), sum(${name}_sum), sum(${name}_sumsq), min(${name}_min), max(${name}_max)`;

/** Replaces a kept log's month, all-time, month-tail and month-head rows by sums of its day rows. */
export async function rollUpInsightAggregates(tx: Sql, source: string): Promise<void> {
  await tx.query(`DELETE FROM insight_edges WHERE source = $1 AND span <> 'day'`, [source]);
  await tx.query(`DELETE FROM insight_activities WHERE source = $1 AND span <> 'day'`, [source]);
  await tx.query(`DELETE FROM insight_handoffs WHERE source = $1 AND span <> 'day'`, [source]);
  await tx.query(`DELETE FROM insight_activity_times WHERE source = $1 AND span <> 'day'`, [source]);
  for (const [span, bucket] of [['month', `date_trunc('month', bucket)::date`], ['all', `'${ALL_TIME_BUCKET}'::date`]] as const) {
    await tx.query(
      `INSERT INTO insight_edges (source, flattening, team, span, bucket, version, from_activity, to_activity, occurrences, sum_ms, sumsq_ms, min_ms, max_ms, loops, loop_cases)
       SELECT source, flattening, team, '${span}', ${bucket}, version, from_activity, to_activity,
              sum(occurrences), sum(sum_ms), sum(sumsq_ms), min(min_ms), max(max_ms), sum(loops), sum(loop_cases)
         FROM insight_edges WHERE source = $1 AND span = 'day'
        GROUP BY source, flattening, team, ${bucket}, version, from_activity, to_activity
        -- In primary-key order, so the rows one question reads lie together on few pages.
        ORDER BY flattening, team, ${bucket}, version, from_activity, to_activity`,
      [source],
    );
    await tx.query(
      `INSERT INTO insight_activities (source, flattening, team, span, bucket, version, activity, completions, starts, ends, cases, cases_repeated)
       SELECT source, flattening, team, '${span}', ${bucket}, version, activity,
              sum(completions), sum(starts), sum(ends), sum(cases), sum(cases_repeated)
         FROM insight_activities WHERE source = $1 AND span = 'day'
        GROUP BY source, flattening, team, ${bucket}, version, activity
        ORDER BY flattening, team, ${bucket}, version, activity`,
      [source],
    );
    await tx.query(
      `INSERT INTO insight_handoffs (source, flattening, span, bucket, version, from_team, to_team, handoffs, accepted, overdue, ${durationColumns('delay')})
       SELECT source, flattening, '${span}', ${bucket}, version, from_team, to_team, sum(handoffs), sum(accepted), sum(overdue), ${summedDurations('delay')}
         FROM insight_handoffs WHERE source = $1 AND span = 'day'
        GROUP BY source, flattening, ${bucket}, version, from_team, to_team`,
      [source],
    );
    await tx.query(
      `INSERT INTO insight_activity_times (source, flattening, team, span, bucket, version, activity, executions, completed, cases,
                                           ${durationColumns('waiting')}, ${durationColumns('processing')}, ${durationColumns('sojourn')})
       SELECT source, flattening, team, '${span}', ${bucket}, version, activity, sum(executions), sum(completed), sum(cases),
              ${summedDurations('waiting')}, ${summedDurations('processing')}, ${summedDurations('sojourn')}
         FROM insight_activity_times WHERE source = $1 AND span = 'day'
        GROUP BY source, flattening, team, ${bucket}, version, activity`,
      [source],
    );
  }
  await rollUpMonthEnds(tx, source);
}

/**
 * A table's columns for one key of the graph (its PK after span and bucket) and how its sums combine,
 * for the month tails and heads below.
 */
interface GraphTable {
  table: 'insight_edges' | 'insight_activities';
  key: string[];
  sums: Record<string, 'sum' | 'min' | 'max'>;
}
const GRAPH_TABLES: GraphTable[] = [
  {
    table: 'insight_edges',
    key: ['flattening', 'team', 'version', 'from_activity', 'to_activity'],
    sums: { occurrences: 'sum', sum_ms: 'sum', sumsq_ms: 'sum', min_ms: 'min', max_ms: 'max', loops: 'sum', loop_cases: 'sum' },
  },
  {
    table: 'insight_activities',
    key: ['flattening', 'team', 'version', 'activity'],
    sums: { completions: 'sum', starts: 'sum', ends: 'sum', cases: 'sum', cases_repeated: 'sum' },
  },
];

/**
 * A kept log's month tails and heads for its graph (edges and steps): for every day of a month, a
 * `to-month-end` row summing that day to the month's end and a `from-month-start` row summing the
 * month's start to that day, min and max included (each is over a run of whole days). A range of
 * days across months then reads one row per key at each end instead of one per day
 * (domain/insights/aggregate-buckets.ts, `partialMonthRow`). Only days that have a sum get a row: a
 * tail up to the key's last day with rows in that month, a head from its first. A process's own log
 * has none (its cases are folded one at a time, and each would touch up to 62 of them): its reads
 * use the day rows. Call after the day rows are final and the old tails and heads are deleted.
 */
async function rollUpMonthEnds(tx: Sql, source: string): Promise<void> {
  for (const { table, key, sums } of GRAPH_TABLES) {
    const keys = key.join(', ');
    const columns = Object.keys(sums);
    for (const [span, frame, keep] of [
      ['to-month-end', 'ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING', 'day <= last'],
      ['from-month-start', 'ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW', 'day >= first'],
    ] as const) {
      await tx.query(
        `WITH k AS (
           SELECT ${keys}, date_trunc('month', bucket)::date AS month, min(bucket) AS first, max(bucket) AS last
             FROM ${table} WHERE source = $1 AND span = 'day' GROUP BY ${keys}, month
         ),
         dense AS (
           SELECT ${key.map((column) => `k.${column}`).join(', ')}, k.month, k.first, k.last, d.day::date AS day, ${columns.map((column) => `r.${column}`).join(', ')}
             FROM k CROSS JOIN LATERAL generate_series(k.month, k.month + interval '1 month' - interval '1 day', interval '1 day') AS d(day)
             LEFT JOIN ${table} r ON r.source = $1 AND r.span = 'day' AND r.bucket = d.day::date AND ${key.map((column) => `r.${column} = k.${column}`).join(' AND ')}
         ),
         summed AS (
           SELECT ${keys}, day, first, last, ${columns.map((column) => `${sums[column]}(${column}) OVER w AS ${column}`).join(', ')}
             FROM dense WINDOW w AS (PARTITION BY ${keys}, month ORDER BY day ${frame})
         )
         INSERT INTO ${table} (source, span, bucket, ${keys}, ${columns.join(', ')})
         SELECT $1, '${span}', day, ${keys}, ${columns.join(', ')} FROM summed WHERE ${keep}
          ORDER BY flattening, team, day, ${key.slice(2).join(', ')}`,
        [source],
      );
    }
  }
}

/** Holds a source's folds and deletions apart until the transaction ends: two never interleave. */
export async function lockInsightSource(tx: Sql, source: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [source]);
}

/** Removes every aggregate of a source (a deleted log, or before a fold from scratch), after any fold under way. */
export async function deleteInsightAggregates(tx: Sql, source: string): Promise<void> {
  await lockInsightSource(tx, source);
  for (const table of ['insight_edges', 'insight_activities', 'insight_cases', 'insight_variants', 'insight_handoffs', 'insight_activity_times', 'insight_folds']) await tx.query(`DELETE FROM ${table} WHERE source = $1`, [source]);
}
