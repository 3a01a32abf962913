// Where a CSV import's time goes (issue #20): the stages of `POST /api/insights/logs` timed apart in
// one process, in alternating rounds so a loaded machine weighs on each alike — reading the file alone;
// + CsvStreamReader; + the COPY text of every batch; the whole import (services/imported-logs.ts) into
// PostgreSQL, to its commit. Each stage prints its wall and CPU time (and PostgreSQL's, for a server it
// started); `--profile <dir>` writes a CPU profile of each timed stage alone (not the fold after an import).
//   npx tsx bench/insights/csv-import-stages.ts <file.csv> [--rounds 3] [--stages read,parse,copy,import] [--postgres <url>] [--profile <dir>]
// Without --postgres the import stage starts a throwaway PostgreSQL 15 (runtime/local-postgres.ts).
// The file: `npx tsx bench/insights/import-size.ts generate 1000000 log.csv`.
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvStreamReader, type StreamStep } from '../../domain/insights/formats/csv-stream-reader.ts';
import { transitionOf } from '../../domain/insights/formats/log-rows.ts';
import { deleteImportedLog, rowsPerWrite, type ImportedLogRow } from '../../storage/imported-log-store.ts';
import { importedLogBatch } from '../../storage/imported-log-batch.ts';
import { openDatabase, type Database } from '../../storage/database.ts';
import { migrate } from '../../storage/migrate.ts';
import { startLocalPostgres, type LocalPostgres } from '../../runtime/local-postgres.ts';
import { freePort } from '../../runtime/free-port.ts';
import { importLog } from '../../services/imported-logs.ts';
import { keptLogFoldsSettled } from '../../services/kept-log-folds.ts';

type Stage = 'read' | 'parse' | 'copy' | 'import';

/** The file's text as the upload route sees it: socket-sized chunks decoded as they come, each checked for NUL. */
async function* texts(file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.includes('\u0000')) throw new Error('NUL in the file');
    yield text;
  }
  yield decoder.decode();
}

/** The rows as rowSink takes them (with its count of skipped transitions), each handed to `add`. */
async function readRows(file: string, add: (row: ImportedLogRow) => void): Promise<{ rows: number; skipped: number }> {
  const reader = new CsvStreamReader({ caseId: 'case_id', activity: 'activity', timestamp: 'timestamp' });
  let rows = 0;
  let skipped = 0;
  const take = (step: StreamStep) => {
    if (!step.ok) throw new Error(step.problem.message);
    for (const row of step.rows) {
      if (row.lifecycle !== undefined && transitionOf(row.lifecycle) === 'other') skipped += 1;
      add(row);
    }
    rows += step.rows.length;
  };
  for await (const text of texts(file)) take(reader.push(text));
  take(reader.end());
  return { rows, skipped };
}

/** Runs one stage; `ended` is called as its timed part ends (before an import's fold and clean-up). */
async function runStage(stage: Stage, file: string, db: () => Promise<Database>, ended: () => Promise<void>): Promise<{ ms: number; rows?: number; characters?: number; skipped?: number }> {
  const started = performance.now();
  if (stage === 'read') {
    let characters = 0;
    for await (const text of texts(file)) characters += text.length;
    const ms = performance.now() - started;
    await ended();
    return { ms, characters };
  }
  let read: { rows: number; skipped: number };
  if (stage === 'parse') {
    read = await readRows(file, () => undefined);
  } else if (stage === 'copy') {
    // The real COPY encoding, in batches of rowSink's size, each handed to a COPY that discards it.
    const discard = { query: async () => [], copyFrom: async () => undefined };
    let batch = importedLogBatch(discard, 'bench', 0);
    read = await readRows(file, (row) => {
      batch.add(row);
      if (batch.size >= rowsPerWrite(discard)) {
        void batch.write();
        batch = importedLogBatch(discard, 'bench', batch.firstSeq + batch.size);
      }
    });
    await batch.write();
  } else {
    const database = await db();
    const result = await importLog(database, { body: createReadStream(file, { highWaterMark: 64 * 1024 }), format: 'csv', name: 'stages.csv', mapping: { caseId: 'case_id', activity: 'activity', timestamp: 'timestamp' }, importedBy: 'bench' });
    const ms = performance.now() - started;
    await ended();
    if (!result.ok) throw new Error(result.failure.message);
    // The fold after the import is not timed; it is waited for, and the log deleted, so the next round starts alike.
    await keptLogFoldsSettled();
    await database.transaction((tx) => deleteImportedLog(tx, result.log.id));
    return { ms, rows: result.log.events };
  }
  const ms = performance.now() - started;
  await ended();
  return { ms, ...read };
}

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const file = args[0];
if (!file || file.startsWith('--')) {
  console.error('usage: csv-import-stages.ts <file.csv> [--rounds 3] [--stages read,parse,copy,import] [--postgres <url>] [--profile <dir>]');
  process.exit(2);
}
const rounds = Number(option('--rounds', '3'));
const stages = option('--stages', 'read,parse,copy,import').split(',') as Stage[];
const profileDir = option('--profile', '');
let postgres: { server: LocalPostgres; dir: string } | undefined;
let database: Database | undefined;
const db = async () => {
  if (database) return database;
  let url = option('--postgres', '');
  if (!url) {
    const dir = join(tmpdir(), `casemap-csv-stages-${process.pid}`);
    postgres = { server: await startLocalPostgres({ dir, port: await freePort(), initdb: ['--no-sync'] }), dir };
    url = `postgres://postgres@127.0.0.1:${postgres.server.port}/postgres`;
  }
  database = openDatabase({ databaseUrl: url });
  await migrate(database);
  return database;
};

/** CPU ms of the PostgreSQL this script started (the postmaster and its children, from /proc); undefined otherwise. */
function postgresCpuMs(): number | undefined {
  if (!postgres || !existsSync('/proc')) return undefined;
  const postmaster = Number(readFileSync(join(postgres.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      // Fields after the command's closing parenthesis: state, ppid, …; utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(pid) === postmaster || Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks * 10;
}

const session = profileDir ? new Session() : undefined;
if (session) {
  mkdirSync(profileDir, { recursive: true });
  session.connect();
  await session.post('Profiler.enable');
}
try {
  const times = new Map<Stage, number[]>(stages.map((s) => [s, []]));
  if (stages.includes('import')) await db();
  for (let round = 0; round < rounds; round += 1) {
    // Each round in another order, so no stage always runs after the same one.
    const order = round % 2 === 0 ? stages : [...stages].reverse();
    for (const stage of order) {
      if (session) await session.post('Profiler.start');
      const cpu = process.cpuUsage();
      const pgCpu = postgresCpuMs();
      let cpuMs = 0;
      let pgUsed: number | undefined;
      const { ms, rows, characters, skipped } = await runStage(stage, file, db, async () => {
        const used = process.cpuUsage(cpu);
        cpuMs = Math.round((used.user + used.system) / 1000);
        pgUsed = pgCpu === undefined ? undefined : postgresCpuMs()! - pgCpu;
        if (session) writeFileSync(join(profileDir, `${stage}-${round}.cpuprofile`), JSON.stringify((await session.post('Profiler.stop')).profile));
      });
      times.get(stage)!.push(ms);
      console.log(JSON.stringify({ round, stage, ms: Math.round(ms), cpuMs, ...(stage === 'import' && pgUsed !== undefined ? { postgresCpuMs: pgUsed } : {}), rows, characters, skipped, load: loadavg().map((l) => Number(l.toFixed(1))) }));
    }
  }
  for (const [stage, list] of times) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(`${stage.padEnd(7)} median ${Math.round(sorted[Math.floor(sorted.length / 2)]!)} ms (${Math.round(sorted[0]!)}–${Math.round(sorted.at(-1)!)})`);
  }
} finally {
  session?.disconnect();
  await database?.close();
  if (postgres) {
    postgres.server.stop();
    // A million-row log leaves gigabytes of data and WAL behind.
    rmSync(postgres.dir, { recursive: true, force: true });
  }
}
