// The size and memory figure of an OCEL 2.0 import: a generated object-centric log (the synthetic FNO
// log exported as OCEL 2.0 JSON: cases, tasks and teams as objects with attributes and object-to-object
// relations, every event related to its case, task and team) imported in a fresh process, on a local
// PostgreSQL or PGlite, printing time, peak RSS, the rows kept (flattened copies; objects, their
// relations and the events themselves) and how long reading the objects back takes.
//   npx tsx bench/insights/ocel-size.ts generate <cases> <file.jsonocel>
//   npx tsx bench/insights/ocel-size.ts import <file.jsonocel> <postgres-url|pglite>
import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { exportOcel } from '../../domain/insights/formats/ocel-export.ts';
import { generateSyntheticLog } from '../../domain/insights/synthetic-log.ts';
import { importLog } from '../../services/imported-logs.ts';
import { openDatabase } from '../../storage/database.ts';
import { migrate } from '../../storage/migrate.ts';
import { keptLogFoldsSettled } from '../../services/kept-log-folds.ts';
import { ocelObjectEvents, ocelObjectGraph, ocelObjectRelations, ocelObjectsPage } from '../../storage/ocel-object-queries.ts';

const [mode, a, b] = process.argv.slice(2);
const mb = (bytes: number) => Math.round(bytes / 1024 ** 2);

if (mode === 'generate') {
  const ocel = exportOcel(generateSyntheticLog({ seed: 2012, cases: Number(a), start: '2011-10-01T00:00:00Z' })) as { objects: unknown[]; events: unknown[] };
  writeFileSync(b!, JSON.stringify(ocel));
  console.log(JSON.stringify({ file: b, mb: mb(statSync(b!).size), events: ocel.events.length, objects: ocel.objects.length }));
} else if (mode === 'import') {
  const db = openDatabase(b === 'pglite' ? {} : { databaseUrl: b });
  await migrate(db);
  const started = performance.now();
  const result = await importLog(db, { body: createReadStream(a!, { highWaterMark: 1024 * 1024 }), format: 'jsonocel', name: 'ocel-size', importedBy: 'bench', maxBytes: 4 * 1024 ** 3 });
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(result.failure.message);
  const count = async (table: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE log_id = $1`, [result.log.id]))[0]!.n;
  const rows = await count('imported_log_events');
  // Migration 021: the objects (with their attributes), their relations and the events themselves.
  const kept = { objects: await count('imported_log_objects'), objectRelations: await count('imported_log_object_relations'), eventRows: await count('imported_log_ocel_events') };
  // What reading the objects back costs on this log: a page, the object with most relations and events (a team: capped lists), the graph.
  const timed = async (read: () => Promise<unknown>) => {
    const t = performance.now();
    await read();
    return Math.round(performance.now() - t);
  };
  const objectReadsMs = {
    page: await timed(() => ocelObjectsPage(db, result.log.id, { q: 'task:' }, { limit: 50, offset: 0 })),
    teamDetail: await timed(async () => {
      const team = (await ocelObjectsPage(db, result.log.id, { type: 'team' }, { limit: 1, offset: 0 })).items[0]!;
      await Promise.all([ocelObjectRelations(db, result.log.id, team.id, 1000), ocelObjectEvents(db, result.log.id, team, 1000)]);
    }),
    graph: await timed(() => ocelObjectGraph(db, result.log.id)),
  };
  console.log(JSON.stringify({
    store: b === 'pglite' ? 'pglite' : 'postgres', fileMb: mb(statSync(a!).size), events: result.log.ocel?.events, objectTypes: result.log.ocel?.objectTypes, storedRows: rows, ...kept, objectReadsMs,
    seconds: Number(seconds.toFixed(1)), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), load: loadavg().map((l) => l.toFixed(1)).join(' '),
  }));
  await keptLogFoldsSettled();
  await db.close();
} else {
  console.error('usage: ocel-size.ts generate <cases> <file.jsonocel> | import <file.jsonocel> <postgres-url|pglite>');
  process.exitCode = 2;
}
