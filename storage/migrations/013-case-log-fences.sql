-- The case log written from local activities, fenced by workflow-task attempt (docs/architecture.md,
-- "Record"). `position` is n of the id `<caseId>:<n>`, so a newer attempt can remove the tail an
-- older, lost attempt wrote; `task` keeps a task-ready's details, so every projection of a case
-- (cases, tasks, message and signal subscriptions) can be rebuilt from its events alone.
ALTER TABLE events ADD COLUMN position integer;
ALTER TABLE events ADD COLUMN task jsonb;
UPDATE events SET position = substring(id from char_length(case_id) + 2)::integer
  WHERE left(id, char_length(case_id) + 1) = case_id || ':' AND substring(id from char_length(case_id) + 2) ~ '^[0-9]+$';
CREATE INDEX events_case_position ON events (case_id, position);

-- The newest attempt that wrote each case's log; a write from an older one is refused. The row is
-- also the per-case lock every fenced write takes.
CREATE TABLE case_log_fences (
  case_id          text PRIMARY KEY,
  run_started_ms   bigint NOT NULL,
  history_length   bigint NOT NULL,
  task_started_ms  bigint NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
