-- Duplication clusters a person has marked as intended (e.g. a second check required by policy):
-- the report keeps them out of its ranking and shows the reason instead.
CREATE TABLE duplication_intended (
  cluster_key  text PRIMARY KEY,
  reason       text NOT NULL,
  marked_by    text,
  marked_at    timestamptz NOT NULL DEFAULT now()
);
