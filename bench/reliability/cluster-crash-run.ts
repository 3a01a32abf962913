// The crash and restart run against the production topology (runtime/cluster-topology.ts): bot
// caseworkers drive cases through HAProxy while the run kill -9s, one after another, a worker, the
// history, matching and frontend services, an API replica and the PostgreSQL postmaster, each at a
// point of the run's own progress. Afterwards every case is checked with the reliability harness's
// verifier (bench/reliability/verify-cases.ts): Temporal's histories against the projection.
import { chmodSync, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { caseIdFor } from '../../services/case-start.ts';
import { ApiClient } from './api-client.ts';
import { BotCaseworker, emptyLedger } from './bot-caseworkers.ts';
import { verifyAll, type StartRecord, type VerificationFigures } from './verify-cases.ts';
import { casemapDataConverter } from '../../runtime/casemap-data-converter.ts';
import { startClusterTopology, type ClusterTopology } from '../../runtime/cluster-topology.ts';
import { openPostgres } from '../../storage/database.ts';
import { CRASH_CASEWORK_BOTS, CRASH_CASEWORK_FIXTURE, CRASH_CASEWORK_STARTER, fillCrashCaseworkForm } from './crash-casework-forms.ts';

export const ClusterFaults = ['worker-kill', 'history-kill', 'api-kill', 'matching-kill', 'database-restart', 'frontend-kill'] as const;
export type ClusterFault = (typeof ClusterFaults)[number];

export interface ClusterFaultRecord {
  kind: ClusterFault;
  /** Seconds since the first case was started. */
  atSeconds: number;
  /** Cases finished when the fault landed, and cases started but not finished. */
  finished: number;
  inFlight: number;
  /** Seconds until the killed process (or database) served again. */
  recoveredSeconds: number;
  detail: string;
}

export interface ClusterCrashOptions {
  cases: number;
  /** Each fault kind lands this many times (default 1), in the order of ClusterFaults, round after round. */
  faultRounds?: number;
  apis?: number;
  workers?: number;
  timeoutMs: number;
  log: (line: string) => void;
}

export interface ClusterCrashFigures {
  cases: number;
  apis: number;
  workers: number;
  /** Servers HAProxy's API backend listed as UP at the end of the run. */
  balancedOverAtEnd: number;
  startsAcknowledged: number;
  startRefusals: string[];
  faults: ClusterFaultRecord[];
  /** Processes that died without being killed (e.g. while the database was away), by name. */
  selfExits: Record<string, number>;
  completionsAcknowledged: number;
  /** The bots' side: operations that met a held key, tasks ended as moot or refused, replies by status. */
  ledger: { attempted: number; moot: number; refused: number; keyHeldReplies: number; operationsThatMetAHeldKey: number; statuses: Record<number, number> };
  /** Seconds from the first start until the last case finished (or the run gave up). */
  runSeconds: number;
  verification: VerificationFigures;
  logDir: string;
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(CRASH_CASEWORK_FIXTURE);
const STARTER = CRASH_CASEWORK_STARTER;
const BOTS = CRASH_CASEWORK_BOTS;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `nth`: how many faults of this kind came before, so repeated kills go round the replicas. */
async function inject(cluster: ClusterTopology, kind: ClusterFault, nth: number): Promise<string> {
  switch (kind) {
    case 'worker-kill': {
      const worker = cluster.workers[nth % cluster.workers.length]!;
      await worker.process.killNow();
      return worker.process.name;
    }
    case 'api-kill': {
      const api = cluster.apis[nth % cluster.apis.length]!;
      await api.process.killNow();
      return api.process.name;
    }
    case 'history-kill':
      await cluster.temporal.services.history.killNow();
      return 'temporal-history';
    case 'matching-kill':
      await cluster.temporal.services.matching.killNow();
      return 'temporal-matching';
    case 'frontend-kill':
      await cluster.temporal.services.frontend.killNow();
      return 'temporal-frontend';
    case 'database-restart': {
      const crash = await cluster.postgres.crashAndRestart();
      return `postmaster kill -9, ${crash.recovered ? 'recovered from WAL' : 'NO crash recovery logged'}`;
    }
  }
}

/** The servers of HAProxy's API backend that its stats page lists as UP. */
async function apiServersUp(statsUrl: string): Promise<number> {
  const csv = await (await fetch(`${statsUrl};csv`, { signal: AbortSignal.timeout(5_000) })).text();
  return csv.split('\n').filter((line) => line.startsWith('casemap_api,api') && line.split(',')[17] === 'UP').length;
}

export async function runClusterCrash(options: ClusterCrashOptions): Promise<ClusterCrashFigures> {
  const { log } = options;
  const dir = mkdtempSync(join(tmpdir(), 'casemap-cluster-'));
  // mkdtemp makes it private to root; PostgreSQL runs as `postgres` and must reach its folder inside.
  chmodSync(dir, 0o755);
  const apis = options.apis ?? 2;
  const workers = options.workers ?? 2;
  const cluster = await startClusterTopology({ repoRoot, dir, port: 0, apis, workers, taskQueue: 'cluster-crash', casemapEnv: { NODE_ENV: 'test', CASEMAP_LOAD_SAMPLES: 'false' }, log });
  const stops: (() => Promise<void>)[] = [() => cluster.stop()];
  // Logs stay for a failed run, to be read; a clean run leaves nothing behind.
  let clean = false;
  try {
    const baseUrl = () => cluster.url;
    const designer = await ApiClient.signIn(baseUrl, 'designer');
    const deployed = await designer.request('POST', '/api/definitions/deploy', { id: 'crash-casework', xml: readFileSync(FIXTURE, 'utf8') });
    if (deployed.status !== 201) throw new Error(`Deploying the fixture failed: ${deployed.status} ${JSON.stringify(deployed.body)}`);

    const db = openPostgres(cluster.databaseUrl);
    stops.push(() => db.close());
    const connection = await Connection.connect({ address: cluster.temporal.address });
    stops.push(() => connection.close());
    const client = new Client({ connection, namespace: cluster.temporal.namespace, dataConverter: casemapDataConverter(db) });

    const ledger = emptyLedger();
    const starts: StartRecord = { acknowledged: [], keyed: new Set() };
    const startRefusals: string[] = [];
    const starter = await ApiClient.signIn(baseUrl, STARTER);
    let nextCase = 0;
    let startsSettled = 0;
    const firstStart = Date.now();
    // Cases start in instalments, one more share after each fault, so every fault finds cases in
    // flight however long the one before took to recover (a worker's restart under load takes tens
    // of seconds, in which unpaced cases all finished and the later faults hit an idle system).
    const schedule = Array.from({ length: options.faultRounds ?? 1 }, () => ClusterFaults).flat();
    const share = options.cases / (schedule.length + 1);
    let faultsLanded = 0;
    let extraStarts = 0;
    // Two shares ahead of the faults: a fault lands once the earlier share has finished, with the next in flight.
    const mayStart = () => Math.min(options.cases, faultsLanded >= schedule.length ? options.cases : Math.floor(share * (faultsLanded + 2)) + extraStarts);
    // Cases keep starting while the faults run, each with one Idempotency-Key until it is answered.
    const starting = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (nextCase < options.cases) {
          if (nextCase >= mayStart()) {
            await sleep(100);
            continue;
          }
          const key = `cluster-${nextCase++}`;
          starts.keyed.add(caseIdFor(STARTER, key));
          const { reply, settlement } = await starter.untilSettled<{ caseId?: string }>('POST', '/api/cases', { definitionId: 'crash-casework', data: {} }, key);
          if (settlement.kind === 'done') starts.acknowledged.push(String(reply.body.caseId));
          else startRefusals.push(`${key}: ${JSON.stringify(reply.body)}`);
          startsSettled += 1;
        }
      }),
    );

    const deadline = Date.now() + options.timeoutMs;
    const secondsSince = (from: number) => Math.round((Date.now() - from) / 100) / 10;
    let finished = 0;
    const readProgress = async () => {
      // While PostgreSQL is down the last count stands.
      const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE status = 'completed'").catch(() => undefined);
      if (rows) finished = rows[0]!.n;
    };
    let casesDone = false;
    const bots = await Promise.all(BOTS.map((name) => ApiClient.signIn(baseUrl, name)));
    const botTrace = createWriteStream(join(cluster.logDir, 'bots.log'), { flags: 'a' });
    stops.push(() => new Promise<void>((resolve) => botTrace.end(() => resolve())));
    const trace = (line: string) => botTrace.write(`${new Date().toISOString()} ${line}\n`);
    const botWorkers = bots.map((bot) => new BotCaseworker(bot, ledger, fillCrashCaseworkForm, 4, trace));
    const working = Promise.all(botWorkers.map((bot) => bot.run(() => casesDone, () => Date.now() > deadline)));

    // One fault at a time, each once all but one of the cases of the shares before it have finished
    // (the next share then in flight), each waited out before the next: every kill hits a serving process.
    const faults: ClusterFaultRecord[] = [];
    for (const kind of schedule) {
      const after = Math.max(0, Math.floor(share * (faults.length + 1)) - 1);
      while (finished < after && Date.now() < deadline) {
        await sleep(250);
        await readProgress();
      }
      // Every case let start finished between two looks: one more is let start, to be in flight.
      if (nextCase - finished === 0 && nextCase < options.cases) {
        extraStarts += 1;
        while (nextCase - finished === 0 && Date.now() < deadline) await sleep(50);
      }
      if (Date.now() > deadline) break;
      const landed = { atSeconds: secondsSince(firstStart), finished, inFlight: nextCase - finished };
      const began = Date.now();
      const detail = await inject(cluster, kind, faults.filter((fault) => fault.kind === kind).length);
      faults.push({ kind, ...landed, recoveredSeconds: secondsSince(began), detail });
      log(`fault ${kind} (${detail}) with ${landed.finished} cases finished and ${landed.inFlight} in flight; served again after ${faults.at(-1)!.recoveredSeconds} s`);
      faultsLanded += 1;
    }

    // A run out of time before its last fault lets the remaining cases start all the same.
    faultsLanded = schedule.length;
    await starting;
    for (;;) {
      await readProgress();
      if ((startsSettled === options.cases && finished >= starts.acknowledged.length) || Date.now() > deadline) break;
      await sleep(500);
    }
    casesDone = true;
    const runSeconds = secondsSince(firstStart);
    const stalled = botWorkers.flatMap((bot) => bot.describeUnsettled());
    if (stalled.length > 0) log(`operations still waiting for a definitive answer when the last case finished (settled before verifying): ${stalled.join('; ')}`);
    await working;
    log(`${finished} of ${options.cases} cases finished; verifying every case against its Temporal history`);
    const verification = await verifyAll(client, db, starts, ledger);
    const processes = [...cluster.apis, ...cluster.workers, ...Object.values(cluster.temporal.services).map((process) => ({ process })), cluster.haproxy].map((part) => part.process);
    const selfExits = Object.fromEntries(processes.map((process) => [process.name, process.unplannedExits]));
    // A service that died by itself is worth reading about even when every case came through.
    clean = verification.problems.length === 0 && verification.completed === options.cases && Object.values(selfExits).every((n) => n === 0);
    log(`processes that exited by themselves (restarted): ${JSON.stringify(selfExits)}`);
    const balancedOverAtEnd = await apiServersUp(cluster.haproxy.statsUrl);
    return {
      cases: options.cases,
      apis,
      workers,
      balancedOverAtEnd,
      startsAcknowledged: starts.acknowledged.length,
      startRefusals,
      faults,
      selfExits,
      completionsAcknowledged: ledger.acknowledged.size,
      ledger: {
        attempted: ledger.attempted.size,
        moot: ledger.moot.size,
        refused: ledger.refused.size,
        keyHeldReplies: ledger.inProgressReplies,
        operationsThatMetAHeldKey: ledger.operationsThatMetAHeldKey.size,
        statuses: Object.fromEntries([...ledger.statuses].sort((a, b) => a[0] - b[0])),
      },
      runSeconds,
      verification,
      logDir: cluster.logDir,
    };
  } finally {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => log(`while stopping: ${String(error)}`));
    if (clean) rmSync(dir, { recursive: true, force: true });
    else log(`logs of every process kept in ${cluster.logDir}`);
  }
}
