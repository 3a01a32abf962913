// The block, month and all-time rows of the insight aggregates (migrations 014, 017, 022), summed
// from the day rows, so a long date range reads a few rows per edge (domain/insights/aggregate-buckets.ts).
import type { Sql } from './database.ts';
import { BLOCK_DAYS } from '../domain/insights/aggregate-buckets.ts';

/** The bucket of the single all-time row of each key. */
export const ALL_TIME_BUCKET = '1970-01-01';

/**
 * The first day of the month's block that the day row's `bucket` is in (days 1–8, 9–16, 17–24, 25 to
 * the end), as `blockStart` computes it; migration 022 spells out the same expression.
 */
export const BLOCK_OF_DAY = `(date_trunc('month', bucket)::date + least(3, (extract(day FROM bucket)::int - 1) / ${BLOCK_DAYS}) * ${BLOCK_DAYS})`;

const durationColumns = (name: string) => `${name}_n, ${name}_sum, ${name}_sumsq, ${name}_min, ${name}_max`;
const summedDurations = (name: string) => `sum(${name}_n), sum(${name}_sum), sum(${name}_sumsq), min(${name}_min), max(${name}_max)`;

/** Replaces a source's block, month and all-time rows by sums of its day rows. */
export async function rollUpInsightAggregates(tx: Sql, source: string): Promise<void> {
  await tx.query(`DELETE FROM insight_edges WHERE source = $1 AND span <> 'day'`, [source]);
  await tx.query(`DELETE FROM insight_activities WHERE source = $1 AND span <> 'day'`, [source]);
  await tx.query(`DELETE FROM insight_handoffs WHERE source = $1 AND span <> 'day'`, [source]);
  await tx.query(`DELETE FROM insight_activity_times WHERE source = $1 AND span <> 'day'`, [source]);
  for (const [span, bucket] of [['block', BLOCK_OF_DAY], ['month', `date_trunc('month', bucket)::date`], ['all', `'${ALL_TIME_BUCKET}'::date`]] as const) {
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
