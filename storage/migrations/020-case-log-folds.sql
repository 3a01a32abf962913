-- A process's own case log in the analytical store (migration 014's tables, source 'definition:<id>',
-- flattening '', version = the case's version): each case is folded once, when it ends, in the
-- transaction that projects its end (storage/case-log-fold.ts). Its insight_cases row is the marker
-- that it was folded; insight_folds holds the source once every case ended before this migration is.
-- A case's variant is looked up by its text when it is folded (the key of insight_variants is a number).
CREATE INDEX insight_variants_by_text ON insight_variants (source, flattening, md5(variant));

-- The catch-up finds a definition's ended cases with no insight_cases row.
CREATE INDEX cases_ended_by_definition ON cases (definition_id, id) WHERE ended_at IS NOT NULL;
