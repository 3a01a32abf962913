// The Temporal cluster of the production topology: schemas applied by temporal-sql-tool, then the
// frontend, history, matching and internal worker services each as its own supervised process,
// all from cluster/temporal/config.yaml (the file docker-compose.yml mounts).
import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import type { ClusterBinaries } from './cluster-binaries.ts';
import { ensureDatabase, type ClusterPostgres } from './cluster-postgres.ts';
import { canBind } from './free-port.ts';
import { superviseProcess, type SupervisedProcess } from './supervised-process.ts';

const run$ = promisify(execFile);

export const TemporalServices = ['frontend', 'history', 'matching', 'worker'] as const;
export type TemporalService = (typeof TemporalServices)[number];

export interface TemporalCluster {
  address: string;
  namespace: string;
  services: Record<TemporalService, SupervisedProcess>;
  /** Each service's Prometheus endpoint (host:port, path /metrics). */
  metricsEndpoints: Record<TemporalService, string>;
  stop(): Promise<void>;
}

export interface TemporalClusterOptions {
  repoRoot: string;
  binaries: ClusterBinaries;
  postgres: ClusterPostgres;
  logDir: string;
  namespace?: string;
  /** Fixed once a cluster's databases exist; a different number later is refused by the server. */
  historyShards?: number;
  log: (line: string) => void;
}

const SCHEMAS = [
  { database: 'temporal', schema: 'postgresql/v12/temporal' },
  { database: 'temporal_visibility', schema: 'postgresql/v12/visibility' },
];

/** Creates the two databases and brings their schemas to the server's version; safe on every start. */
export async function setupTemporalSchemas(binaries: ClusterBinaries, postgres: ClusterPostgres, log: (line: string) => void): Promise<void> {
  for (const { database, schema } of SCHEMAS) {
    await ensureDatabase(postgres, database);
    const tool = (args: string[]) => run$(binaries.sqlTool, ['--plugin', 'postgres12', '--ep', postgres.host, '--port', String(postgres.port), '--user', 'postgres', '--db', database, ...args], { timeout: 120_000 });
    const versioned = await postgres.psql(database, "SELECT 1 FROM pg_tables WHERE tablename = 'schema_version'");
    // setup-schema only creates the version bookkeeping; update-schema applies every newer version,
    // which is also how a server upgrade brings an existing cluster's schema along.
    if (versioned !== '1') await tool(['setup-schema', '-v', '0.0']);
    await tool(['update-schema', '--schema-name', schema]);
    log(`Temporal schema ${database}: ${await postgres.psql(database, 'SELECT curr_version FROM schema_version')}`);
  }
}

const taken = new Set<number>();

/**
 * A free port below 32768: Temporal stores membership ports in a PostgreSQL smallint, so a port of
 * 32768 or more makes a service fail to join its cluster. free-port.ts picks below the kernel's
 * ephemeral range, which is usually but not always below 32768, so the bound is kept here.
 */
async function lowFreePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (taken.has(port)) continue;
    if (!(await canBind(port))) continue;
    taken.add(port);
    return port;
  }
}

function portAnswers(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve();
    });
    socket.on('error', reject);
    socket.setTimeout(1_000, () => socket.destroy(new Error('timeout')));
  });
}

/** The frontend answers a real RPC for the namespace, not just an open port. */
async function namespaceAnswers(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address, connectTimeout: 2_000 });
  try {
    await connection.workflowService.describeNamespace({ namespace });
    await connection.workflowService.listWorkflowExecutions({ namespace, pageSize: 1 });
  } finally {
    await connection.close();
  }
}

async function registerNamespace(address: string, namespace: string, log: (line: string) => void): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('7 days') });
        log(`Temporal namespace ${namespace} registered`);
      } finally {
        await connection.close();
      }
      return;
    } catch (error) {
      // 6 = ALREADY_EXISTS: a restart of an existing cluster.
      if ((error as { code?: number }).code === 6) return;
      if (attempt === 120) throw new Error(`Could not register Temporal namespace ${namespace}: ${String(error)}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

export async function startTemporalCluster(options: TemporalClusterOptions): Promise<TemporalCluster> {
  const { binaries, postgres, log } = options;
  const namespace = options.namespace ?? 'default';
  await setupTemporalSchemas(binaries, postgres, log);
  const ports = Object.fromEntries(await Promise.all(TemporalServices.map(async (service) => [service, { grpc: await lowFreePort(), membership: await lowFreePort(), metrics: await lowFreePort() }] as const))) as Record<TemporalService, { grpc: number; membership: number; metrics: number }>;
  const frontendHttpPort = await lowFreePort();
  const address = `127.0.0.1:${ports.frontend.grpc}`;
  const shared: NodeJS.ProcessEnv = {
    POSTGRES_SEEDS: postgres.host,
    DB_PORT: String(postgres.port),
    POSTGRES_USER: 'postgres',
    NUM_HISTORY_SHARDS: String(options.historyShards ?? 16),
    BIND_ON_IP: '127.0.0.1',
    TEMPORAL_BROADCAST_ADDRESS: '127.0.0.1',
    DYNAMIC_CONFIG_FILE_PATH: join(options.repoRoot, 'cluster', 'temporal', 'dynamicconfig.yaml'),
    FRONTEND_GRPC_PORT: String(ports.frontend.grpc),
    FRONTEND_HTTP_PORT: String(frontendHttpPort),
    FRONTEND_MEMBERSHIP_PORT: String(ports.frontend.membership),
    HISTORY_GRPC_PORT: String(ports.history.grpc),
    HISTORY_MEMBERSHIP_PORT: String(ports.history.membership),
    MATCHING_GRPC_PORT: String(ports.matching.grpc),
    MATCHING_MEMBERSHIP_PORT: String(ports.matching.membership),
    WORKER_GRPC_PORT: String(ports.worker.grpc),
    WORKER_MEMBERSHIP_PORT: String(ports.worker.membership),
  };
  const configFile = join(options.repoRoot, 'cluster', 'temporal', 'config.yaml');
  const launch = (service: TemporalService) =>
    superviseProcess(
      {
        name: `temporal-${service}`,
        command: binaries.server,
        args: ['--config-file', configFile, '--allow-no-auth', 'start', '--service', service],
        env: { ...shared, PROMETHEUS_ENDPOINT: `127.0.0.1:${ports[service].metrics}` },
        logFile: join(options.logDir, `temporal-${service}.log`),
        ready: () => portAnswers(ports[service].grpc),
      },
      log,
    );
  // History first: on a new database every service writes the cluster's metadata record as it
  // starts, and four at once collide on its key (the losers exit and are restarted, slowly).
  const services: Partial<Record<TemporalService, SupervisedProcess>> = { history: launch('history') };
  const stop = async () => {
    await Promise.all(Object.values(services).map((service) => service.stop()));
  };
  try {
    await services.history!.ready();
    for (const service of TemporalServices) services[service] ??= launch(service);
    await Promise.all(Object.values(services).map((service) => service.ready()));
    await registerNamespace(address, namespace, log);
    await waitUntil(() => namespaceAnswers(address, namespace), 120_000, `Temporal namespace ${namespace} at ${address}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    address,
    namespace,
    services: services as Record<TemporalService, SupervisedProcess>,
    metricsEndpoints: Object.fromEntries(TemporalServices.map((service) => [service, `127.0.0.1:${ports[service].metrics}`])) as Record<TemporalService, string>,
    stop,
  };
}

export async function waitUntil(check: () => Promise<unknown>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what} was not ready within ${timeoutMs / 1000} s: ${String(error)}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
