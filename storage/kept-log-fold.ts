// Folds a kept imported log into the insight aggregates (migrations 014, 017): one pass of SQL over its
// rows, and one over its cases in TypeScript for handoffs and waiting vs working; a repeat replaces
// what an earlier fold wrote, so it is idempotent, and all of it commits at once.
import type { Sql } from './database.ts';
import { deleteInsightAggregates, lockInsightSource, rollUpInsightAggregates } from './insight-rollup.ts';
import { foldKeptLogCaseTimes } from './kept-log-case-times.ts';
import { isFolded, type AggregateScope } from './insight-aggregate-queries.ts';

export const keptLogSource = (logId: string) => `log:${logId}`;

/** Where a kept log's answers are read: its source, and its chosen object type (read with the rows, `null`). */
export const keptLogScope = (logId: string): AggregateScope => ({ source: keptLogSource(logId), flattening: null });

// The lifecycles domain/insights/formats/log-rows.ts `transitionOf` reads as a completion (none is one too).
const COMPLETE = `lower(btrim(coalesce(lifecycle, ''), E' \\t\\r\\n')) IN ('', 'complete', 'completed', 'end')`;

/** What a fold did: folded the log, found it folded already (`unlessFolded`), or found it deleted. */
export type KeptLogFold = 'folded' | 'was-folded' | 'log-deleted';

/**
 * Every flattening of the log at once. A case starts at its first row of any lifecycle (as the
 * import's conversion takes it); the completions are ordered by time, file order (seq) breaking
 * ties, once for all teams ('') and once per team over that team's rows only.
 */
export async function foldKeptLog(tx: Sql, logId: string, options: { unlessFolded?: boolean; /** Rows per read of the per-case fold (tests make it small). */ page?: number } = {}): Promise<KeptLogFold> {
  const source = keptLogSource(logId);
  // Two folds of a log never interleave (the fold after an import and a first read's fold; the
  // second waits), nor a fold and the log's delete, which takes this lock first too.
  await lockInsightSource(tx, source);
  // A read that found no aggregates waited for a fold under way: once it commits there is nothing left to do.
  if (options.unlessFolded && (await isFolded(tx, source))) return 'was-folded';
  // Looked for only under the lock, in a statement whose snapshot is taken after the lock was
  // granted (READ COMMITTED; PGlite runs one transaction at a time): a delete either committed
  // before this look and nothing is written, or waits for this fold to commit and then deletes it.
  if ((await tx.query('SELECT 1 FROM imported_logs WHERE id = $1', [logId])).length === 0) return 'log-deleted';
  // The import has just written this log's rows (COPY), and the table's statistics may know only
  // logs imported before it: the planner then takes this log for a row or two and joins its
  // completions to its cases by nested loop — for a million events, hours instead of seconds (found
  // by the CSV import bench's second round). A fresh sample first; it reads a few thousand pages.
  await tx.query('ANALYZE imported_log_events');
  // The fold sorts every completion of the log twice over; in memory rather than in temporary files (this transaction only).
  await tx.query(`SET LOCAL work_mem = '128MB'`);
  await deleteInsightAggregates(tx, source);
  await tx.query('DROP TABLE IF EXISTS insight_fold_steps');
  await tx.query('DROP TABLE IF EXISTS insight_fold_cases');
  await tx.query(
    `CREATE TEMP TABLE insight_fold_steps ON COMMIT DROP AS
     WITH c AS (
       SELECT object_type AS f, case_id, min(at) AS started_at FROM imported_log_events WHERE log_id = $1 GROUP BY object_type, case_id
     ), done AS (
       SELECT object_type AS f, case_id, activity, at, seq, team FROM imported_log_events WHERE log_id = $1 AND ${COMPLETE}
     ), projected AS (
       SELECT f, case_id, activity, at, seq, ''::text AS t FROM done
       UNION ALL
       SELECT f, case_id, activity, at, seq, team FROM done WHERE team IS NOT NULL AND team <> ''
     )
     SELECT p.f, p.t, p.case_id, (c.started_at AT TIME ZONE 'UTC')::date AS day, p.activity,
            lag(p.activity) OVER w AS prev,
            round(extract(epoch FROM p.at - lag(p.at) OVER w) * 1000)::bigint AS ms,
            row_number() OVER w AS pos,
            -- The last completion: nothing follows it (the same window as the pairs, so no second sort).
            lead(p.seq) OVER w IS NULL AS last,
            row_number() OVER (PARTITION BY p.f, p.t, p.case_id, p.activity ORDER BY p.at, p.seq) AS nth
       FROM projected p JOIN c ON c.f = p.f AND c.case_id = p.case_id
     WINDOW w AS (PARTITION BY p.f, p.t, p.case_id ORDER BY p.at, p.seq)`,
    [logId],
  );
  await tx.query(
    `INSERT INTO insight_edges (source, flattening, team, span, bucket, version, from_activity, to_activity, occurrences, sum_ms, sumsq_ms, min_ms, max_ms, loops, loop_cases)
     SELECT $1, f, t, 'day', day, 0, prev, activity, count(*), sum(ms), sum(ms::numeric * ms), min(ms), max(ms),
            count(*) FILTER (WHERE nth > 1), count(DISTINCT case_id) FILTER (WHERE nth > 1)
       FROM insight_fold_steps WHERE prev IS NOT NULL
      GROUP BY f, t, day, prev, activity
      -- In primary-key order, so the rows a range of days reads lie together on few pages.
      ORDER BY f, t, day, prev, activity`,
    [source],
  );
  await tx.query(
    `INSERT INTO insight_activities (source, flattening, team, span, bucket, version, activity, completions, starts, ends, cases, cases_repeated)
     SELECT $1, f, t, 'day', day, 0, activity, count(*), count(*) FILTER (WHERE pos = 1), count(*) FILTER (WHERE last),
            count(*) FILTER (WHERE nth = 1), count(*) FILTER (WHERE nth = 2)
       FROM insight_fold_steps
      GROUP BY f, t, day, activity
      ORDER BY f, t, day, activity`,
    [source],
  );
  await tx.query(
    `CREATE TEMP TABLE insight_fold_cases ON COMMIT DROP AS
     SELECT c.f, c.case_id, c.started_at, c.duration_ms, s.variant, coalesce(s.steps, 0) AS steps, coalesce(s.repeats, 0) AS repeats,
            dense_rank() OVER (PARTITION BY c.f ORDER BY s.variant COLLATE "C")::int AS variant_id
       FROM (SELECT object_type AS f, case_id, min(at) AS started_at, round(extract(epoch FROM max(at) - min(at)) * 1000)::bigint AS duration_ms
               FROM imported_log_events WHERE log_id = $1 GROUP BY object_type, case_id) c
       LEFT JOIN (
         SELECT f, case_id, string_agg(activity, chr(31) ORDER BY pos) AS variant, count(*)::int AS steps, count(*) FILTER (WHERE nth > 1)::int AS repeats
           FROM insight_fold_steps WHERE t = ''
          GROUP BY f, case_id
       ) s ON s.f = c.f AND s.case_id = c.case_id`,
    [logId],
  );
  await tx.query(
    `INSERT INTO insight_cases (source, flattening, case_id, version, started_at, duration_ms, variant_id, steps, repeats)
     SELECT $1, f, case_id, 0, started_at, duration_ms, CASE WHEN variant IS NULL THEN NULL ELSE variant_id END, steps, repeats FROM insight_fold_cases`,
    [source],
  );
  await tx.query(`INSERT INTO insight_variants (source, flattening, variant_id, variant) SELECT DISTINCT $1, f, variant_id, variant FROM insight_fold_cases WHERE variant IS NOT NULL`, [source]);
  await foldKeptLogCaseTimes(tx, logId, source, options.page);
  await rollUpInsightAggregates(tx, source);
  await tx.query('INSERT INTO insight_folds (source) VALUES ($1)', [source]);
  await tx.query('DROP TABLE insight_fold_steps');
  await tx.query('DROP TABLE insight_fold_cases');
  // Fresh statistics, so the planner reads the few rows a question needs by the primary key.
  await tx.query('ANALYZE insight_edges, insight_activities, insight_cases, insight_variants, insight_handoffs, insight_activity_times');
  return 'folded';
}
