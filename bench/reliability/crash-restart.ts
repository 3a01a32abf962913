// The crash and restart harness (issue #9.1): PostgreSQL, a Temporal dev server on a SQLite file, the
// API and two workers on one task queue, each its own OS process. Bot caseworkers drive N cases
// through the API while the harness kill -9s workers, the API, Temporal and the database at random
// moments; afterwards every case is checked against its workflow history (verify-cases.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { caseIdFor } from '../../api/cases/case-service.ts';
import { mulberry32 } from '../../domain/insights/synthetic-log.ts';
import { freePort } from '../../runtime/free-port.ts';
import { openPostgres } from '../../storage/database.ts';
import { workflowIdForCase } from '../../workflows/case-api.ts';
import { ApiClient } from './api-client.ts';
import { BotCaseworker, emptyLedger, type CompletionLedger, type TaskSummary } from './bot-caseworkers.ts';
import { startPostgres } from './postgres-server.ts';
import { supervise, type SupervisedProcess } from './supervised-process.ts';
import { startTemporal } from './temporal-server.ts';
import { caseHistory, verifyAll, type VerificationFigures } from './verify-cases.ts';
import { casemapDataConverter } from '../../runtime/casemap-data-converter.ts';

export const FaultKinds = ['worker-kill', 'api-kill', 'temporal-kill', 'database-crash'] as const;
export type FaultKind = (typeof FaultKinds)[number];

export interface CrashRestartOptions {
  cases: number;
  /** How many faults of each kind to inject while the cases run. */
  faults: Record<FaultKind, number>;
  /** Pause between two faults, drawn uniformly from this range (ms). */
  faultGapMs?: [number, number];
  /** Give up waiting for cases to finish after this long (they are verified anyway). */
  timeoutMs?: number;
  seed?: number;
  log?: (line: string) => void;
  /** Write up to three histories of cases that lived through a fault here, for the replay corpus. */
  recordHistoriesTo?: string;
}

export interface CrashRestartFigures {
  cases: number;
  seconds: number;
  faults: Record<FaultKind, number>;
  /** Service processes that died by themselves (e.g. when Temporal or the database went away). */
  selfExits: Record<string, number>;
  ledger: { acknowledged: number; attempted: number; stuckIdempotencyKeys: number; statuses: Record<string, number> };
  verification: VerificationFigures;
}

const FIXTURE = fileURLToPath(new URL('./fixtures/crash-casework.bpmn', import.meta.url));
const PART = fileURLToPath(new URL('./casemap-part.ts', import.meta.url));
const STARTER = 'priya';
const BOTS = ['priya', 'tom', 'rosa', 'nico'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The form data a caseworker enters; one case in five is not deported and ends early. */
function fillForm(task: TaskSummary): Record<string, unknown> {
  switch (task.nodeId) {
    case 'Task_refer':
      return { prisonNumber: `A${task.caseId.slice(0, 6)}`, sentenceMonths: 18 };
    case 'Task_decide':
      return { decision: Number.parseInt(task.caseId.slice(0, 2), 16) % 5 === 0 ? 'do-not-deport' : 'deport' };
    case 'Task_travel_document':
      return { travelDocumentNumber: `ETD-${task.caseId.slice(0, 8)}` };
    default:
      return { flightNumber: `BA${Number.parseInt(task.caseId.slice(0, 3), 16)}` };
  }
}

export async function runCrashRestart(options: CrashRestartOptions): Promise<CrashRestartFigures> {
  const log = options.log ?? (() => {});
  // Seeded, so a run's fault schedule can be repeated.
  const rand = mulberry32(options.seed ?? 20261125);
  const began = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'casemap-reliability-'));
  const stops: (() => Promise<void> | void)[] = [() => rmSync(dataDir, { recursive: true, force: true })];
  // If the harness itself is interrupted, the servers it started must not outlive it.
  const hardStops: (() => void)[] = [];
  const onExit = () => hardStops.forEach((stop) => stop());
  process.once('exit', onExit);
  stops.push(() => void process.off('exit', onExit));
  try {
    const postgres = await startPostgres();
    stops.push(() => postgres.stop());
    hardStops.push(() => postgres.stop());
    const temporal = await startTemporal(dataDir);
    stops.push(() => temporal.stop());
    hardStops.push(() => temporal.killNow());
    log(`PostgreSQL ${postgres.url}, Temporal ${temporal.address}`);

    const apiPort = await freePort();
    const baseUrl = `http://127.0.0.1:${apiPort}`;
    const env = { TEMPORAL_ADDRESS: temporal.address, DATABASE_URL: postgres.url, CASEMAP_TASK_QUEUE: 'reliability', CASEMAP_LOAD_SAMPLES: 'false', NODE_ENV: 'test', CASEMAP_DATA_DIR: dataDir };
    const api = supervise('api', PART, ['api'], { ...env, PORT: String(apiPort) }, log);
    stops.push(() => api.stop());
    await api.ready();
    const workers: SupervisedProcess[] = [1, 2].map((n) => supervise(`worker-${n}`, PART, ['worker'], env, log));
    stops.push(() => Promise.all(workers.map((worker) => worker.stop())).then(() => {}));
    await Promise.all(workers.map((worker) => worker.ready()));

    const designer = await ApiClient.signIn(() => baseUrl, 'designer');
    const deployed = await designer.request('POST', '/api/definitions/deploy', { id: 'crash-casework', xml: readFileSync(FIXTURE, 'utf8') });
    if (deployed.status !== 201) throw new Error(`Deploying the fixture failed: ${deployed.status} ${JSON.stringify(deployed.body)}`);

    const db = openPostgres(postgres.url);
    stops.push(() => db.close());
    const connection = await Connection.connect({ address: temporal.address });
    stops.push(() => connection.close());
    // The stack's own data converter, so results it claim-checked read back whole here.
    const client = new Client({ connection, dataConverter: casemapDataConverter(db) });
    const ledger: CompletionLedger = emptyLedger();

    // Cases are started (and, with their Idempotency-Key, retried) while the faults run.
    const starter = await ApiClient.signIn(() => baseUrl, STARTER);
    const caseIds: string[] = [];
    const startOne = async (index: number) => {
      for (let attempt = 0; ; attempt += 1) {
        const key = `reliability-${index}-${attempt}`;
        for (;;) {
          const reply = await starter.request('POST', '/api/cases', { definitionId: 'crash-casework', data: {} }, { 'idempotency-key': key });
          if (reply.status === 201) return caseIds.push(String(reply.body.caseId));
          if (reply.status === 409) break;
          await sleep(300);
        }
        // A killed API left the key "in progress": keep the case if its workflow started anyway.
        ledger.stuckKeys += 1;
        const caseId = caseIdFor(STARTER, key);
        const exists = await client.workflow.getHandle(workflowIdForCase(caseId)).describe().then(() => true, () => false);
        if (exists) return caseIds.push(caseId);
      }
    };
    let nextCase = 0;
    const starting = Promise.all(Array.from({ length: 6 }, async () => {
      while (nextCase < options.cases) await startOne(nextCase++);
    }));

    let finished = false;
    const allDone = async () => {
      if (nextCase < options.cases || caseIds.length < options.cases) return false;
      const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE status = 'completed'").catch(() => [{ n: -1 }]);
      return rows[0]!.n >= options.cases;
    };
    const bots = await Promise.all(BOTS.map((name) => ApiClient.signIn(() => baseUrl, name)));
    const working = Promise.all(bots.map((bot) => new BotCaseworker(bot, ledger, fillForm).run(() => finished)));

    // Faults, in a shuffled order at random gaps, while cases are in flight.
    const schedule = FaultKinds.flatMap((kind) => Array.from({ length: options.faults[kind] }, () => kind)).sort(() => rand() - 0.5);
    const injected = Object.fromEntries(FaultKinds.map((kind) => [kind, 0])) as Record<FaultKind, number>;
    const [minGap, maxGap] = options.faultGapMs ?? [1_000, 4_000];
    for (const kind of schedule) {
      await sleep(minGap + rand() * (maxGap - minGap));
      log(`fault: ${kind}`);
      if (kind === 'worker-kill') await workers[Math.floor(rand() * workers.length)]!.killNow();
      else if (kind === 'api-kill') await api.killNow();
      else if (kind === 'temporal-kill') await temporal.killAndRestart();
      else postgres.crashAndRestart();
      injected[kind] += 1;
    }
    await starting;
    const deadline = Date.now() + (options.timeoutMs ?? 600_000);
    let lastReport = Date.now();
    while (!(await allDone()) && Date.now() < deadline) {
      await sleep(500);
      if (Date.now() - lastReport < 30_000) continue;
      lastReport = Date.now();
      log(`${ledger.acknowledged.size} completions acknowledged; ${caseIds.length} of ${options.cases} cases started`);
    }
    finished = true;
    await working;

    log(`verifying ${caseIds.length} cases against their histories`);
    const verification = await verifyAll(client, db, caseIds, ledger);
    if (options.recordHistoriesTo) await recordFaultedHistories(client, caseIds, options.recordHistoriesTo, log);
    return {
      cases: caseIds.length,
      seconds: Math.round((Date.now() - began) / 1000),
      faults: injected,
      selfExits: Object.fromEntries([api, ...workers].map((process) => [process.name, process.unplannedExits])),
      ledger: { acknowledged: ledger.acknowledged.size, attempted: ledger.attempted.size, stuckIdempotencyKeys: ledger.stuckKeys, statuses: Object.fromEntries(ledger.statuses) },
      verification,
    };
  } finally {
    for (const stop of stops.reverse()) await Promise.resolve(stop()).catch((error) => log(`while stopping: ${String(error)}`));
  }
}

/** A case lived through a fault when a workflow task or an activity of it timed out (its worker died). */
async function recordFaultedHistories(client: Client, caseIds: string[], dir: string, log: (line: string) => void): Promise<void> {
  let written = 0;
  for (const caseId of caseIds) {
    if (written === 3) return;
    const workflowId = workflowIdForCase(caseId);
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    const events = history.events ?? [];
    const faulted = events.some((event) => event.workflowTaskTimedOutEventAttributes || event.workflowTaskFailedEventAttributes || (event.activityTaskStartedEventAttributes?.attempt ?? 1) > 1);
    if (!faulted || (await caseHistory(client, caseId)).length !== events.length) continue;
    written += 1;
    const file = join(dir, `crash-restart-${written}.json`);
    writeFileSync(file, `${JSON.stringify({ workflowId, status: 'completed', history: JSON.parse(historyToJSON(history)) }, null, 1)}\n`);
    log(`recorded ${file}`);
  }
}
