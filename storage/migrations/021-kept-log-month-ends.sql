-- A kept log's graph now also keeps each month's tails and heads (spans 'to-month-end' and
-- 'from-month-start' in insight_edges and insight_activities, storage/insight-rollup.ts), which its
-- reads of a day range use. Logs folded before have none: forgetting their fold makes the first
-- read fold each again, from scratch, as for a log kept before the analytical store existed.
DELETE FROM insight_folds WHERE source LIKE 'log:%';
