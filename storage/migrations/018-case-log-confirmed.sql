-- Visible only after durable (docs/architecture.md, "Record"): a fenced local write stores its
-- events at once, but the projections (cases, tasks, message and signal subscriptions) and every
-- read of the log stop at `confirmed_through`, the last position known to be in Temporal's history.
-- `attempt_first` is where the newest attempt (the fence on the row) began writing, `written_through`
-- the last position written; the reconciler finds the run by `workflow_id`/`run_id` and backs off
-- by `reconcile_after`.
ALTER TABLE case_log_fences ADD COLUMN confirmed_through integer NOT NULL DEFAULT 0;
ALTER TABLE case_log_fences ADD COLUMN attempt_first integer NOT NULL DEFAULT 1;
ALTER TABLE case_log_fences ADD COLUMN written_through integer NOT NULL DEFAULT 0;
ALTER TABLE case_log_fences ADD COLUMN workflow_id text;
ALTER TABLE case_log_fences ADD COLUMN run_id text;
ALTER TABLE case_log_fences ADD COLUMN reconcile_checks integer NOT NULL DEFAULT 0;
ALTER TABLE case_log_fences ADD COLUMN reconcile_after timestamptz NOT NULL DEFAULT now();
-- Rows the fenced write of 013 already made were projected at once: they count as confirmed.
UPDATE case_log_fences f SET confirmed_through = COALESCE((SELECT max(position) FROM events e WHERE e.case_id = f.case_id), 0),
  written_through = COALESCE((SELECT max(position) FROM events e WHERE e.case_id = f.case_id), 0);
CREATE INDEX case_log_fences_tentative ON case_log_fences (reconcile_after) WHERE written_through > confirmed_through;
