-- Block rows for the insight aggregates: a month's days 1–8, 9–16, 17–24 and 25 to its end, each
-- summed from its day rows (bucket = the block's first day), so a range of days reads at most 7 day
-- rows and 3 block rows at either end besides its whole months, instead of up to 30 day rows
-- (domain/insights/aggregate-buckets.ts). Folds write them from now on (storage/insight-rollup.ts for
-- kept logs, storage/case-log-fold.ts as each case ends); here they are made for every source folded
-- before. A worker of an earlier version still running after this migration would fold ended cases
-- without them: stop earlier versions before starting this one (docs/operations.md, "Upgrading").
INSERT INTO insight_edges (source, flattening, team, span, bucket, version, from_activity, to_activity, occurrences, sum_ms, sumsq_ms, min_ms, max_ms, loops, loop_cases)
SELECT source, flattening, team, 'block', date_trunc('month', bucket)::date + least(3, (extract(day FROM bucket)::int - 1) / 8) * 8, version, from_activity, to_activity,
       sum(occurrences), sum(sum_ms), sum(sumsq_ms), min(min_ms), max(max_ms), sum(loops), sum(loop_cases)
  FROM insight_edges WHERE span = 'day'
 GROUP BY source, flattening, team, date_trunc('month', bucket)::date + least(3, (extract(day FROM bucket)::int - 1) / 8) * 8, version, from_activity, to_activity;

INSERT INTO insight_activities (source, flattening, team, span, bucket, version, activity, completions, starts, ends, cases, cases_repeated)
SELECT source, flattening, team, 'block', date_trunc('month', bucket)::date + least(3, (extract(day FROM bucket)::int - 1) / 8) * 8, version, activity,
       sum(completions), sum(starts), sum(ends), sum(cases), sum(cases_repeated)
  FROM insight_activities WHERE span = 'day'
 GROUP BY source, flattening, team, date_trunc('month', bucket)::date + least(3, (extract(day FROM bucket)::int - 1) / 8) * 8, version, activity;

INSERT INTO insight_handoffs (source, flattening, span, bucket, version, from_team, to_team, handoffs, accepted, overdue, delay_n, delay_sum, delay_sumsq, delay_min, delay_max)
SELECT source, flattening, 'block', date_trunc('month', bucket)::date + least(3, (extract(day FROM bucket)::int - 1) / 8) * 8, version, from_team, to_team, sum(handoffs), sum(accepted), sum(overdue), sum(delay_n), sum(delay_sum), sum(delay_sumsq), min(delay_min), max(delay_max)
  FROM insight_handoffs WHERE span = 'day'
 GROUP BY source, flattening, date_trunc('month', bucket)::date + least(3, (extract(day FROM bucket)::int - 1) / 8) * 8, version, from_team, to_team;

INSERT INTO insight_activity_times (source, flattening, team, span, bucket, version, activity, executions, completed, cases,
                                    waiting_n, waiting_sum, waiting_sumsq, waiting_min, waiting_max, processing_n, processing_sum, processing_sumsq, processing_min, processing_max, sojourn_n, sojourn_sum, sojourn_sumsq, sojourn_min, sojourn_max)
SELECT source, flattening, team, 'block', date_trunc('month', bucket)::date + least(3, (extract(day FROM bucket)::int - 1) / 8) * 8, version, activity, sum(executions), sum(completed), sum(cases),
       sum(waiting_n), sum(waiting_sum), sum(waiting_sumsq), min(waiting_min), max(waiting_max), sum(processing_n), sum(processing_sum), sum(processing_sumsq), min(processing_min), max(processing_max), sum(sojourn_n), sum(sojourn_sum), sum(sojourn_sumsq), min(sojourn_min), max(sojourn_max)
  FROM insight_activity_times WHERE span = 'day'
 GROUP BY source, flattening, team, date_trunc('month', bucket)::date + least(3, (extract(day FROM bucket)::int - 1) / 8) * 8, version, activity;
