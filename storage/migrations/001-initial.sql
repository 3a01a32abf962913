-- Casemap's projection store: everything that must be queried across cases.
-- Temporal holds the truth of each running case; these tables are written by idempotent
-- activities keyed by stable event ids, and by the API for definitions and identity.

CREATE TABLE teams (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id             text PRIMARY KEY,
  username       text NOT NULL UNIQUE,
  display_name   text NOT NULL,
  password_hash  text,
  roles          text[] NOT NULL DEFAULT '{}',
  disabled       boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- A user's place in a team; `lead` may reassign the team's tasks.
CREATE TABLE memberships (
  user_id  text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  team_id  text NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  role     text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'lead')),
  PRIMARY KEY (user_id, team_id)
);

-- Only a hash of the token is kept, so a leaked table does not leak sessions.
CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  user_id     text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);

CREATE TABLE definitions (
  id                text PRIMARY KEY,
  name              text NOT NULL,
  draft_xml         text,
  draft_updated_at  timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE definition_versions (
  definition_id  text NOT NULL REFERENCES definitions(id),
  version        integer NOT NULL,
  ir_hash        text NOT NULL,
  bpmn_xml       text NOT NULL,
  ir             jsonb NOT NULL,
  note           text,
  deployed_by    text,
  deployed_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (definition_id, version)
);

CREATE TABLE cases (
  id             text PRIMARY KEY,
  definition_id  text NOT NULL,
  version        integer NOT NULL,
  workflow_id    text NOT NULL UNIQUE,
  status         text NOT NULL,
  owner_team     text,
  owner_user     text,
  data           jsonb NOT NULL DEFAULT '{}',
  started_by     text,
  started_at     timestamptz NOT NULL,
  ended_at       timestamptz,
  updated_at     timestamptz NOT NULL,
  FOREIGN KEY (definition_id, version) REFERENCES definition_versions(definition_id, version)
);
CREATE INDEX cases_status ON cases (status, updated_at);
CREATE INDEX cases_owner_team ON cases (owner_team, status);

-- The inbox: one row per user task instance.
CREATE TABLE tasks (
  id            text PRIMARY KEY,
  case_id       text NOT NULL REFERENCES cases(id),
  node_id       text NOT NULL,
  name          text NOT NULL,
  team          text NOT NULL,
  role          text,
  assignee      text,
  status        text NOT NULL CHECK (status IN ('open', 'claimed', 'completed', 'cancelled')),
  form          jsonb NOT NULL DEFAULT '[]',
  handoff_from  text,
  accept_by     timestamptz,
  accepted_at   timestamptz,
  due_at        timestamptz,
  priority      integer NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL,
  claimed_at    timestamptz,
  completed_at  timestamptz,
  completed_by  text,
  updated_at    timestamptz NOT NULL
);
CREATE INDEX tasks_team_status ON tasks (team, status, due_at);
CREATE INDEX tasks_assignee_status ON tasks (assignee, status, due_at);
CREATE INDEX tasks_case ON tasks (case_id);

-- The append-only event log. `id` is the stable event id chosen by the workflow, so a retried
-- write is a no-op; `seq` gives the order of arrival.
CREATE TABLE events (
  seq      bigserial PRIMARY KEY,
  id       text NOT NULL UNIQUE,
  case_id  text NOT NULL,
  kind     text NOT NULL,
  node_id  text,
  task_id  text,
  team     text,
  actor    text,
  at       timestamptz NOT NULL,
  data     jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX events_case ON events (case_id, seq);
CREATE INDEX events_kind_at ON events (kind, at);

CREATE TABLE audit (
  seq      bigserial PRIMARY KEY,
  at       timestamptz NOT NULL DEFAULT now(),
  actor    text,
  action   text NOT NULL,
  target   text,
  source   text,
  outcome  text NOT NULL DEFAULT 'ok',
  detail   jsonb NOT NULL DEFAULT '{}'
);
