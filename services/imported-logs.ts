// Imported event logs as a service: streams an upload (gzipped or not) through the XES, CSV or OCEL 2.0 readers into storage in one transaction, and hands kept logs back for analysis to whoever may see them.
import { createGunzip } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Database, Sql } from '../storage/database.ts';
import type { UserRecord } from './accounts.ts';
import {
  chooseImportedLogObjectType,
  createImportedLog,
  deleteImportedLog,
  findImportedLog,
  finishImportedLog,
  importedLogCases,
  importedLogRows,
  rowsPerWrite,
  listImportedLogs,
  ocelEventsPerType,
  resolveOcelObjectTypes,
  type ImportedLogRecord,
} from '../storage/imported-log-store.ts';
import { importedLogBatch } from '../storage/imported-log-batch.ts';
import { OcelLogWriter } from '../storage/ocel-log-writer.ts';
import { CsvStreamReader, type StreamStep } from '../domain/insights/formats/csv-stream-reader.ts';
import { XesStreamReader } from '../domain/insights/formats/xes-stream-reader.ts';
import { importRows, rowsToEvents, transitionOf, type ImportProblem } from '../domain/insights/formats/log-rows.ts';
import { buildTraces, type CaseTrace } from '../domain/insights/case-traces.ts';
import type { CsvMapping } from '../domain/insights/formats/csv-import.ts';
import { OcelFlattening } from '../domain/insights/formats/ocel-flattening.ts';
import { chooseObjectType, ocelReader } from '../domain/insights/formats/ocel-import.ts';
import type { OcelProblem, OcelStep } from '../domain/insights/formats/ocel-items.ts';
import type { ImportedLogFormat, ImportedLogSummary } from '../domain/insights/imported-log.ts';
import type { CaseLogEvent } from '../domain/events/case-log-event.ts';
import { foldAfterImport } from './kept-log-folds.ts';

/** The largest log accepted, in bytes as received and again after gunzip; CASEMAP_MAX_LOG_BYTES overrides 1 GiB. */
export function maxLogBytes(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.CASEMAP_MAX_LOG_BYTES);
  return Number.isFinite(configured) && configured > 0 ? configured : 1024 ** 3;
}

export type ImportFailure = ImportProblem | OcelProblem | { code: 'payload-too-large' | 'not-gzip'; message: string };

export interface LogUpload {
  body: Readable;
  format: ImportedLogFormat;
  name: string;
  mapping?: CsvMapping;
  /** OCEL only: the object type to flatten by (default: the type with most events). */
  objectType?: string;
  importedBy: string;
  maxBytes?: number;
}

class Refused extends Error {
  constructor(readonly failure: ImportFailure) {
    super(failure.message);
  }
}

function summary(record: ImportedLogRecord): ImportedLogSummary {
  const { objectType, ocel, ...rest } = record;
  return { ...rest, format: record.format as ImportedLogFormat, ...(ocel && objectType !== null ? { ocel: { objectType, ...ocel } } : {}) };
}

const isOcel = (format: ImportedLogFormat) => format === 'jsonocel' || format === 'xmlocel';

/** Where the text of an upload goes: a reader and the rows it writes, inside the import's transaction. */
interface Sink {
  push(text: string): Promise<void>;
  /** After the last text: the figures `finishImportedLog` records. */
  end(): Promise<{ skippedRows: number; objectType?: string; ocel?: NonNullable<ImportedLogRecord['ocel']> }>;
  /** Waits for a write still under way, its outcome ignored: called before a refused import rolls back. */
  settle(): Promise<void>;
}

/**
 * One batch written while the next is read: PostgreSQL stores a batch in its own process while Node
 * parses the next, so both cores work; memory holds two batches at most. A failed write surfaces at
 * the next write or at `drain`.
 */
function oneWriteInFlight() {
  let inFlight: Promise<void> = Promise.resolve();
  return {
    async write(start: () => Promise<void>): Promise<void> {
      await inFlight;
      inFlight = start();
      inFlight.catch(() => undefined);
    },
    drain: () => inFlight,
    settle: () => inFlight.catch(() => undefined),
  };
}

function rowSink(tx: Sql, id: string, upload: LogUpload): Sink {
  const reader = upload.format === 'csv' ? new CsvStreamReader(upload.mapping ?? {}) : new XesStreamReader();
  const size = rowsPerWrite(tx);
  const writes = oneWriteInFlight();
  // Each row is encoded for the write as soon as it is read, so the rows themselves are soon garbage.
  let batch = importedLogBatch(tx, id, 0);
  let skipped = 0;
  const flush = async () => {
    const full = batch;
    batch = importedLogBatch(tx, id, full.firstSeq + full.size);
    await writes.write(() => full.write());
  };
  const take = async (step: StreamStep) => {
    if (!step.ok) throw new Refused(step.problem);
    for (const row of step.rows) {
      // Transitions the conversion does not use (suspend, manualskip, …) are kept but counted as skipped.
      if (row.lifecycle !== undefined && transitionOf(row.lifecycle) === 'other') skipped += 1;
      batch.add(row);
    }
    if (batch.size >= size) await flush();
  };
  return {
    push: (text) => take(reader.push(text)),
    end: async () => {
      await take(reader.end());
      const rows = batch.firstSeq + batch.size;
      await flush();
      await writes.drain();
      if (rows === 0) throw new Refused({ code: 'empty-log', message: 'The log holds no events with an activity and a time: nothing to analyse.' });
      return { skippedRows: skipped };
    },
    settle: writes.settle,
  };
}

/** OCEL: every event copied to each related object as it is read, and the objects, relations and events kept beside; the object type is chosen once all is read. */
function ocelSink(tx: Sql, id: string, upload: LogUpload): Sink {
  const reader = ocelReader(upload.format === 'xmlocel' ? 'xmlocel' : 'jsonocel');
  const flattening = new OcelFlattening();
  const writer = new OcelLogWriter(tx, id);
  const writes = oneWriteInFlight();
  const take = async (step: OcelStep, last = false) => {
    if (!step.ok) throw new Refused(step.problem);
    for (const item of step.items) {
      const rows = flattening.add(item);
      if (!Array.isArray(rows)) throw new Refused(rows);
      for (const full of writer.add(item, rows)) await writes.write(() => full.write());
    }
    if (last) {
      for (const batch of writer.rest()) await writes.write(() => batch.write());
      await writes.drain();
    }
  };
  return {
    push: (text) => take(reader.push(text)),
    end: async () => {
      await take(reader.end(), true);
      const done = flattening.finish();
      if (!done.ok) throw new Refused(done.problem);
      await resolveOcelObjectTypes(tx, id, done.lateTypes);
      const events = await ocelEventsPerType(tx, id);
      const objectTypes = [...flattening.objectCounts()].map(([name, objects]) => ({ name, objects, events: events.get(name) ?? 0 })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const objectType = chooseObjectType(objectTypes, upload.objectType);
      if (typeof objectType !== 'string') throw new Refused(objectType);
      return { skippedRows: 0, objectType, ocel: { objectTypes, events: done.events, unrelatedEvents: done.unrelatedEvents } };
    },
    settle: writes.settle,
  };
}

/** Bytes of `body`, gunzipped when they start with gzip's magic number, as they arrive. */
async function* bytesOf(body: Readable, maxBytes: number, counted: { received: number }): AsyncGenerator<Buffer> {
  const limit = (what: string) => new Refused({ code: 'payload-too-large', message: `The log is larger than ${(maxBytes / 1024 ** 2).toFixed(0)} MB ${what}; split it by period and import each part.` });
  async function* received(): AsyncGenerator<Buffer> {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      counted.received += chunk.length;
      if (counted.received > maxBytes) throw limit('as sent');
      yield chunk;
    }
  }
  const source = received();
  const first = await source.next();
  if (first.done) return;
  const gzipped = first.value.length >= 2 && first.value[0] === 0x1f && first.value[1] === 0x8b;
  if (!gzipped) {
    yield first.value;
    yield* source;
    return;
  }
  const gunzip = createGunzip();
  // Feeding gunzip from the generator keeps backpressure: a chunk is written only after the previous one is drained.
  const feeding = (async () => {
    try {
      if (!gunzip.write(first.value)) await new Promise((resolve) => gunzip.once('drain', resolve));
      for await (const chunk of source) if (!gunzip.write(chunk)) await new Promise((resolve) => gunzip.once('drain', resolve));
      gunzip.end();
    } catch (error) {
      gunzip.destroy(error as Error);
    }
  })();
  let inflated = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > maxBytes) throw limit('once unzipped');
      yield chunk;
    }
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw new Refused({ code: 'not-gzip', message: `The upload starts like gzip but cannot be unzipped (${(error as Error).message}); send the file as it is or gzip it whole.` });
  } finally {
    gunzip.destroy();
    await feeding;
  }
}

/** Reads, checks and stores a whole log in one transaction (a refused log leaves nothing behind), then starts its fold. */
export async function importLog(db: Database, upload: LogUpload): Promise<{ ok: true; log: ImportedLogSummary } | { ok: false; failure: ImportFailure }> {
  const maxBytes = upload.maxBytes ?? maxLogBytes();
  const id = randomUUID();
  const counted = { received: 0 };
  try {
    const record = await db.transaction(async (tx) => {
      await createImportedLog(tx, { id, name: upload.name, format: upload.format, importedBy: upload.importedBy });
      const sink = isOcel(upload.format) ? ocelSink(tx, id, upload) : rowSink(tx, id, upload);
      try {
        const decoder = new TextDecoder('utf-8');
        for await (const chunk of bytesOf(upload.body, maxBytes, counted)) {
          const text = decoder.decode(chunk, { stream: true });
          // PostgreSQL cannot store a NUL character; a text log has none, so its presence means a binary or mis-encoded file.
          if (text.includes('\u0000')) throw new Refused({ code: upload.format === 'csv' ? 'invalid-csv' : isOcel(upload.format) ? 'invalid-ocel' : 'invalid-xes', message: 'The file holds a NUL character: is it a text log (XES, CSV or OCEL 2.0, UTF-8), and if zipped, gzip rather than zip?' });
          await sink.push(text);
        }
        await sink.push(decoder.decode());
        const figures = await sink.end();
        return await finishImportedLog(tx, id, { ...figures, sizeBytes: counted.received });
      } catch (error) {
        // The rollback must not overtake a write still under way on the same connection.
        await sink.settle();
        throw error;
      }
    });
    // The analytical store's aggregates, once the rows are committed: the import does not wait for them.
    void foldAfterImport(db, id);
    return { ok: true, log: summary(record) };
  } catch (error) {
    if (error instanceof Refused) {
      upload.body.resume();
      return { ok: false, failure: error.failure };
    }
    throw error;
  }
}

/** Who may see a kept log: the person who imported it, and admins. */
function mayRead(user: UserRecord, record: ImportedLogRecord): boolean {
  return mayReadLogOf(user, record.importedBy);
}

/** The rule for every kept log (`insights.logs`): seen only by the analyst who imported it, and admins. */
export function mayReadLogOf(user: UserRecord, importedBy: string): boolean {
  return importedBy === user.id || user.roles.includes('admin');
}

export async function listLogs(db: Database, user: UserRecord): Promise<ImportedLogSummary[]> {
  const records = await listImportedLogs(db, user.roles.includes('admin') ? undefined : user.id);
  return records.map(summary);
}

/** The log if `user` may see it; undefined otherwise (the caller answers 404 either way). */
export async function findLog(db: Database, user: UserRecord, id: string): Promise<ImportedLogSummary | undefined> {
  const record = await findImportedLog(db, id);
  return record && mayRead(user, record) ? summary(record) : undefined;
}

/** Analyses an OCEL log by another of its object types, from the rows already kept; undefined when unseen, a problem when the log is not OCEL or has no such type. */
export async function chooseLogObjectType(db: Database, user: UserRecord, id: string, objectType: string): Promise<ImportedLogSummary | OcelProblem | undefined> {
  const log = await findLog(db, user, id);
  if (!log) return undefined;
  if (!log.ocel) return { code: 'unknown-object-type', path: 'objectType', message: `objectType: "${log.name}" is a ${log.format.toUpperCase()} log, which has cases, not object types; only OCEL logs are flattened by an object type.` };
  const chosen = chooseObjectType(log.ocel.objectTypes, objectType);
  if (typeof chosen !== 'string') return chosen;
  return summary(await db.transaction((tx) => chooseImportedLogObjectType(tx, id, chosen)));
}

export async function deleteLog(db: Database, user: UserRecord, id: string): Promise<boolean> {
  const record = await findImportedLog(db, id);
  if (!record || !mayRead(user, record)) return false;
  // The log, its rows and its aggregates at once, under the lock its folds take (storage/imported-log-store.ts says the order).
  return db.transaction((tx) => deleteImportedLog(tx, id));
}

/** A kept log as Casemap case log events, for the same analyses as a process's own log; undefined when unseen. */
export async function logEvents(db: Database, user: UserRecord, id: string, range: { from?: string; to?: string } = {}): Promise<{ log: ImportedLogSummary; events: CaseLogEvent[]; skipped: number } | undefined> {
  const log = await findLog(db, user, id);
  if (!log) return undefined;
  const rows = await importedLogRows(db, id, range, log.ocel?.objectType ?? '');
  const converted = importRows(rows, {});
  return { log, events: converted.ok ? converted.events : [], skipped: converted.ok ? converted.skipped : 0 };
}

/**
 * A kept log as case traces, built one case at a time as its rows are read (the same conversion as
 * `logEvents`, case by case): what the bottleneck report needs, without holding the log's events, so
 * a log of ten million events answers. `now` is its last event, as for `logEvents`.
 */
export async function logTraces(db: Database, user: UserRecord, id: string, range: { from?: string; to?: string } = {}, pageRows?: number): Promise<{ log: ImportedLogSummary; traces: CaseTrace[]; now: string } | undefined> {
  const log = await findLog(db, user, id);
  if (!log) return undefined;
  const traces: CaseTrace[] = [];
  let last = 0;
  for await (const rows of importedLogCases(db, id, range, log.ocel?.objectType ?? '', pageRows)) {
    for (const trace of buildTraces(rowsToEvents(rows, {}).events)) {
      traces.push(trace);
      if (trace.lastEventAt > last) last = trace.lastEventAt;
    }
  }
  return { log, traces, now: new Date(last).toISOString() };
}
