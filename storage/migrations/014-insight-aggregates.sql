-- The analytical store of insights: aggregates of a log kept beside its events, so the common
-- questions (directly-follows graph with durations, activity counts, rework, variants) read a few
-- thousand rows instead of every event. A log source is a kept imported log ('log:<id>') or a
-- process's own case log ('definition:<id>'); flattening is an OCEL log's object type ('' otherwise).
-- Rows are per case-start day, rolled up per month and for all time (span 'day' | 'month' | 'all';
-- the 'all' row's bucket is 1970-01-01), per version (0 for imported logs) and per team ('' = every
-- team; a team's rows are its own events only, so its pairs are those of the projected traces).
-- Each case falls in exactly one day bucket, so distinct-case counts add up across buckets.
-- Durations are whole milliseconds: sums are exact in bigint, squares in numeric.
CREATE TABLE insight_edges (
  source text NOT NULL,
  flattening text NOT NULL,
  team text NOT NULL,
  span text NOT NULL,
  bucket date NOT NULL,
  version integer NOT NULL,
  from_activity text NOT NULL,
  to_activity text NOT NULL,
  occurrences bigint NOT NULL,
  sum_ms bigint NOT NULL,
  sumsq_ms numeric NOT NULL,
  min_ms bigint NOT NULL,
  max_ms bigint NOT NULL,
  -- Occurrences whose target had already been completed in the case (a rework loop), and in how many cases.
  loops bigint NOT NULL,
  loop_cases bigint NOT NULL,
  PRIMARY KEY (source, flattening, team, span, bucket, version, from_activity, to_activity)
);

CREATE TABLE insight_activities (
  source text NOT NULL,
  flattening text NOT NULL,
  team text NOT NULL,
  span text NOT NULL,
  bucket date NOT NULL,
  version integer NOT NULL,
  activity text NOT NULL,
  completions bigint NOT NULL,
  -- Cases whose first / last completed step it was.
  starts bigint NOT NULL,
  ends bigint NOT NULL,
  -- Cases that completed it, and those that completed it more than once.
  cases bigint NOT NULL,
  cases_repeated bigint NOT NULL,
  PRIMARY KEY (source, flattening, team, span, bucket, version, activity)
);

-- One row per case: variants and rework are a GROUP BY over these (a few thousand to tens of
-- thousands of rows). The variant is a number, so grouping and sorting never compare long texts.
CREATE TABLE insight_cases (
  source text NOT NULL,
  flattening text NOT NULL,
  case_id text NOT NULL,
  version integer NOT NULL,
  started_at timestamptz NOT NULL,
  -- Start to end in whole ms; null while the case is open.
  duration_ms bigint,
  -- insight_variants.variant_id; null: the case completed no step.
  variant_id integer,
  steps integer NOT NULL,
  repeats integer NOT NULL,
  PRIMARY KEY (source, flattening, case_id)
);
CREATE INDEX insight_cases_by_start ON insight_cases (source, flattening, started_at);

-- Completed step names in order joined by U+001F, as domain/insights/variants.ts keys them.
CREATE TABLE insight_variants (
  source text NOT NULL,
  flattening text NOT NULL,
  variant_id integer NOT NULL,
  variant text NOT NULL,
  PRIMARY KEY (source, flattening, variant_id)
);

-- Which sources are folded, and up to which event (a process's case log is folded by events.seq).
CREATE TABLE insight_folds (
  source text PRIMARY KEY,
  folded_at timestamptz NOT NULL DEFAULT now(),
  watermark bigint NOT NULL DEFAULT 0
);
