// Event logs imported from other systems (migration 008): the log's name and counts, and its rows, kept for analysis again.
import type { Database, Sql } from './database.ts';

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
  first_at AS "firstAt", last_at AS "lastAt", size_bytes AS "sizeBytes"`;

/** Opens a log's record inside the import's transaction; its counts are set by `finishImportedLog`. */
export async function createImportedLog(tx: Sql, log: { id: string; name: string; format: string; importedBy: string }): Promise<void> {
  await tx.query('INSERT INTO imported_logs (id, name, format, imported_by, cases, events, skipped_rows, size_bytes) VALUES ($1, $2, $3, $4, 0, 0, 0, 0)', [log.id, log.name, log.format, log.importedBy]);
}

/** Writes a batch of rows in one statement (unnest of column arrays), numbered from `firstSeq`. */
export async function insertImportedLogRows(tx: Sql, logId: string, firstSeq: number, rows: readonly ImportedLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  const seq: number[] = [], caseIds: string[] = [], activities: string[] = [], ats: string[] = [];
  const lifecycles: (string | null)[] = [], resources: (string | null)[] = [], teams: (string | null)[] = [];
  rows.forEach((row, k) => {
    seq.push(firstSeq + k);
    caseIds.push(row.caseId);
    activities.push(row.activity);
    ats.push(new Date(row.at).toISOString());
    lifecycles.push(row.lifecycle ?? null);
    resources.push(row.resource ?? null);
    teams.push(row.team ?? null);
  });
  await tx.query(
    `INSERT INTO imported_log_events (log_id, seq, case_id, activity, at, lifecycle, resource, team)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[])`,
    [logId, seq, caseIds, activities, ats, lifecycles, resources, teams],
  );
}

/** Sets the counts from the stored rows (so they cannot disagree with them) and returns the record. */
export async function finishImportedLog(tx: Sql, logId: string, figures: { skippedRows: number; sizeBytes: number }): Promise<ImportedLogRecord> {
  await tx.query(
    `UPDATE imported_logs SET skipped_rows = $2, size_bytes = $3, (cases, events, first_at, last_at) =
       (SELECT count(DISTINCT case_id)::int, count(*)::int, min(at), max(at) FROM imported_log_events WHERE log_id = $1)
     WHERE id = $1`,
    [logId, figures.skippedRows, figures.sizeBytes],
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
  return (await db.query<ImportedLogRecord>(`SELECT ${columns} FROM imported_logs WHERE id = $1`, [id]))[0];
}

/** A log's rows case by case in time order (file order breaks ties), optionally only those within [from, to). */
export async function importedLogRows(db: Database, id: string, range: { from?: string; to?: string } = {}): Promise<ImportedLogRow[]> {
  const rows = await db.query<{ c: string; a: string; t: number; l: string | null; r: string | null; g: string | null }>(
    `SELECT case_id AS c, activity AS a, (extract(epoch FROM at) * 1000)::float8 AS t, lifecycle AS l, resource AS r, team AS g
       FROM imported_log_events
      WHERE log_id = $1 AND ($2::timestamptz IS NULL OR at >= $2) AND ($3::timestamptz IS NULL OR at < $3)
      ORDER BY case_id, at, seq`,
    [id, range.from ?? null, range.to ?? null],
  );
  return rows.map((row) => {
    const out: ImportedLogRow = { caseId: row.c, activity: row.a, at: Math.round(row.t) };
    if (row.l !== null) out.lifecycle = row.l;
    if (row.r !== null) out.resource = row.r;
    if (row.g !== null) out.team = row.g;
    return out;
  });
}

/** Deletes a log and its rows together; false when there was none. */
export async function deleteImportedLog(db: Database, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string }>('DELETE FROM imported_logs WHERE id = $1 RETURNING id', [id]);
    await tx.query('DELETE FROM imported_log_events WHERE log_id = $1', [id]);
    return rows.length > 0;
  });
}
