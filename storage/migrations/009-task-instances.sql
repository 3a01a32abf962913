-- A task that is one instance of a multi-instance step keeps its place in it: `{ index, count,
-- bodyId }` (bodyId names the step's run, shared by its instances). How many of them are done is
-- counted on read (storage/task-queries.ts), so it never goes stale.
ALTER TABLE tasks ADD COLUMN instance jsonb;
