// Importing a 1M-event log by the shared method (bench/method): Casemap's streaming upload through its
// API (an HTTP upload to a Casemap process on a local PostgreSQL, gzipped too, and on PGlite) against
// PM4Py reading the same file into its dataframe, interleaved rounds, ratios, and each one's peak RSS.
//   npx tsx bench/insights/import-size.ts [--events 1000000] [--format xes|csv] [--pglite skip] [--xes-reference skip]
//   npx tsx bench/insights/import-size.ts generate <events> <file.xes|file.csv>   (writes the file as a stream)
// Each Casemap run is a fresh server process (bench/insights/import-server.ts), each PM4Py run a fresh
// Python (bench/insights/pm4py_read.py), so a peak RSS is that run's alone. Casemap's time is the
// upload's wall clock, sent to 201; PM4Py's is its read by its own clock (Python's start and imports excluded).
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { generateSyntheticLog } from '../../domain/insights/synthetic-log.ts';
import { xesLines } from '../../domain/insights/formats/xes-export.ts';
import { csvColumns, csvRecords } from '../../domain/insights/formats/csv-export.ts';
import { writeCsv } from '../../domain/insights/formats/csv.ts';
import { startLocalPostgres } from '../../runtime/local-postgres.ts';
import { freePort } from '../../runtime/free-port.ts';
import { DEMO_PASSWORD } from '../../demo/demo-identities.ts';
import { compare, type Contender } from '../method/compare.ts';
import { printComparison } from '../method/print-comparison.ts';
import { ensurePm4py } from './pm4py.ts';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const mb = (bytes: number) => Math.round(bytes / 1024 ** 2);
const EVENTS_PER_CASE = 314_781 / 13_000;

/** A synthetic FNO log of about `events` lifecycle events, written line by line (a 1M-event XES is 420 MB, too large for one string). */
async function generate(events: number, file: string): Promise<void> {
  const log = generateSyntheticLog({ seed: 2012, cases: Math.round(events / EVENTS_PER_CASE), start: '2011-10-01T00:00:00Z' });
  const lines = file.endsWith('.csv') ? (function* () {
    yield writeCsv([[...csvColumns]]);
    for (const record of csvRecords(log)) yield writeCsv([record]);
  })() : (function* () {
    for (const line of xesLines(log)) yield `${line}\n`;
  })();
  await pipeline(Readable.from(lines), createWriteStream(file));
}

/** Starts an import server on `target` and answers with its port and a way to stop it that gives its peak RSS. */
async function startServer(target: string): Promise<{ port: number; stop(): Promise<number> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', here('./import-server.ts'), target], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = (async function* () {
    let buffered = '';
    for await (const chunk of child.stdout) {
      buffered += String(chunk);
      let cut;
      while ((cut = buffered.indexOf('\n')) >= 0) {
        yield JSON.parse(buffered.slice(0, cut)) as Record<string, number>;
        buffered = buffered.slice(cut + 1);
      }
    }
  })();
  const { port } = (await lines.next()).value as { port: number };
  return {
    port,
    async stop() {
      child.kill('SIGTERM');
      const { peakRssMb } = (await lines.next()).value as { peakRssMb: number };
      await once(child, 'exit');
      return peakRssMb;
    },
  };
}

/** One upload of `file` through the API of a fresh server on `target`: seconds to 201 and the server's peak RSS. */
async function uploadOnce(target: string, file: string, events: number): Promise<Record<string, number>> {
  const server = await startServer(target);
  try {
    const base = `http://127.0.0.1:${server.port}/api`;
    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'analyst', password: DEMO_PASSWORD }) });
    const { token } = (await login.json()) as { token: string };
    const name = file.slice(file.lastIndexOf('/') + 1);
    const query = file.includes('.csv') ? `name=${name}&caseId=case_id&activity=activity&timestamp=timestamp` : `name=${name}`;
    const started = performance.now();
    const response = await fetch(`${base}/insights/logs?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': file.endsWith('.gz') ? 'application/gzip' : file.includes('.csv') ? 'text/csv' : 'application/xml', 'content-length': String(statSync(file).size) },
      body: Readable.toWeb(createReadStream(file, { highWaterMark: 1024 * 1024 })) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const body = (await response.json()) as { events?: number; detail?: string };
    const seconds = (performance.now() - started) / 1000;
    if (response.status !== 201) throw new Error(`upload refused: ${response.status} ${body.detail}`);
    if (body.events !== events) throw new Error(`imported ${body.events} events, expected ${events}`);
    // The next run starts from an empty table, as this one did.
    await fetch(`${base}/insights/logs/${(body as { id: string }).id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    return { s: seconds, peakRssMb: await server.stop() };
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw error;
  }
}

function pm4pyRead(file: string): Record<string, number> {
  const run = spawnSync('python3', [here('./pm4py_read.py'), file], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, PYTHONPATH: fileURLToPath(new URL('../../.tools/python', import.meta.url)), PYTHONWARNINGS: 'ignore', TQDM_DISABLE: '1' },
  });
  const line = run.stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (!line) throw new Error(`pm4py_read.py failed: ${run.stderr.slice(-500)}`);
  const result = JSON.parse(line) as { seconds: number; peakRssMb: number };
  return { s: result.seconds, peakRssMb: result.peakRssMb };
}

/** The comparison for one format; `npm run bench` (bench/run-all.ts) runs the XES one with its defaults. */
export async function runImportSizeBench(args: string[] = []): Promise<void> {
  const argument = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
  const events = Number(argument('--events', process.env.BENCH_EVENTS ?? '1000000'));
  const format = argument('--format', 'xes');
  const dir = join(tmpdir(), 'casemap-import-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `log-${events}.${format}`);
  if (!existsSync(file)) await generate(events, file);
  const zipped = `${file}.gz`;
  if (!existsSync(zipped)) await pipeline(createReadStream(file), createGzip(), createWriteStream(zipped));
  const count = format === 'csv' ? Number(spawnSync('wc', ['-l', file], { encoding: 'utf8' }).stdout.trim().split(' ')[0]) - 1 : Number(spawnSync('grep', ['-c', '<event>', file], { encoding: 'utf8' }).stdout.trim());

  const postgres = await startLocalPostgres({ dir: join(dir, `postgres-${process.pid}`), port: await freePort(), initdb: ['--no-sync'] });
  const url = `postgres://postgres@127.0.0.1:${postgres.port}/postgres`;
  const pm4py = ensurePm4py();
  const contenders: Contender[] = [
    { name: `Casemap API, PostgreSQL, .${format}`, does: `an HTTP upload of the ${mb(statSync(file).size)} MB file to a Casemap process on a local PostgreSQL 15 (COPY, one transaction), timed to its 201.`, run: () => uploadOnce(url, file, count) },
    { name: `Casemap API, PostgreSQL, .${format}.gz`, does: `the same log gzipped (${mb(statSync(zipped).size)} MB), unzipped as it streams.`, run: () => uploadOnce(url, zipped, count) },
  ];
  if (argument('--pglite', 'run') !== 'skip') contenders.push({ name: `Casemap API, PGlite, .${format}`, does: 'the same upload to a Casemap process on its embedded PGlite (in memory, in the process: its RSS includes the database).', run: () => uploadOnce('pglite', file, count) });
  const reference = format === 'csv' ? 'pandas.read_csv + pm4py.format_dataframe' : 'pm4py.read_xes';
  // Issue #20 states its import target against `read_xes`; a CSV import is also timed against it, on
  // the same log written as XES (same seed and size), beside the like-for-like CSV reader.
  const xesOfSameLog = format === 'csv' && argument('--xes-reference', 'run') !== 'skip' ? join(dir, `log-${events}.xes`) : undefined;
  if (xesOfSameLog && !existsSync(xesOfSameLog)) await generate(events, xesOfSameLog);
  const references: string[] = [];
  if (pm4py.available) {
    contenders.push({ name: `PM4Py ${reference}`, does: `PM4Py ${pm4py.version} reads the same .${format} file into its dataframe (its own clock; Python's start excluded).`, run: () => pm4pyRead(file) });
    references.push(`PM4Py ${reference}`);
    if (xesOfSameLog) {
      contenders.push({ name: 'PM4Py pm4py.read_xes, the same log as .xes', does: `PM4Py ${pm4py.version} reads the same log written as XES (${mb(statSync(xesOfSameLog).size)} MB), the reader issue #20 states its target against.`, run: () => pm4pyRead(xesOfSameLog) });
      references.push('PM4Py pm4py.read_xes, the same log as .xes');
    }
  }
  try {
    const comparison = await compare({
      title: `insights: import of a ${count.toLocaleString('en-GB')}-event .${format} log`,
      notes: [
        `Synthetic FNO log (seed 2012): ${count.toLocaleString('en-GB')} events, ${mb(statSync(file).size)} MB; Node ${process.version}; load average at start ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}.`,
        'No warm-up round: every run is a fresh process, so there is nothing to warm; peak RSS is that process\'s.',
        ...(pm4py.available ? [] : [`PM4Py left out (${pm4py.reason}).`]),
      ],
      contenders,
      warmupRounds: 0,
      measures: [
        { key: 's', unit: 's', better: 'lower', digits: 1 },
        { key: 'peakRssMb', unit: 'MB peak RSS', better: 'lower', digits: 0 },
      ],
      ratios: contenders.filter((c) => !references.includes(c.name)).flatMap((c) => references.map((r) => [c.name, r] as [string, string])),
    });
    printComparison(comparison);
  } finally {
    postgres.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [mode, a, b] = process.argv.slice(2);
  if (mode === 'generate') {
    await generate(Number(a), b!);
    console.log(JSON.stringify({ file: b, mb: mb(statSync(b!).size) }));
  } else await runImportSizeBench(process.argv.slice(2));
}
