// Scale figures of the production topology (issue #19), by the shared method (bench/method): shape (b)
// cases (five caseworker steps, bench/shapes.ts) through the HTTP API behind HAProxy, closed loop,
// on four Casemap pools started side by side and kept running, so every round runs every contender:
// - cluster, 1 API, 1 worker; cluster, 1 API, 2 workers; cluster, 2 APIs, 2 workers — one Temporal
//   cluster (frontend, history, matching, worker services) on PostgreSQL, each pool on its own task queue;
// - dev server, 1 API, 1 worker — the single-process Temporal dev server (SQLite in memory).
// Every pool has its own projection database on the one PostgreSQL server and its own HAProxy.
// Run: npm run bench:cluster   (SCALE_DRIVERS=8 SCALE_SECONDS=15; BENCH_ROUNDS ≥ 5; `-- --smoke`
// for a quick check that it all works: 2 drivers, 2 s, 5 rounds, no warm-up). Needs haproxy and
// the Temporal server binaries (`npm run provision:cluster`).
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildBrowserApp } from '../runtime/browser-app.ts';
import { requireClusterBinaries } from '../runtime/cluster-binaries.ts';
import { ensureDatabase, startClusterPostgres } from '../runtime/cluster-postgres.ts';
import { startCasemapPool, type CasemapPool } from '../runtime/casemap-pool.ts';
import { startTemporalCluster } from '../runtime/cluster-temporal.ts';
import { casemapProcessEnv } from '../runtime/cluster-topology.ts';
import { freePort } from '../runtime/free-port.ts';
import { startTemporalDevServer } from '../runtime/temporal-dev-server.ts';
import { DEMO_PASSWORD } from '../demo/demo-identities.ts';
import { compile } from '../domain/compile/compile.ts';
import { openPostgres } from '../storage/database.ts';
import { deployVersion } from '../storage/definition-store.ts';
import { compare, type Comparison, type Contender } from './method/compare.ts';
import { printComparison } from './method/print-comparison.ts';
import { quantile } from './method/statistics.ts';
import { shapes } from './shapes.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const shape = shapes.find((candidate) => candidate.key === 'user-tasks')!;

interface PoolPlan {
  name: string;
  temporal: 'cluster' | 'dev server';
  apis: number;
  workers: number;
  does: string;
}

const plans: PoolPlan[] = [
  { name: 'cluster, 1 API, 1 worker', temporal: 'cluster', apis: 1, workers: 1, does: 'the Temporal cluster on PostgreSQL; one API replica behind HAProxy, one worker.' },
  { name: 'cluster, 1 API, 2 workers', temporal: 'cluster', apis: 1, workers: 2, does: 'the Temporal cluster; one API replica behind HAProxy, two workers on its task queue.' },
  { name: 'cluster, 2 APIs, 2 workers', temporal: 'cluster', apis: 2, workers: 2, does: 'the Temporal cluster; two API replicas behind HAProxy (round robin), two workers.' },
  { name: 'dev server, 1 API, 1 worker', temporal: 'dev server', apis: 1, workers: 1, does: 'the Temporal dev server (one process, SQLite in memory); one API replica behind HAProxy, one worker.' },
];

/** A signed-in admin on one pool's load balancer: every call's latency is kept. */
async function adminOn(url: string) {
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) });
  if (!login.ok) throw new Error(`Signing in as admin at ${url} failed: ${login.status}`);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  return async (path: string, body: unknown, latencies: number[]): Promise<Record<string, unknown>> => {
    const began = performance.now();
    const response = await fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    const json = (await response.json()) as Record<string, unknown>;
    latencies.push(performance.now() - began);
    // The problem's stable code says what went wrong; a failed call fails the run, not a figure.
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${String(json.code)}`);
    return json;
  };
}

type Post = Awaited<ReturnType<typeof adminOn>>;
type Next = { opened: { taskId: string }[] };

/** One case of shape (b) from start to end: start, then claim and complete each task it opens. */
async function runCase(post: Post, latencies: number[]): Promise<void> {
  const started = await post('/api/cases', { definitionId: shape.definitionId, data: {} }, latencies);
  let next = started.next as Next;
  while (next.opened.length > 0) {
    const path = `/api/tasks/${encodeURIComponent(`${String(started.caseId)}:${next.opened[0]!.taskId}`)}`;
    await post(`${path}/claim`, {}, latencies);
    next = (await post(`${path}/complete`, { data: {} }, latencies)).next as Next;
  }
}

/** Closed loop: `drivers` callers run cases back to back for `seconds`. */
async function closedLoop(post: Post, drivers: number, seconds: number): Promise<{ casesPerSecond: number; p95: number; p50: number }> {
  const latencies: number[] = [];
  let cases = 0;
  const began = performance.now();
  const until = began + seconds * 1000;
  await Promise.all(
    Array.from({ length: drivers }, async () => {
      while (performance.now() < until) {
        await runCase(post, latencies);
        cases += 1;
      }
    }),
  );
  return { casesPerSecond: cases / ((performance.now() - began) / 1000), p95: quantile(latencies, 0.95), p50: quantile(latencies, 0.5) };
}

export async function runClusterScale(options: { smoke?: boolean } = {}): Promise<Comparison> {
  const smoke = options.smoke ?? false;
  const drivers = smoke ? 2 : Number(process.env.SCALE_DRIVERS ?? 8);
  const seconds = smoke ? 2 : Number(process.env.SCALE_SECONDS ?? 15);
  const log = (line: string) => console.log(`[scale] ${line}`);
  const binaries = requireClusterBinaries({ log });
  const dir = mkdtempSync(join(tmpdir(), 'casemap-scale-'));
  // PostgreSQL runs as `postgres` and must reach its folder inside.
  chmodSync(dir, 0o755);
  const logDir = join(dir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  try {
    const postgres = await startClusterPostgres(join(dir, 'postgres'), await freePort());
    stops.push(() => postgres.stop());
    const temporal = await startTemporalCluster({ repoRoot, binaries, postgres, logDir, log });
    stops.push(() => temporal.stop());
    const killTemporal = () => Object.values(temporal.services).forEach((service) => service.killSync());
    process.once('exit', killTemporal);
    stops.push(async () => void process.off('exit', killTemporal));
    const devServer = await startTemporalDevServer();
    stops.push(() => devServer.stop());
    await buildBrowserApp(repoRoot, log);

    const pools: { plan: PoolPlan; pool: CasemapPool; post: Post }[] = [];
    for (const [i, plan] of plans.entries()) {
      const database = `casemap_scale_${i + 1}`;
      await ensureDatabase(postgres, database);
      const onCluster = plan.temporal === 'cluster';
      const env = casemapProcessEnv({
        temporalAddress: onCluster ? temporal.address : devServer.address,
        namespace: onCluster ? temporal.namespace : devServer.namespace,
        databaseUrl: postgres.urlOf(database),
        taskQueue: `scale-${i + 1}`,
        dataDir: join(dir, `casemap-${i + 1}`),
      });
      const pool = await startCasemapPool({ repoRoot, logDir, name: `pool-${i + 1}`, env: { ...env, NODE_ENV: 'test', CASEMAP_LOAD_SAMPLES: 'false' }, apis: plan.apis, workers: plan.workers, port: 0, log });
      stops.push(() => pool.stop());
      // Deployed straight into the store, as the load knee does: the benchmark shapes have no team
      // on their tasks, which the deploy check refuses and the admin driving them does not need.
      const db = openPostgres(postgres.urlOf(database));
      await deployVersion(db, { definitionId: shape.definitionId, name: shape.label, xml: shape.xml, ir: (await compile(shape.xml)).ir });
      await db.close();
      pools.push({ plan, pool, post: await adminOn(pool.url) });
    }

    const loadAtStart = loadavg()[0]!.toFixed(1);
    const contenders: Contender[] = pools.map(({ plan, post }) => ({ name: plan.name, does: plan.does, run: () => closedLoop(post, drivers, seconds) }));
    const comparison = await compare({
      title: `cluster scale: shape (b) cases (${shape.steps} caseworker steps) through the API behind HAProxy, ${drivers} callers, ${seconds} s a round`,
      notes: [
        `Closed loop: each of ${drivers} callers starts a case (POST /api/cases), claims and completes its ${shape.steps} tasks over HTTP, then starts the next; cases/s counts cases finished in the round.`,
        'p95 and p50: of every HTTP call of the round (start, claim, complete), as the caller timed it.',
        `All four pools run all the time on this one machine (load average ${loadAtStart} when the rounds began); each contender is one pool under load while the others idle.`,
      ],
      warmupRounds: smoke ? 0 : 1,
      measures: [
        { key: 'casesPerSecond', unit: 'cases / s', better: 'higher', digits: 2 },
        { key: 'p95', unit: 'ms, p95 of every call', better: 'lower', digits: 0 },
        { key: 'p50', unit: 'ms, p50 of every call', better: 'lower', digits: 0 },
      ],
      contenders,
      ratios: [
        ['cluster, 1 API, 2 workers', 'cluster, 1 API, 1 worker'],
        ['cluster, 2 APIs, 2 workers', 'cluster, 1 API, 2 workers'],
        ['cluster, 1 API, 1 worker', 'dev server, 1 API, 1 worker'],
      ],
    }).then(printComparison);
    console.log(`\nload average (1, 5, 15 min) at the end: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
    return comparison;
  } finally {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => log(`while stopping: ${String(error)}`));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Exit (and so run the pools' exit hooks, which kill their processes) on Ctrl-C or `timeout`.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  await runClusterScale({ smoke: process.argv.includes('--smoke') });
}
