-- An OCEL 2.0 log keeps its objects, not only its flattenings: each object with its type and its
-- attribute values over time, its object-to-object relations, each event with its id and own
-- attributes, and the qualifier of each event-to-object relation. XES and CSV logs write none of
-- these. Deleting a log deletes these rows in the same transaction (storage/imported-log-store.ts);
-- no foreign key, as in 008. One index per table (see 008 for what each further one costs an import).

-- attributes: every value of every attribute as [name, time, value] (time ISO 8601; the epoch
-- 1970-01-01T00:00:00Z marks the initial value, a later time a change), in file order; null when none.
-- Listed by id, looked up by id, and joined by id to type the other side of a relation. Ids compare
-- as bytes (COLLATE "C"), so a page is in the same order on PostgreSQL and PGlite whatever their locale.
CREATE TABLE imported_log_objects (
  log_id text NOT NULL,
  object_id text COLLATE "C" NOT NULL,
  object_type text NOT NULL,
  attributes jsonb
);
CREATE INDEX imported_log_objects_by_id ON imported_log_objects (log_id, object_id);

-- As the file lists them, under the object that lists them (the source). An object's relations from
-- it use the index; those to it are found by reading the log's relations (there are usually about as
-- many as objects, and a second index would slow every import that has them).
CREATE TABLE imported_log_object_relations (
  log_id text NOT NULL,
  source_id text COLLATE "C" NOT NULL,
  target_id text COLLATE "C" NOT NULL,
  qualifier text NOT NULL
);
CREATE INDEX imported_log_object_relations_by_source ON imported_log_object_relations (log_id, source_id);

-- One row per event of the file, related to objects or not; seq is its position, the seq of its
-- copies in imported_log_events. attributes: [name, value] pairs in file order; null when none.
CREATE TABLE imported_log_ocel_events (
  log_id text NOT NULL,
  seq integer NOT NULL,
  event_id text NOT NULL,
  activity text NOT NULL,
  at timestamptz NOT NULL,
  attributes jsonb
);
CREATE INDEX imported_log_ocel_events_by_seq ON imported_log_ocel_events (log_id, seq);

-- The qualifiers of an OCEL event's relation to the row's object (usually one; several when the file
-- relates the two more than once). Null for XES and CSV rows, and for OCEL logs kept before this.
ALTER TABLE imported_log_events ADD COLUMN qualifiers text[];
