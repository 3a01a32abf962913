-- Where cases wait for broadcast signals (catch events, boundaries, event sub-process starts), kept
-- from the case log like message_subscriptions, so a broadcast pages through the waiting cases.
CREATE TABLE signal_subscriptions (
  case_id          text NOT NULL,
  subscription_id  text NOT NULL,
  node_id          text,
  signal_name      text NOT NULL,
  created_at       timestamptz NOT NULL,
  PRIMARY KEY (case_id, subscription_id)
);
CREATE INDEX signal_subscriptions_lookup ON signal_subscriptions (signal_name, case_id);
