// Imports a BPI-2012-sized synthetic XES log (13k cases, about 300k events, 130 MB of Casemap's XES; gzipped too) through the streaming import into PGlite, printing time and peak memory.
//   npx tsx bench/insights/import-size.ts generate 13000 /tmp/log.xes   (writes the file, .gz gzips it)
//   npx tsx bench/insights/import-size.ts import /tmp/log.xes           (a fresh process, so its peak RSS is the import's)
import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { openPglite } from '../../storage/database.ts';
import { migrate } from '../../storage/migrate.ts';
import { importLog } from '../../services/imported-logs.ts';
import { keptLogFoldsSettled } from '../../services/kept-log-folds.ts';
import { generateSyntheticLog } from '../../domain/insights/synthetic-log.ts';
import { exportXes } from '../../domain/insights/formats/xes-export.ts';

const [mode, a, b] = process.argv.slice(2);
const mb = (n: number) => Number((n / 1024 ** 2).toFixed(0));

if (mode === 'generate') {
  const xes = Buffer.from(exportXes(generateSyntheticLog({ seed: 2012, cases: Number(a), start: '2011-10-01T00:00:00Z' })));
  writeFileSync(b!, b!.endsWith('.gz') ? gzipSync(xes) : xes);
  console.log(JSON.stringify({ file: b, xesMb: mb(xes.length), events: (xes.toString('latin1').match(/<event>/g) ?? []).length }));
} else if (mode === 'import') {
  const db = openPglite();
  await migrate(db);
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const result = await importLog(db, { body: createReadStream(a!, { highWaterMark: 65_536 }), format: 'xes', name: 'bpi-sized', importedBy: 'bench', maxBytes: 1024 ** 3 });
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(result.failure.message);
  console.log(JSON.stringify({
    file: a,
    fileMb: mb(statSync(a!).size),
    cases: result.log.cases,
    events: result.log.events,
    seconds: Number(seconds.toFixed(1)),
    rssBeforeMb: mb(before),
    // maxRSS is in KiB; it includes PGlite (PostgreSQL compiled to WebAssembly, in this process).
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
  }));
  // The analytical store's fold runs after the import commits (not in its figures): let it end before closing.
  await keptLogFoldsSettled();
  await db.close();
} else {
  console.error('usage: import-size.ts generate <cases> <file.xes[.gz]> | import <file.xes[.gz]>');
  process.exitCode = 2;
}
