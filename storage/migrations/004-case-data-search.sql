-- Searching cases by their data fields (GET /api/cases?data=field:op:value).
-- Equality filters are containment tests (`data @> {...}`), which this index serves.
CREATE INDEX cases_data ON cases USING gin (data jsonb_path_ops);

-- Typed reads of one data value for comparisons: NULL when the value is not of that type, so a
-- case whose field holds something else is simply not matched, and a search never fails on it.
CREATE FUNCTION casemap_data_number(value jsonb) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN jsonb_typeof(value) = 'number' THEN (value #>> '{}')::numeric END $$;

-- ISO dates and date-times; a date without a time is midnight UTC, and so is a time without an
-- offset. (PL/pgSQL catching the cast error, as pg_input_is_valid needs PostgreSQL 16.)
CREATE FUNCTION casemap_data_instant(value jsonb) RETURNS timestamptz LANGUAGE plpgsql STABLE SET timezone = 'UTC' AS $$ BEGIN IF jsonb_typeof(value) = 'string' AND (value #>> '{}') ~ '^\d{4}-\d{2}-\d{2}' THEN RETURN (value #>> '{}')::timestamptz; END IF; RETURN NULL; EXCEPTION WHEN data_exception THEN RETURN NULL; END $$;
