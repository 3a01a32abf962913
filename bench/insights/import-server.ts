// One Casemap API process for the import benchmark (bench/insights/import-size.ts): the real app and
// route table (sign-in, access rules, the streaming upload route) on PostgreSQL or an in-memory PGlite,
// in a process of its own so that its peak RSS is the import's. Temporal is never called by an
// import, so the client's connection is lazy and never opened.
//   npx tsx bench/insights/import-server.ts postgres://…   |   npx tsx bench/insights/import-server.ts pglite
// Prints {"port": n} once listening; on SIGTERM prints {"peakRssMb": n} and exits.
import { Client, Connection } from '@temporalio/client';
import { createCasemapApp } from '../../api/app.ts';
import { seedDemoIdentities } from '../../demo/demo-identities.ts';
import { openDatabase } from '../../storage/database.ts';
import { migrate } from '../../storage/migrate.ts';
import { keptLogFoldsSettled } from '../../services/kept-log-folds.ts';

const target = process.argv[2] ?? 'pglite';
const db = openDatabase(target === 'pglite' ? {} : { databaseUrl: target });
await migrate(db);
await seedDemoIdentities(db);
const client = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
const { app } = createCasemapApp({ db, client, taskQueue: 'import-bench' });
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
});
// An upload is read as it is imported, so receiving it lasts the whole import; Node's default of 300 s
// for receiving a request answers a long import (PGlite, a loaded machine) with 408.
server.requestTimeout = 0;
process.on('SIGTERM', () => {
  // The analytical store's fold runs after the upload is answered (not in the timed part); it is
  // waited for, so the peak RSS printed covers the import and the fold after it.
  void keptLogFoldsSettled().then(() => {
    // maxRSS is in KiB; for PGlite it includes the database, which runs inside this process.
    console.log(JSON.stringify({ peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
    server.close();
    return db.close();
  }).finally(() => process.exit(0));
});
