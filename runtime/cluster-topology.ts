// The production topology on one machine (`npm run start:cluster`, tests/cluster/): PostgreSQL, a
// Temporal cluster of four services on it, N Casemap API replicas behind HAProxy and M workers, all
// on one projection database and one task queue. Each process is supervised (restarted when it
// dies), which is what lets the cluster test kill -9 any of them while cases run.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildBrowserApp } from './browser-app.ts';
import { requireClusterBinaries } from './cluster-binaries.ts';
import { ensureDatabase, startClusterPostgres, type ClusterPostgres } from './cluster-postgres.ts';
import { superviseProcess, type ProcessRun, type SupervisedProcess } from './supervised-process.ts';
import { startTemporalCluster, waitUntil, type TemporalCluster } from './cluster-temporal.ts';
import { freePort } from './free-port.ts';
import { WORKER_METRICS_ADDRESS_ENV } from './worker-telemetry.ts';

export interface ClusterTopologyOptions {
  repoRoot: string;
  /** Where PostgreSQL keeps its data and each process its log; kept across starts unless `throwaway`. */
  dir: string;
  throwaway?: boolean;
  /** The load balancer's port (0: any free port). */
  port: number;
  workers?: number;
  taskQueue?: string;
  /** Extra environment for every Casemap process (NODE_ENV, CASEMAP_LOAD_SAMPLES, …). */
  casemapEnv?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export interface ClusterTopology {
  /** The load balancer: the one URL users and clients use. */
  url: string;
  databaseUrl: string;
  postgres: ClusterPostgres;
  temporal: TemporalCluster;
  apis: { process: SupervisedProcess; url: string }[];
  workers: { process: SupervisedProcess; metricsUrl: string }[];
  haproxy: { process: SupervisedProcess; statsUrl: string };
  logDir: string;
  stop(): Promise<void>;
}

const PROJECTION_DATABASE = 'casemap';
/** cluster/haproxy/haproxy.cfg names two servers; a third replica needs a third `server` line there. */
const API_REPLICAS = 2;

async function answersReady(url: string): Promise<void> {
  const response = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(3_000) });
  if (response.status !== 200) throw new Error(`${url}/ready answered ${response.status}`);
}

export async function startClusterTopology(options: ClusterTopologyOptions): Promise<ClusterTopology> {
  const log = options.log ?? (() => {});
  const binaries = requireClusterBinaries({ log });
  const logDir = join(options.dir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  const hardStops: (() => void)[] = [];
  // If this process is interrupted, none of its children may outlive it (an orphaned worker would
  // take tasks from the next run).
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
    const casemapEnv: NodeJS.ProcessEnv = {
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      DATABASE_URL: databaseUrl,
      CASEMAP_TASK_QUEUE: options.taskQueue ?? 'casemap-cases',
      CASEMAP_DATA_DIR: join(options.dir, 'casemap'),
      HOST: '127.0.0.1',
      // Only HAProxy on this machine forwards requests, so its X-Forwarded-For is the client's.
      CASEMAP_TRUST_PROXY: 'loopback',
      // Each replica would run its own demo load: the demo is for one machine.
      CASEMAP_DEMO_LOAD: 'false',
      ...options.casemapEnv,
    };
    const casemap = (name: string, command: 'serve' | 'worker', env: NodeJS.ProcessEnv, ready: (run: ProcessRun) => Promise<void>) =>
      superviseProcess({ name, command: process.execPath, args: ['--import', 'tsx', join(options.repoRoot, 'bin', 'casemap.ts'), command], env: { ...casemapEnv, ...env }, logFile: join(logDir, `${name}.log`), ready }, log);

    const workers = await Promise.all(
      Array.from({ length: options.workers ?? 2 }, async (_, i) => {
        const metricsPort = await freePort();
        const worker = casemap(`worker-${i + 1}`, 'worker', { [WORKER_METRICS_ADDRESS_ENV]: `127.0.0.1:${metricsPort}` }, async (run) => {
          if (!/worker polling task queue/.test(run.output())) throw new Error('not polling yet');
        });
        stops.push(() => worker.stop());
        hardStops.push(() => worker.killSync());
        return { process: worker, metricsUrl: `http://127.0.0.1:${metricsPort}/metrics` };
      }),
    );
    const apis = await Promise.all(
      Array.from({ length: API_REPLICAS }, async (_, i) => {
        const port = await freePort();
        const url = `http://127.0.0.1:${port}`;
        const api = casemap(`api-${i + 1}`, 'serve', { PORT: String(port) }, () => answersReady(url));
        stops.push(() => api.stop());
        hardStops.push(() => api.killSync());
        return { process: api, url };
      }),
    );
    await Promise.all([...workers, ...apis].map((part) => part.process.ready()));
    log(`${apis.length} API replicas and ${workers.length} workers ready`);

    const lbPort = options.port || (await freePort());
    const statsPort = await freePort();
    const haproxy = superviseProcess(
      {
        name: 'haproxy',
        command: 'haproxy',
        // -db: stay in the foreground under the supervisor; -W: master-worker, so reloads work.
        args: ['-W', '-db', '-f', join(options.repoRoot, 'cluster', 'haproxy', 'haproxy.cfg')],
        env: { CASEMAP_LB_BIND: `127.0.0.1:${lbPort}`, CASEMAP_LB_STATS_BIND: `127.0.0.1:${statsPort}`, ...Object.fromEntries(apis.map((api, i) => [`CASEMAP_API${i + 1}`, api.url.replace('http://', '')])) },
        logFile: join(logDir, 'haproxy.log'),
        ready: () => answersReady(`http://127.0.0.1:${lbPort}`),
      },
      log,
    );
    stops.push(() => haproxy.stop());
    hardStops.push(() => haproxy.killSync());
    await haproxy.ready();
    const url = `http://127.0.0.1:${lbPort}`;
    await waitUntil(() => answersReady(url), 60_000, `HAProxy at ${url}`);
    return { url, databaseUrl, postgres, temporal, apis, workers, haproxy: { process: haproxy, statsUrl: `http://127.0.0.1:${statsPort}/` }, logDir, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
