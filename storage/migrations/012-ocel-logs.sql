-- Object-centric (OCEL 2.0) logs kept beside XES and CSV ones. An OCEL log is stored as every one
-- of its flattenings at once: one row per event and related object (the object is the case), with
-- that object's type, so choosing another type to analyse by is an UPDATE of imported_logs, never a
-- second upload. The rows of XES and CSV logs have the type ''. For OCEL rows seq is the event's
-- position in the file, shared by its copies, so equal times keep the file's order as in PM4Py.
ALTER TABLE imported_log_events ADD COLUMN object_type text NOT NULL DEFAULT '';

-- The type chosen for analysis, and the log's object types with their object and event counts.
ALTER TABLE imported_logs ADD COLUMN object_type text;
ALTER TABLE imported_logs ADD COLUMN ocel jsonb;

-- Every analysis reads one flattening case by case in time order; still one index only (see 008).
DROP INDEX imported_log_events_by_case;
CREATE INDEX imported_log_events_by_case ON imported_log_events (log_id, object_type, case_id, at, seq);
