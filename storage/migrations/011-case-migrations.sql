-- Moving running cases from one version of a process to another (docs/migration.md): one row per
-- migration, one per case it covers. A case's outcome is written once, with its audit entry, so a
-- batch retried after a crash never records a case twice.
CREATE TABLE migrations (
  id             text PRIMARY KEY,
  definition_id  text NOT NULL REFERENCES definitions(id),
  from_version   integer NOT NULL,
  to_version     integer NOT NULL,
  mappings       jsonb NOT NULL,
  status         text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'completed')),
  started_by     text NOT NULL,
  started_at     timestamptz NOT NULL DEFAULT now(),
  finished_at    timestamptz
);
CREATE INDEX migrations_definition ON migrations (definition_id, started_at DESC);

CREATE TABLE migration_cases (
  migration_id  text NOT NULL REFERENCES migrations(id) ON DELETE CASCADE,
  case_id       text NOT NULL,
  -- The order cases are taken in, so batches are stable across a resumed run.
  position      integer NOT NULL,
  outcome       text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'migrated', 'refused')),
  refusals      jsonb NOT NULL DEFAULT '[]',
  decided_at    timestamptz,
  PRIMARY KEY (migration_id, case_id)
);
CREATE INDEX migration_cases_pending ON migration_cases (migration_id, outcome, position);
