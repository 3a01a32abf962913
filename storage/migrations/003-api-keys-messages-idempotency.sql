-- Other systems: API keys (only a hash is kept), messages they send (matched or not, never
-- dropped), where cases wait for messages, and replies kept for Idempotency-Key retries.

CREATE TABLE api_keys (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  key_hash    text NOT NULL UNIQUE,
  scopes      text[] NOT NULL,
  created_by  text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);

CREATE TABLE message_subscriptions (
  case_id          text NOT NULL,
  subscription_id  text NOT NULL,
  node_id          text,
  message_name     text NOT NULL,
  correlation_key  text,
  created_at       timestamptz NOT NULL,
  PRIMARY KEY (case_id, subscription_id)
);
CREATE INDEX message_subscriptions_lookup ON message_subscriptions (message_name, correlation_key);

CREATE TABLE messages (
  id               text PRIMARY KEY,
  name             text NOT NULL,
  correlation_key  text,
  payload          jsonb NOT NULL DEFAULT '{}',
  status           text NOT NULL CHECK (status IN ('delivered', 'unmatched')),
  case_ids         text[] NOT NULL DEFAULT '{}',
  sent_by          text,
  received_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_status ON messages (status, received_at);

CREATE TABLE idempotency_keys (
  owner         text NOT NULL,
  key           text NOT NULL,
  route         text NOT NULL,
  request_hash  text NOT NULL,
  status        integer,
  response      jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (owner, key, route)
);

-- A picture of each version and draft, rendered by the modeller when it saves (the server has no DOM).
ALTER TABLE definition_versions ADD COLUMN svg text;
ALTER TABLE definitions ADD COLUMN draft_svg text;
