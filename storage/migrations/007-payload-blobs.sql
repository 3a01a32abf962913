-- Temporal payloads too large for a workflow history (its limit is 2 MB a payload), kept here
-- by the claim-check codec (runtime/claim-check-codec.ts) while the history holds only their
-- hash. Content-addressed, so every case of a version shares one stored copy of its IR; rows
-- are never updated, and a second insert of the same hash is a no-op.
CREATE TABLE payload_blobs (
  sha256 text PRIMARY KEY,
  metadata jsonb NOT NULL,
  data bytea NOT NULL,
  size_bytes integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
