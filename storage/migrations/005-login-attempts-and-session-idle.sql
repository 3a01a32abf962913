-- Sign-in attempts counted per key ("user:<name>", "address:<ip>") in a fixed window. Kept here,
-- not in an API process's memory, so the limit holds when several API processes share the load
-- (docker-compose scales the API) and one atomic upsert counts an attempt before its password is
-- checked, so parallel guesses cannot all pass the check before any is recorded.
CREATE TABLE login_attempts (
  key           text PRIMARY KEY,
  window_start  timestamptz NOT NULL,
  attempts      integer NOT NULL
);
CREATE INDEX login_attempts_window ON login_attempts (window_start);

-- When a session was last used, for the idle timeout; written at most once a minute per session.
ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();
