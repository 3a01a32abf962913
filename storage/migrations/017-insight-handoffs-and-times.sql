-- Handoffs between teams and waiting vs working per step in the analytical store (beside migration
-- 014's tables, keyed the same way: source, flattening, span 'day' | 'month' | 'all', bucket = the
-- UTC day the case started, version). They are summed per case in the fold after the import's
-- start/complete pairing, so they equal the report's handoffs and element statistics on calendar time.
-- Durations are whole ms: sums exact in bigint, squares in numeric; min/max null without a sample.
CREATE TABLE insight_handoffs (
  source text NOT NULL,
  flattening text NOT NULL,
  span text NOT NULL,
  bucket date NOT NULL,
  version integer NOT NULL,
  from_team text NOT NULL,
  to_team text NOT NULL,
  handoffs bigint NOT NULL,
  -- Taken up by the receiving team (a claim or acceptance afterwards); only these have a delay.
  accepted bigint NOT NULL,
  overdue bigint NOT NULL,
  delay_n bigint NOT NULL,
  delay_sum bigint NOT NULL,
  delay_sumsq numeric NOT NULL,
  delay_min bigint,
  delay_max bigint,
  PRIMARY KEY (source, flattening, span, bucket, version, from_team, to_team)
);

-- Per step: team '' sums every task of it; a team's row only the tasks that team held (for the step's main team).
CREATE TABLE insight_activity_times (
  source text NOT NULL,
  flattening text NOT NULL,
  team text NOT NULL,
  span text NOT NULL,
  bucket date NOT NULL,
  version integer NOT NULL,
  activity text NOT NULL,
  executions bigint NOT NULL,
  completed bigint NOT NULL,
  cases bigint NOT NULL,
  -- waiting: ready to first claim; processing: claim to completion; sojourn: ready to completion.
  waiting_n bigint NOT NULL,
  waiting_sum bigint NOT NULL,
  waiting_sumsq numeric NOT NULL,
  waiting_min bigint,
  waiting_max bigint,
  processing_n bigint NOT NULL,
  processing_sum bigint NOT NULL,
  processing_sumsq numeric NOT NULL,
  processing_min bigint,
  processing_max bigint,
  sojourn_n bigint NOT NULL,
  sojourn_sum bigint NOT NULL,
  sojourn_sumsq numeric NOT NULL,
  sojourn_min bigint,
  sojourn_max bigint,
  PRIMARY KEY (source, flattening, team, span, bucket, version, activity)
);
