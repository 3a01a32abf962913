// The production topology on one machine (`npm run start:cluster`, tests/cluster/): PostgreSQL, a
// Temporal cluster of four services on it, N Casemap API replicas behind HAProxy and M workers, all
// on one projection database and one task queue. Each process is supervised (restarted when it
// dies), which is what lets the cluster test kill -9 any of them while cases run.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildBrowserApp } from './browser-app.ts';
import { requireClusterBinaries } from './cluster-binaries.ts';
import { ensureDatabase, startClusterPostgres, type ClusterPostgres } from './cluster-postgres.ts';
import { startCasemapPool, type CasemapPool } from './casemap-pool.ts';
import { startTemporalCluster, type TemporalCluster } from './cluster-temporal.ts';
import { freePort } from './free-port.ts';

export interface ClusterTopologyOptions {
  repoRoot: string;
  /** Where PostgreSQL keeps its data and each process its log; kept across starts unless `throwaway`. */
  dir: string;
  throwaway?: boolean;
  /** The load balancer's port (0: any free port). */
  port: number;
  /** API replicas behind HAProxy (default 2); HAProxy's servers file is written for this many. */
  apis?: number;
  /** Workers on the one task queue (default 2). */
  workers?: number;
  taskQueue?: string;
  /** Extra environment for every Casemap process (NODE_ENV, CASEMAP_LOAD_SAMPLES, …). */
  casemapEnv?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export interface ClusterTopology extends Omit<CasemapPool, 'stop' | 'killSync'> {
  databaseUrl: string;
  postgres: ClusterPostgres;
  temporal: TemporalCluster;
  logDir: string;
  stop(): Promise<void>;
}

const PROJECTION_DATABASE = 'casemap';

/** What every Casemap process of a pool is told: where Temporal and its projection are, and how it is reached. */
export function casemapProcessEnv(options: { temporalAddress: string; namespace: string; databaseUrl: string; taskQueue: string; dataDir: string }): NodeJS.ProcessEnv {
  return {
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_NAMESPACE: options.namespace,
    DATABASE_URL: options.databaseUrl,
    CASEMAP_TASK_QUEUE: options.taskQueue,
    CASEMAP_DATA_DIR: options.dataDir,
    HOST: '127.0.0.1',
    // Only HAProxy on this machine forwards requests, so its X-Forwarded-For is the client's.
    CASEMAP_TRUST_PROXY: 'loopback',
    // Each replica would run its own demo load: the demo is for one machine.
    CASEMAP_DEMO_LOAD: 'false',
  };
}

export async function startClusterTopology(options: ClusterTopologyOptions): Promise<ClusterTopology> {
  const log = options.log ?? (() => {});
  const binaries = requireClusterBinaries({ log });
  const logDir = join(options.dir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  const hardStops: (() => void)[] = [];
  // If this process is interrupted, none of its children may outlive it.
  const onExit = () => hardStops.forEach((stop) => stop());
  process.once('exit', onExit);
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch((error: unknown) => log(`while stopping: ${String(error)}`));
    process.off('exit', onExit);
    if (options.throwaway) rmSync(options.dir, { recursive: true, force: true });
  };
  try {
    const postgres = await startClusterPostgres(join(options.dir, 'postgres'), await freePort());
    stops.push(() => postgres.stop());
    log(`PostgreSQL on ${postgres.host}:${postgres.port}`);
    await ensureDatabase(postgres, PROJECTION_DATABASE);
    const databaseUrl = postgres.urlOf(PROJECTION_DATABASE);

    const temporal = await startTemporalCluster({ repoRoot: options.repoRoot, binaries, postgres, logDir, log });
    stops.push(() => temporal.stop());
    for (const service of Object.values(temporal.services)) hardStops.push(() => service.killSync());
    log(`Temporal cluster: frontend ${temporal.address}, namespace ${temporal.namespace}`);

    // Built once here: replicas starting together would otherwise each run Vite on the same folder.
    await buildBrowserApp(options.repoRoot, log);
    const env = casemapProcessEnv({ temporalAddress: temporal.address, namespace: temporal.namespace, databaseUrl, taskQueue: options.taskQueue ?? 'casemap-cases', dataDir: join(options.dir, 'casemap') });
    const pool = await startCasemapPool({ repoRoot: options.repoRoot, logDir, env: { ...env, ...options.casemapEnv }, apis: options.apis ?? 2, workers: options.workers ?? 2, port: options.port, log });
    stops.push(() => pool.stop());
    return { url: pool.url, apis: pool.apis, workers: pool.workers, haproxy: pool.haproxy, databaseUrl, postgres, temporal, logDir, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
