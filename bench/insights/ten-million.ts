// A 10M-event log end to end on a local PostgreSQL, each step in a fresh process so its peak RSS is
// its own: generate the CSV (ten seeded parts of the synthetic FNO log, case ids prefixed per part),
// import it through the streaming import (COPY, one transaction) and its fold into the aggregates,
// then every question the analytical store answers, then the full bottleneck report read case by
// case (services/imported-logs.ts logTraces). Prints one JSON line per step.
//   npx tsx bench/insights/ten-million.ts generate <file.csv> [parts]
//   npx tsx bench/insights/ten-million.ts import <file.csv> <postgres-url>
//   npx tsx bench/insights/ten-million.ts aggregates <log-id> <postgres-url>   (DFG whole/days/team, variants, handoffs, waiting vs working; each asked 3 times)
//   npx tsx bench/insights/ten-million.ts report <log-id> <postgres-url>
//   npx tsx bench/insights/ten-million.ts report-whole <log-id> <postgres-url>   (the whole log read as events first, as before)
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { analyseLog, analyseTraces } from '../../domain/insights/analyse.ts';
import { csvColumns, csvRecords } from '../../domain/insights/formats/csv-export.ts';
import { writeCsv } from '../../domain/insights/formats/csv.ts';
import { generateSyntheticLog } from '../../domain/insights/synthetic-log.ts';
import { importLog, logEvents, logTraces } from '../../services/imported-logs.ts';
import { openPostgres } from '../../storage/database.ts';
import { migrate } from '../../storage/migrate.ts';
import type { UserRecord } from '../../storage/identity-store.ts';
import { keptLogFoldsSettled } from '../../services/kept-log-folds.ts';
import { keptLogAnswer, scopeDfg, scopeHandoffs, scopeReport, scopeTimeSplit, type AggregateScope, type ScopeAnswer } from '../../services/insight-aggregates.ts';

const [mode, a, b] = process.argv.slice(2);
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const seconds = (from: number, to: number) => Math.round((to - from) / 100) / 10;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const analyst = { id: 'bench', username: 'bench', roles: ['admin'] } as unknown as UserRecord;

if (mode === 'generate') {
  const parts = Number(b ?? 10);
  const lines = (function* () {
    yield writeCsv([[...csvColumns]]);
    for (let part = 0; part < parts; part += 1) {
      // One part at a time: the whole synthetic log of 10M events would not fit in memory as events.
      const log = generateSyntheticLog({ seed: 2012 + part, cases: 41_300, start: '2011-10-01T00:00:00Z' });
      for (const record of csvRecords(log)) yield writeCsv([[`p${part}-${record[0]}`, ...record.slice(1)]]);
    }
  })();
  await pipeline(Readable.from(lines), createWriteStream(a!));
  console.log(JSON.stringify({ step: 'generate', file: a, mb: Math.round(statSync(a!).size / 1024 ** 2) }));
} else if (mode === 'import') {
  const db = openPostgres(b!);
  await migrate(db);
  const started = performance.now();
  const result = await importLog(db, {
    body: createReadStream(a!, { highWaterMark: 1024 * 1024 }), format: 'csv', name: '10m.csv', importedBy: analyst.id,
    mapping: { caseId: 'case_id', activity: 'activity', timestamp: 'timestamp' }, maxBytes: 4 * 1024 ** 3,
  });
  if (!result.ok) throw new Error(result.failure.message);
  const imported = performance.now();
  console.log(JSON.stringify({ step: 'import', id: result.log.id, events: result.log.events, cases: result.log.cases, seconds: seconds(started, imported), peakRssMb: peakMb(), load: load() }));
  // The fold starts once the import commits (services/kept-log-folds.ts); its end is the store being ready.
  await keptLogFoldsSettled();
  console.log(JSON.stringify({ step: 'fold', seconds: seconds(imported, performance.now()), peakRssMb: peakMb(), load: load() }));
  await db.close();
} else if (mode === 'aggregates') {
  const db = openPostgres(b!);
  // As the routes do: the question read beside the log's look-up (found, the caller may see it, folded).
  const inScope = (ask: (scope: AggregateScope) => Promise<ScopeAnswer<unknown>>) => async () => {
    const answer = await keptLogAnswer(db, analyst, a!, ask);
    if (answer === undefined) throw new Error(`no log ${a}`);
    return answer;
  };
  const questions: Record<string, () => Promise<unknown>> = {
    dfgWhole: inScope((scope) => scopeDfg(db, scope, {})),
    dfgDays: inScope((scope) => scopeDfg(db, scope, { from: '2011-11-15', to: '2012-05-10' })),
    dfgTeam: inScope((scope) => scopeDfg(db, scope, { team: 'fno-returns' })),
    variantsRework: inScope((scope) => scopeReport(db, scope, {}, { maxVariants: 50, maxReworkCases: 50 })),
    handoffs: inScope((scope) => scopeHandoffs(db, scope, {})),
    waitingVsWorking: inScope((scope) => scopeTimeSplit(db, scope, {})),
  };
  const ms: Record<string, number[]> = {};
  for (let round = 0; round < 3; round += 1) {
    for (const [name, ask] of Object.entries(questions)) {
      const started = performance.now();
      await ask();
      (ms[name] ??= []).push(Math.round((performance.now() - started) * 10) / 10);
    }
  }
  console.log(JSON.stringify({ step: 'aggregates', ms, peakRssMb: peakMb(), load: load() }));
  await db.close();
} else if (mode === 'report') {
  const db = openPostgres(b!);
  const started = performance.now();
  const found = await logTraces(db, analyst, a!);
  if (!found) throw new Error(`no log ${a}`);
  const read = performance.now();
  const report = analyseTraces(found.traces, { now: found.now });
  const done = performance.now();
  console.log(JSON.stringify({
    step: 'report', cases: report.cases.total, events: report.events, dfgEdges: report.directlyFollows.edges.length,
    readSeconds: Math.round((read - started) / 100) / 10, analyseSeconds: Math.round((done - read) / 100) / 10, peakRssMb: peakMb(), load: load(),
  }));
  await keptLogFoldsSettled();
  await db.close();
} else if (mode === 'report-whole') {
  const db = openPostgres(b!);
  const started = performance.now();
  const found = await logEvents(db, analyst, a!);
  if (!found) throw new Error(`no log ${a}`);
  const read = performance.now();
  const now = found.events.reduce((max, e) => (e.at > max ? e.at : max), found.events[0]!.at);
  const report = analyseLog(found.events, { now });
  const done = performance.now();
  console.log(JSON.stringify({
    step: 'report-whole', cases: report.cases.total, events: report.events, dfgEdges: report.directlyFollows.edges.length,
    readSeconds: Math.round((read - started) / 100) / 10, analyseSeconds: Math.round((done - read) / 100) / 10, peakRssMb: peakMb(), load: load(),
  }));
  await keptLogFoldsSettled();
  await db.close();
} else {
  console.error('usage: ten-million.ts generate <file.csv> [parts] | import <file.csv> <postgres-url> | aggregates|report|report-whole <log-id> <postgres-url>');
  process.exitCode = 2;
}
