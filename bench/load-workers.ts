// What the side-by-side benchmarks run on: one Temporal dev server, one store, Casemap's case worker
// and a worker for the hand-written yardstick workflows (bench/handwritten), a client, the task
// queues the workers poll, and one call to stop it all. The store is an in-memory PGlite in this
// process (the dev default), or with BENCH_STORE=postgres a throwaway local PostgreSQL (fsync on):
// the production store, whose work runs in its own processes rather than on the worker's thread.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createProjectionActivities } from '../activities/projection-activities.ts';
import { defaultServiceHandlers } from '../activities/service-handlers/default-handlers.ts';
import { createServiceTaskActivities } from '../activities/service-handlers/registry.ts';
import { createCaseWorker } from '../runtime/case-worker.ts';
import { startTemporalDevServer } from '../runtime/temporal-dev-server.ts';
import { openPglite, openPostgres, type Database } from '../storage/database.ts';
import { migrate } from '../storage/migrate.ts';
import { casemapDataConverter } from '../runtime/casemap-data-converter.ts';
import { startPostgres } from './reliability/postgres-server.ts';
import { createProjectionSink } from './handwritten/projection-sink.ts';

/** BENCH_STORE: `pglite` (default) or `postgres`. */
export function benchStore(): 'pglite' | 'postgres' {
  const store = process.env.BENCH_STORE ?? 'pglite';
  if (store !== 'pglite' && store !== 'postgres') throw new Error(`BENCH_STORE is pglite or postgres, not ${store}`);
  return store;
}

export interface SideBySideWorkers {
  address: string;
  db: Database;
  client: Client;
  casemapQueue: string;
  handwrittenQueue: string;
  /** Resolves once the hand-written 'sink-detached' writes of a case have landed. */
  projectionSettled(caseId: string): Promise<void>;
  stop(): Promise<void>;
}

export interface SideBySideOptions {
  /** Wraps the store the workers and the client use (the profile times its transactions). */
  wrapDb?: (db: Database) => Database;
}

export async function startSideBySideWorkers(prefix: string, options: SideBySideOptions = {}): Promise<SideBySideWorkers> {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // already installed by the caller
  }
  const server = await startTemporalDevServer();
  const { address } = server;
  const postgres = benchStore() === 'postgres' ? await startPostgres() : undefined;
  const store = postgres ? openPostgres(postgres.url) : openPglite();
  await migrate(store);
  const db = options.wrapDb ? options.wrapDb(store) : store;
  const casemapQueue = `${prefix}-casemap-${randomUUID()}`;
  const handwrittenQueue = `${prefix}-handwritten-${randomUUID()}`;
  const nativeConnection = await NativeConnection.connect({ address });
  const casemapWorker = await createCaseWorker({ address, connection: nativeConnection, db, taskQueue: casemapQueue });
  const projectionSink = createProjectionSink(db);
  const handwrittenWorker = await Worker.create({
    connection: nativeConnection,
    taskQueue: handwrittenQueue,
    workflowsPath: fileURLToPath(new URL('./handwritten/workflows.ts', import.meta.url)),
    // The same codec as Casemap's worker, so both sides pay for the same payload path.
    dataConverter: casemapDataConverter(db),
    activities: { ...createProjectionActivities(db), ...createServiceTaskActivities(defaultServiceHandlers) },
    sinks: projectionSink.sinks,
  });
  const running = [casemapWorker.run(), handwrittenWorker.run()];
  const connection = await Connection.connect({ address });
  return {
    address,
    db,
    client: new Client({ connection, dataConverter: casemapDataConverter(db) }),
    casemapQueue,
    handwrittenQueue,
    projectionSettled: projectionSink.settled,
    async stop() {
      casemapWorker.shutdown();
      handwrittenWorker.shutdown();
      await Promise.all(running);
      await connection.close();
      await nativeConnection.close();
      await db.close();
      postgres?.stop();
      await server.stop();
    },
  };
}
