// Casemap scaled out on one Temporal service and one projection database: N API replicas behind
// HAProxy and M workers on one task queue, each a supervised process. The cluster topology starts
// one pool; the scale benchmark starts several side by side (bench/cluster-scale.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port.ts';
import { haproxyServersConfig } from './haproxy-servers.ts';
import { superviseProcess, type ProcessRun, type SupervisedProcess } from './supervised-process.ts';
import { WORKER_METRICS_ADDRESS_ENV } from './worker-telemetry.ts';

export interface CasemapPoolOptions {
  repoRoot: string;
  /** Where each process writes its log, and HAProxy's generated servers file is kept. */
  logDir: string;
  /** Prefix of the processes' names (and log files), so several pools can share one folder. */
  name?: string;
  /** Environment of every Casemap process: TEMPORAL_ADDRESS, DATABASE_URL, CASEMAP_TASK_QUEUE, … */
  env: NodeJS.ProcessEnv;
  apis: number;
  workers: number;
  /** The load balancer's port (0: any free port). */
  port: number;
  log: (line: string) => void;
}

export interface CasemapPool {
  /** The load balancer: the one URL users and clients use. */
  url: string;
  apis: { process: SupervisedProcess; url: string }[];
  workers: { process: SupervisedProcess; metricsUrl: string }[];
  haproxy: { process: SupervisedProcess; statsUrl: string };
  /** kill -9 of every process now, synchronously (done by itself when this process exits). */
  killSync(): void;
  stop(): Promise<void>;
}

export async function answersReady(url: string): Promise<void> {
  const response = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(3_000) });
  if (response.status !== 200) throw new Error(`${url}/ready answered ${response.status}`);
}

/** Starts the workers and API replicas, then HAProxy over the replicas; resolves once HAProxy serves. */
export async function startCasemapPool(options: CasemapPoolOptions): Promise<CasemapPool> {
  const { log } = options;
  if (!Number.isInteger(options.apis) || options.apis < 1) throw new Error(`A pool needs a whole number of API replicas, at least 1; got ${options.apis}.`);
  if (!Number.isInteger(options.workers) || options.workers < 1) throw new Error(`A pool needs a whole number of workers, at least 1; got ${options.workers}.`);
  const prefix = options.name ? `${options.name}-` : '';
  const started: SupervisedProcess[] = [];
  const killSync = () => started.forEach((child) => child.killSync());
  // If this process is interrupted, none of its children may outlive it (an orphaned worker would
  // take tasks from the next run).
  process.once('exit', killSync);
  const stop = async () => {
    process.off('exit', killSync);
    // HAProxy first, then the replicas, the workers last: nothing is sent to a process already gone.
    for (const child of started.splice(0).reverse()) await child.stop().catch((error: unknown) => log(`while stopping ${child.name}: ${String(error)}`));
  };
  const casemap = (name: string, command: 'serve' | 'worker', env: NodeJS.ProcessEnv, ready: (run: ProcessRun) => Promise<void>) => {
    const child = superviseProcess({ name: `${prefix}${name}`, command: process.execPath, args: ['--import', 'tsx', join(options.repoRoot, 'bin', 'casemap.ts'), command], env: { ...options.env, ...env }, logFile: join(options.logDir, `${prefix}${name}.log`), ready }, log);
    started.push(child);
    return child;
  };
  try {
    const workers = await Promise.all(
      Array.from({ length: options.workers }, async (_, i) => {
        const metricsPort = await freePort();
        const worker = casemap(`worker-${i + 1}`, 'worker', { [WORKER_METRICS_ADDRESS_ENV]: `127.0.0.1:${metricsPort}` }, async (run) => {
          if (!/worker polling task queue/.test(run.output())) throw new Error('not polling yet');
        });
        return { process: worker, metricsUrl: `http://127.0.0.1:${metricsPort}/metrics` };
      }),
    );
    const apis = await Promise.all(
      Array.from({ length: options.apis }, async (_, i) => {
        const port = await freePort();
        const url = `http://127.0.0.1:${port}`;
        return { process: casemap(`api-${i + 1}`, 'serve', { PORT: String(port) }, () => answersReady(url)), url };
      }),
    );
    await Promise.all([...workers, ...apis].map((part) => part.process.ready()));
    log(`${prefix}${apis.length} API replica(s) and ${workers.length} worker(s) ready`);

    const lbPort = options.port || (await freePort());
    const statsPort = await freePort();
    const url = `http://127.0.0.1:${lbPort}`;
    const serversFile = join(options.logDir, `${prefix}haproxy-servers.cfg`);
    writeFileSync(serversFile, haproxyServersConfig(apis.map((api) => api.url.replace('http://', ''))));
    const haproxy = superviseProcess(
      {
        name: `${prefix}haproxy`,
        command: 'haproxy',
        // -db: stay in the foreground under the supervisor; -W: master-worker, so reloads work.
        args: ['-W', '-db', '-f', join(options.repoRoot, 'cluster', 'haproxy', 'haproxy.cfg'), '-f', serversFile],
        env: { CASEMAP_LB_BIND: `127.0.0.1:${lbPort}`, CASEMAP_LB_STATS_BIND: `127.0.0.1:${statsPort}` },
        logFile: join(options.logDir, `${prefix}haproxy.log`),
        ready: () => answersReady(url),
      },
      log,
    );
    started.push(haproxy);
    await haproxy.ready();
    return {
      url,
      apis,
      workers,
      haproxy: { process: haproxy, statsUrl: `http://127.0.0.1:${statsPort}/` },
      killSync,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
