// Event logs imported from other systems (migrations 008, 012, 021): the log's name and counts, and its rows, kept for analysis again; an OCEL log's rows hold every flattening, one chosen at a time, beside its objects and events (storage/ocel-log-writer.ts).
import type { Database, Sql } from './database.ts';
import { deleteInsightAggregates, lockInsightSource } from './insight-rollup.ts';
import { keptLogSource } from './kept-log-fold.ts';
import type { OcelOrigin } from '../domain/insights/imported-log.ts';

export interface ImportedLogRecord {
  id: string;
  name: string;
  format: string;
  importedBy: string;
  importedAt: string;
  cases: number;
  events: number;
  skippedRows: number;
  firstAt: string | null;
  lastAt: string | null;
  sizeBytes: number;
  /** OCEL logs only: the object type analysed (the flattening) and the log's types with their counts. */
  objectType: string | null;
  ocel: Omit<OcelOrigin, 'objectType'> | null;
}

/** One event as the file gave it; `at` in epoch ms. */
export interface ImportedLogRow {
  caseId: string;
  activity: string;
  at: number;
  lifecycle?: string;
  resource?: string;
  team?: string;
}

const columns = `id, name, format, imported_by AS "importedBy", imported_at AS "importedAt", cases, events, skipped_rows AS "skippedRows",
  first_at AS "firstAt", last_at AS "lastAt", size_bytes AS "sizeBytes", object_type AS "objectType", ocel`;

/** Opens a log's record inside the import's transaction; its counts are set by `finishImportedLog`. */
export async function createImportedLog(tx: Sql, log: { id: string; name: string; format: string; importedBy: string }): Promise<void> {
  await tx.query('INSERT INTO imported_logs (id, name, format, imported_by, cases, events, skipped_rows, size_bytes) VALUES ($1, $2, $3, $4, 0, 0, 0, 0)', [log.id, log.name, log.format, log.importedBy]);
}

/** Rows per write: on PostgreSQL one COPY of about 2 MB; in PGlite one INSERT of a few MB. */
export const rowsPerWrite = (tx: Sql): number => (tx.copyFrom ? 20_000 : 5000);

/** Sets the type of rows written before their object was declared (events listed before objects). */
export async function resolveOcelObjectTypes(tx: Sql, logId: string, types: readonly (readonly [objectId: string, objectType: string])[]): Promise<void> {
  for (let i = 0; i < types.length; i += 5000) {
    const batch = types.slice(i, i + 5000);
    await tx.query(
      `UPDATE imported_log_events e SET object_type = o.t FROM unnest($2::text[], $3::text[]) AS o(id, t)
        WHERE e.log_id = $1 AND e.object_type = '' AND e.case_id = o.id`,
      [logId, batch.map(([id]) => id), batch.map(([, type]) => type)],
    );
  }
}

/** Per object type, how many distinct events its flattening holds (copies of one event share their seq). */
export async function ocelEventsPerType(tx: Sql, logId: string): Promise<Map<string, number>> {
  const rows = await tx.query<{ t: string; n: number }>('SELECT object_type AS t, count(DISTINCT seq)::int AS n FROM imported_log_events WHERE log_id = $1 GROUP BY object_type', [logId]);
  return new Map(rows.map((row) => [row.t, row.n]));
}

/** Sets the counts from the stored rows of the analysed flattening (so they cannot disagree with them) and returns the record. */
export async function finishImportedLog(tx: Sql, logId: string, figures: { skippedRows: number; sizeBytes: number; objectType?: string; ocel?: Omit<OcelOrigin, 'objectType'> }): Promise<ImportedLogRecord> {
  await tx.query('UPDATE imported_logs SET skipped_rows = $2, size_bytes = $3, ocel = $4 WHERE id = $1', [logId, figures.skippedRows, figures.sizeBytes, figures.ocel === undefined ? null : JSON.stringify(figures.ocel)]);
  return chooseImportedLogObjectType(tx, logId, figures.objectType ?? null);
}

/** Analyses an OCEL log by another of its object types (null for XES and CSV logs): the counts follow that flattening. */
export async function chooseImportedLogObjectType(tx: Sql, logId: string, objectType: string | null): Promise<ImportedLogRecord> {
  await tx.query(
    `UPDATE imported_logs SET object_type = $2, (cases, events, first_at, last_at) =
       (SELECT count(DISTINCT case_id)::int, count(*)::int, min(at), max(at) FROM imported_log_events WHERE log_id = $1 AND object_type = coalesce($2, ''))
     WHERE id = $1`,
    [logId, objectType],
  );
  const rows = await tx.query<ImportedLogRecord>(`SELECT ${columns} FROM imported_logs WHERE id = $1`, [logId]);
  return rows[0]!;
}

/** Logs newest first; `importedBy` narrows to one person's. */
export async function listImportedLogs(db: Sql, importedBy?: string): Promise<ImportedLogRecord[]> {
  return importedBy === undefined
    ? db.query<ImportedLogRecord>(`SELECT ${columns} FROM imported_logs ORDER BY imported_at DESC, id`)
    : db.query<ImportedLogRecord>(`SELECT ${columns} FROM imported_logs WHERE imported_by = $1 ORDER BY imported_at DESC, id`, [importedBy]);
}

export async function findImportedLog(db: Sql, id: string): Promise<ImportedLogRecord | undefined> {
  // Asked beside every answer about a kept log (services/insight-aggregates.ts keptLogAnswer): planned once per connection.
  return (await db.query<ImportedLogRecord>(`SELECT ${columns} FROM imported_logs WHERE id = $1`, [id], { prepared: true }))[0];
}

type StoredRow = { c: string; a: string; t: number; l: string | null; r: string | null; g: string | null };
const rowSelect = `SELECT case_id AS c, activity AS a, (extract(epoch FROM at) * 1000)::float8 AS t, lifecycle AS l, resource AS r, team AS g FROM imported_log_events`;
const inRange = `log_id = $1 AND object_type = $4 AND ($2::timestamptz IS NULL OR at >= $2) AND ($3::timestamptz IS NULL OR at < $3)`;

function toRow(row: StoredRow): ImportedLogRow {
  const out: ImportedLogRow = { caseId: row.c, activity: row.a, at: Math.round(row.t) };
  if (row.l !== null) out.lifecycle = row.l;
  if (row.r !== null) out.resource = row.r;
  if (row.g !== null) out.team = row.g;
  return out;
}

/** A log's rows (of one flattening for an OCEL log) case by case in time order (file order breaks ties), optionally only those within [from, to). */
export async function importedLogRows(db: Database, id: string, range: { from?: string; to?: string } = {}, objectType = ''): Promise<ImportedLogRow[]> {
  const rows = await db.query<StoredRow>(`${rowSelect} WHERE ${inRange} ORDER BY case_id, at, seq`, [id, range.from ?? null, range.to ?? null, objectType]);
  return rows.map(toRow);
}

/**
 * The same rows one case at a time, read a page of about `pageRows` rows at once along the index:
 * a log of ten million events is never held whole. A page ends at a case boundary (the case at row
 * `pageRows` is read to its end), so no case is split.
 */
export async function* importedLogCases(db: Database, id: string, range: { from?: string; to?: string } = {}, objectType = '', pageRows = 100_000): AsyncGenerator<ImportedLogRow[]> {
  const params = [id, range.from ?? null, range.to ?? null, objectType];
  let after: string | null = null;
  for (;;) {
    const bound: { c: string }[] = await db.query<{ c: string }>(`SELECT case_id AS c FROM imported_log_events WHERE ${inRange} AND ($5::text IS NULL OR case_id > $5) ORDER BY case_id LIMIT 1 OFFSET $6`, [...params, after, pageRows]);
    const last: string | null = bound[0]?.c ?? null;
    const rows = await db.query<StoredRow>(
      `${rowSelect} WHERE ${inRange} AND ($5::text IS NULL OR case_id > $5) AND ($6::text IS NULL OR case_id <= $6) ORDER BY case_id, at, seq`,
      [...params, after, last],
    );
    let start = 0;
    for (let k = 1; k <= rows.length; k += 1) {
      if (k === rows.length || rows[k]!.c !== rows[start]!.c) {
        yield rows.slice(start, k).map(toRow);
        start = k;
      }
    }
    if (last === null) return;
    after = last;
  }
}

/**
 * Deletes a log, its rows (an OCEL log's objects, relations and events too) and its aggregates in one transaction; false when there was none.
 *
 * Lock order, the same in every transaction that writes a kept log's aggregates: the log's source
 * lock (`lockInsightSource`) first, then rows. The fold after an import and a read's fold take that
 * lock before they look for the log (storage/kept-log-fold.ts), so a delete either commits before a
 * fold's look (which then finds the log gone and writes nothing) or waits here until the fold has
 * committed and then deletes what it wrote. Nothing else waits for this lock while holding rows a
 * delete needs: the import takes no lock (its log is unseen until it commits, and its fold starts
 * after), and choosing an OCEL object type locks only the log's row, never waiting for this lock.
 */
export async function deleteImportedLog(tx: Sql, id: string): Promise<boolean> {
  const source = keptLogSource(id);
  await lockInsightSource(tx, source);
  const rows = await tx.query<{ id: string }>('DELETE FROM imported_logs WHERE id = $1 RETURNING id', [id]);
  for (const table of ['imported_log_events', 'imported_log_objects', 'imported_log_object_relations', 'imported_log_ocel_events']) await tx.query(`DELETE FROM ${table} WHERE log_id = $1`, [id]);
  await deleteInsightAggregates(tx, source);
  return rows.length > 0;
}
