// `casemap start:cluster`: the production topology on this machine (PostgreSQL, a Temporal cluster
// of four services, API replicas behind HAProxy and workers, two of each unless told) until Ctrl-C. Data stays in
// .data/cluster/ between starts, as a real installation's would (docs/operations.md).
import { join } from 'node:path';
import { readConfig } from '../runtime/config.ts';
import { startClusterTopology } from '../runtime/cluster-topology.ts';
import { DEMO_PASSWORD, demoUsers } from '../demo/demo-identities.ts';

export async function startCluster(log: (line: string) => void): Promise<void> {
  const config = readConfig();
  const cluster = await startClusterTopology({
    repoRoot: config.repoRoot,
    dir: join(config.dataDir, 'cluster'),
    port: Number(process.env.CASEMAP_LB_PORT ?? 8080),
    apis: Number(process.env.CASEMAP_API_REPLICAS ?? 2),
    workers: Number(process.env.CASEMAP_WORKERS ?? 2),
    casemapEnv: { NODE_ENV: config.production ? 'production' : 'development' },
    log,
  });
  console.log(`
  Casemap (HAProxy)   ${cluster.url}
  API replicas        ${cluster.apis.map((api) => api.url).join(', ')}  (each: /health, /ready, /metrics)
  Worker metrics      ${cluster.workers.map((worker) => worker.metricsUrl).join(', ')}
  HAProxy stats       ${cluster.haproxy.statsUrl}  (Prometheus: /metrics)
  Temporal frontend   ${cluster.temporal.address}  (namespace ${cluster.temporal.namespace})
  Temporal metrics    ${Object.entries(cluster.temporal.metricsEndpoints).map(([service, endpoint]) => `${service} http://${endpoint}/metrics`).join(', ')}
  PostgreSQL          ${cluster.databaseUrl}
  Logs                ${cluster.logDir}
`);
  if (!config.production) console.log(`  Demo users, password "${DEMO_PASSWORD}": ${demoUsers.map((user) => user.username).join(', ')}\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping the cluster …`);
    await cluster.stop();
    log(`stopped; data kept in ${join(config.dataDir, 'cluster')}`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
