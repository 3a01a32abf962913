// One write's worth of a kept log's rows, encoded as each row is added: the import hands rows over as it reads them and the batch holds only their encoding.
import type { Sql } from './database.ts';
import { CopyTextBuffer, copyValue } from './pg-copy-in.ts';
import { rowsPerWrite, type ImportedLogRow } from './imported-log-store.ts';
import { isoInstantWriter } from '../domain/insights/iso-instant.ts';

export interface ImportedLogBatch {
  /** The seq of the batch's first row; rows are numbered on from it in the order added. */
  readonly firstSeq: number;
  /** How many rows were added. */
  readonly size: number;
  add(row: ImportedLogRow): void;
  /** Stores the rows in the caller's transaction. */
  write(): Promise<void>;
}

/**
 * On PostgreSQL, the rows of one `COPY … FROM STDIN` in its text format; in PGlite, the column arrays
 * of one `INSERT … SELECT FROM unnest`. Both store the same rows (tests/insights/imported-log-copy.test.ts).
 * Encoding on arrival keeps an import's rows short-lived: a million-event CSV spent a third of its
 * parse in garbage collection while whole batches of rows waited to be written (docs/benchmarks.md).
 */
export function importedLogBatch(tx: Sql, logId: string, firstSeq: number): ImportedLogBatch {
  return tx.copyFrom ? copyBatch(tx, logId, firstSeq) : insertBatch(tx, logId, firstSeq);
}

function copyBatch(tx: Sql, logId: string, firstSeq: number): ImportedLogBatch {
  // A row of the usual log is under 200 bytes in COPY's text format.
  const text = new CopyTextBuffer(rowsPerWrite(tx) * 200);
  const log = copyValue(logId);
  const at = isoInstantWriter();
  let size = 0;
  return {
    firstSeq,
    get size() {
      return size;
    },
    add(row) {
      text.append(`${log}\t${firstSeq + size}\t${copyValue(row.caseId)}\t${copyValue(row.activity)}\t${at(row.at)}\t${copyValue(row.lifecycle)}\t${copyValue(row.resource)}\t${copyValue(row.team)}\n`);
      size += 1;
    },
    async write() {
      if (size > 0) await tx.copyFrom!('COPY imported_log_events (log_id, seq, case_id, activity, at, lifecycle, resource, team) FROM STDIN', text.data());
    },
  };
}

function insertBatch(tx: Sql, logId: string, firstSeq: number): ImportedLogBatch {
  const seq: number[] = [], caseIds: string[] = [], activities: string[] = [], ats: string[] = [];
  const lifecycles: (string | null)[] = [], resources: (string | null)[] = [], teams: (string | null)[] = [];
  const at = isoInstantWriter();
  return {
    firstSeq,
    get size() {
      return seq.length;
    },
    add(row) {
      seq.push(firstSeq + seq.length);
      caseIds.push(row.caseId);
      activities.push(row.activity);
      ats.push(at(row.at));
      lifecycles.push(row.lifecycle ?? null);
      resources.push(row.resource ?? null);
      teams.push(row.team ?? null);
    },
    async write() {
      if (seq.length === 0) return;
      await tx.query(
        `INSERT INTO imported_log_events (log_id, seq, case_id, activity, at, lifecycle, resource, team)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[])`,
        [logId, seq, caseIds, activities, ats, lifecycles, resources, teams],
      );
    },
  };
}
