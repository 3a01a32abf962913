// Starts a whole Casemap on one machine: Temporal (dev server unless TEMPORAL_ADDRESS is set), the
// projection store, one worker, the API and the browser app on one port, and in development the
// demo. `npm start` and the end-to-end tests both use it, so what is tested is what runs. This is
// the composition root (stack/): the one library that may import api/ and demo/ besides bin/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { CasemapConfig } from '../runtime/config.ts';
import { startTemporalDevServer, type RunningDevServer } from '../runtime/temporal-dev-server.ts';
import { openDatabase, type Database } from '../storage/database.ts';
import { migrate } from '../storage/migrate.ts';
import { whenDatabaseAnswers } from '../runtime/wait-for-database.ts';
import { createCaseWorker } from '../runtime/case-worker.ts';
import { casemapDataConverter } from '../runtime/casemap-data-converter.ts';
import { seedDemoIdentities } from '../demo/demo-identities.ts';
import { deploySampleLibrary, type SampleResult } from '../runtime/sample-library.ts';
import { startDemoLoad } from '../demo/demo-load.ts';
import { createCasemapApp } from '../api/app.ts';
import { startOwnCase } from '../services/case-start.ts';
import { keptLogFoldsSettled } from '../services/kept-log-folds.ts';
import { caseLogCatchUpSettled, startCaseLogCatchUp } from '../services/case-log-folds.ts';
import type { RouteTable } from '../api/routes/route.ts';

export interface RunningCasemap {
  url: string;
  temporalAddress: string;
  temporalUiUrl?: string;
  db: Database;
  client: Client;
  samples: SampleResult[];
  /** The API's route table (absent for a worker-only process); tests walk it. */
  routes?: RouteTable;
  stop(): Promise<void>;
}

export interface StackOptions {
  config: CasemapConfig;
  /** Which parts this process runs; production runs API and workers as separate services. */
  parts?: { worker: boolean; api: boolean };
  staticDir?: string;
  log?: (line: string) => void;
}

export async function startCasemap({ config, staticDir, parts = { worker: true, api: true }, log = () => {} }: StackOptions): Promise<RunningCasemap> {
  mkdirSync(config.dataDir, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error) => log(`while stopping: ${error}`));
  };
  try {
    let devServer: RunningDevServer | undefined;
    if (!config.temporalAddress) {
      devServer = await startTemporalDevServer({ dbFilename: join(config.dataDir, 'temporal.sqlite'), port: config.temporalPort, uiPort: config.temporalUiPort, log });
      stops.push(() => devServer!.stop());
    }
    const temporalAddress = config.temporalAddress ?? devServer!.address;

    const db = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : join(config.dataDir, 'pglite') });
    stops.push(() => db.close());
    // Stops run last first: folds started after an import end before the database closes.
    stops.push(() => keptLogFoldsSettled());
    stops.push(() => caseLogCatchUpSettled());
    // A worker or API started while PostgreSQL restarts waits for it rather than exiting (seen in
    // the reliability runs, at either step); both are safe to run again.
    await whenDatabaseAnswers(async () => {
      await migrate(db);
      if (!config.production) await seedDemoIdentities(db);
    }, { log });
    // Cases that ended before their ends were folded (migration 020) join the insight aggregates, without delaying start-up.
    void startCaseLogCatchUp(db, log);

    const connection = await Connection.connect({ address: temporalAddress });
    stops.push(() => connection.close());
    const client = new Client({ connection, namespace: config.temporalNamespace, dataConverter: casemapDataConverter(db) });

    if (parts.worker) {
      const workerConnection = await NativeConnection.connect({ address: temporalAddress });
      stops.push(() => workerConnection.close());
      const worker = await createCaseWorker({ address: temporalAddress, namespace: config.temporalNamespace, taskQueue: config.taskQueue, db, connection: workerConnection });
      const workerRun = worker.run();
      stops.push(async () => {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await workerRun;
      });
    }

    const samples = config.loadSamples && parts.api ? await deploySampleLibrary(db, join(config.repoRoot, 'processes')) : [];

    let url = '';
    let routes: RouteTable | undefined;
    if (parts.api) {
      const { app, routes: table } = createCasemapApp({ db, client, taskQueue: config.taskQueue, staticDir, secureCookies: config.production, trustProxy: config.trustProxy, sessionIdleMinutes: config.sessionIdleMinutes, oidc: config.oidc, temporalUiUrl: config.temporalUiUrl ?? devServer?.uiUrl });
      routes = table;
      const server = await new Promise<Server>((resolve, reject) => {
        const listening = app.listen(config.port, config.host, () => resolve(listening)).on('error', reject);
      });
      server.requestTimeout = config.requestTimeoutMs;
      stops.push(
        () =>
          new Promise((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      );
      const { port } = server.address() as AddressInfo;
      url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
      if (config.demoLoad.enabled && config.loadSamples) {
        const demo = startDemoLoad({ db, client, log, startCase: (request) => startOwnCase({ db, client, taskQueue: config.taskQueue }, request) }, { ...config.demoLoad, installation: config.taskQueue });
        stops.push(() => demo.stop());
      }
    }

    return {
      url,
      temporalAddress,
      temporalUiUrl: config.temporalUiUrl ?? devServer?.uiUrl,
      db,
      client,
      samples,
      routes,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
