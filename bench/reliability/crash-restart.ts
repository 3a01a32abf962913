// The crash and restart harness (issue #9.1, #15): PostgreSQL, a Temporal dev server on a SQLite
// file, the API and two workers on one task queue, each its own OS process. Bot caseworkers drive N
// cases through the API while the harness kill -9s workers, the API, Temporal and the PostgreSQL
// postmaster at points spread over the whole run (fault-schedule.ts); afterwards Temporal, the
// projection and the event log are compared for every case (verify-cases.ts).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { caseIdFor } from '../../services/case-start.ts';
import { mulberry32 } from '../../domain/insights/synthetic-log.ts';
import { freePort } from '../../runtime/free-port.ts';
import { superviseProcess, type ProcessRun, type SupervisedProcess } from '../../runtime/supervised-process.ts';
import { openPostgres } from '../../storage/database.ts';
import { workflowIdForCase } from '../../workflows/case-api.ts';
import { ApiClient } from './api-client.ts';
import { BotCaseworker, emptyLedger, type CompletionLedger } from './bot-caseworkers.ts';
import { FaultKinds, planFaults, type FaultKind } from './fault-schedule.ts';
import { startPostgres } from './postgres-server.ts';
import { serverErrorsIn } from './server-error-kinds.ts';
import { startTemporal } from './temporal-server.ts';
import { threeWayLines } from './three-way-figures.ts';
import { caseHistory, verifyAll, type StartRecord, type VerificationFigures } from './verify-cases.ts';
import { casemapDataConverter } from '../../runtime/casemap-data-converter.ts';
import { CRASH_CASEWORK_BOTS, CRASH_CASEWORK_FIXTURE, CRASH_CASEWORK_STARTER, fillCrashCaseworkForm } from './crash-casework-forms.ts';

export { FaultKinds, type FaultKind };

export interface CrashRestartOptions {
  cases: number;
  /** How many faults of each kind to inject while the cases run. */
  faults: Record<FaultKind, number>;
  /** At least this long between two faults (ms), so a service is back before the next one. */
  minFaultGapMs?: number;
  /** The faults are spread over the first this share of finished cases (default 0.98). */
  faultsUntil?: number;
  /** Give up waiting for cases to finish after this long (they are verified anyway). */
  timeoutMs?: number;
  seed?: number;
  log?: (line: string) => void;
  /** Write up to three histories of cases that lived through a fault here, for the replay corpus. */
  recordHistoriesTo?: string;
}

export interface FaultRecord {
  kind: FaultKind;
  /** Seconds since the first case was started. */
  atSeconds: number;
  plannedAfterFinished: number;
  finished: number;
  /** Cases started and not yet finished when the fault landed. */
  inFlight: number;
  detail: string;
}

export interface CrashRestartFigures {
  cases: number;
  seconds: number;
  /** Seconds from the first start until the last case finished (or the wait gave up). */
  runSeconds: number;
  faults: Record<FaultKind, number>;
  faultLog: FaultRecord[];
  /** PostgreSQL restarts after which the server logged crash recovery from its WAL. */
  databaseRecoveries: number;
  /** Service processes that died by themselves (e.g. when Temporal or the database went away). */
  selfExits: Record<string, number>;
  starts: { keys: number; acknowledged: number; keyHeldReplies: number; refused: string[] };
  ledger: { acknowledged: number; attempted: number; moot: number; refused: number; keyHeldReplies: number; operationsThatMetAHeldKey: number; statuses: Record<string, number> };
  verification: VerificationFigures;
  /** The 500s the API answered, by request and error, read from its kept stderr. */
  serverErrors: Record<string, number>;
  /** Where the services' stderr is kept after the run. */
  logsDir: string;
}

const FIXTURE = fileURLToPath(CRASH_CASEWORK_FIXTURE);
const PART = fileURLToPath(new URL('./casemap-part.ts', import.meta.url));
const STARTER = CRASH_CASEWORK_STARTER;
const BOTS = CRASH_CASEWORK_BOTS;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A Casemap part is up once it says so over IPC (casemap-part.ts). */
const saidReady = async (run: ProcessRun) => {
  if (!run.messages.some((message) => (message as { type?: string }).type === 'ready')) throw new Error('not ready yet');
};

/** One key per case for the whole life of its start, however many retries it takes. */
export const startKey = (index: number) => `reliability-${index}`;

export async function runCrashRestart(options: CrashRestartOptions): Promise<CrashRestartFigures> {
  const log = options.log ?? (() => {});
  // Seeded, so a run's fault schedule can be repeated.
  const rand = mulberry32(options.seed ?? 20261125);
  const began = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'casemap-reliability-'));
  const stops: (() => Promise<void> | void)[] = [() => rmSync(dataDir, { recursive: true, force: true })];
  // Kept after the run (the data directory is not): a 500 in the figures must be traceable.
  const logsDir = mkdtempSync(join(tmpdir(), 'casemap-reliability-logs-'));
  const apiLog = join(logsDir, 'api.log');
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
    const part = (name: string, which: 'api' | 'worker', partEnv: NodeJS.ProcessEnv, logFile: string) =>
      superviseProcess({ name, command: process.execPath, args: ['--import', 'tsx', PART, which], env: partEnv, logFile, ipc: true, ready: saidReady }, log);
    const api = part('api', 'api', { ...env, PORT: String(apiPort) }, apiLog);
    stops.push(() => api.stop());
    await api.ready();
    const workers: SupervisedProcess[] = [1, 2].map((n) => part(`worker-${n}`, 'worker', env, join(logsDir, `worker-${n}.log`)));
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

    // Cases are started while the faults run, each with one Idempotency-Key kept until the API
    // answers it definitively: a retry after a kill finds the case its first attempt made.
    const starter = await ApiClient.signIn(() => baseUrl, STARTER);
    const runBegan = Date.now();
    const starts: StartRecord = { acknowledged: [], keyed: new Set() };
    const startFigures = { keys: 0, keyHeldReplies: 0, refused: [] as string[] };
    const startOne = async (index: number) => {
      const key = startKey(index);
      starts.keyed.add(caseIdFor(STARTER, key));
      startFigures.keys += 1;
      const { reply, settlement } = await starter.untilSettled<{ caseId?: string }>('POST', '/api/cases', { definitionId: 'crash-casework', data: {} }, key, (seen, how) => {
        ledger.statuses.set(seen.status, (ledger.statuses.get(seen.status) ?? 0) + 1);
        if (how.kind === 'key-held') startFigures.keyHeldReplies += 1;
      });
      if (settlement.kind === 'done') starts.acknowledged.push(String(reply.body.caseId));
      else startFigures.refused.push(`${key}: ${settlement.kind === 'refused' || settlement.kind === 'moot' ? settlement.reason : settlement.kind}`);
    };
    let nextCase = 0;
    let startsSettled = 0;
    const starting = Promise.all(Array.from({ length: 6 }, async () => {
      while (nextCase < options.cases) {
        await startOne(nextCase++);
        startsSettled += 1;
      }
    }));

    const deadline = runBegan + (options.timeoutMs ?? 600_000);
    let finishedCases = 0;
    const readProgress = async () => {
      // While PostgreSQL is down the last count stands.
      const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE status = 'completed'").catch(() => undefined);
      if (rows) finishedCases = rows[0]!.n;
    };
    const allDone = () => startsSettled === options.cases && finishedCases >= starts.acknowledged.length;
    let casesDone = false;
    const bots = await Promise.all(BOTS.map((name) => ApiClient.signIn(() => baseUrl, name)));
    const botWorkers = bots.map((bot) => new BotCaseworker(bot, ledger, fillCrashCaseworkForm));
    const working = Promise.all(botWorkers.map((bot) => bot.run(() => casesDone, () => Date.now() > deadline)));

    // Faults at planned points of the run's progress, at least minGap apart.
    const plan = planFaults(options.faults, options.cases, rand, options.faultsUntil);
    log(`fault plan (after N cases finished): ${plan.map((fault) => `${fault.kind}@${fault.afterFinished}`).join(', ')}`);
    const injected = Object.fromEntries(FaultKinds.map((kind) => [kind, 0])) as Record<FaultKind, number>;
    const faultLog: FaultRecord[] = [];
    let databaseRecoveries = 0;
    const minGap = options.minFaultGapMs ?? 2_000;
    let lastFaultAt = 0;
    // A fault does not wait for its service to come back before the schedule moves on (on a loaded
    // machine a worker takes tens of seconds to restart); only a service still restarting is not
    // hit again until it is up, so every kill lands on a running process.
    const recovering = new Map<string, Promise<void>>();
    const afterRecovery = (target: string, recovery: Promise<void>) =>
      recovering.set(target, recovery.catch((error: unknown) => log(`${target} did not come back: ${String(error)}`)).finally(() => recovering.delete(target)));
    for (const fault of plan) {
      while (finishedCases < fault.afterFinished && Date.now() < deadline) {
        await sleep(250);
        await readProgress();
      }
      if (Date.now() > deadline) break;
      await sleep(Math.max(0, lastFaultAt + minGap - Date.now()));
      let target: string = fault.kind === 'worker-kill' ? '' : fault.kind === 'api-kill' ? api.name : fault.kind === 'temporal-kill' ? 'temporal' : 'postgres';
      if (fault.kind === 'worker-kill') {
        while (workers.every((worker) => recovering.has(worker.name))) await Promise.race(recovering.values());
        const running = workers.filter((worker) => !recovering.has(worker.name));
        target = running[Math.floor(rand() * running.length)]!.name;
      }
      await recovering.get(target);
      await readProgress();
      const record: FaultRecord = { kind: fault.kind, atSeconds: Math.round((Date.now() - runBegan) / 100) / 10, plannedAfterFinished: fault.afterFinished, finished: finishedCases, inFlight: Math.max(0, nextCase - finishedCases), detail: fault.kind === 'worker-kill' ? target : '' };
      const number = faultLog.length + 1;
      const back = () => log(`fault ${number} (${fault.kind}${record.detail ? `, ${record.detail}` : ''}) recovered after ${((Date.now() - runBegan) / 1000 - record.atSeconds).toFixed(1)} s`);
      if (fault.kind === 'worker-kill') afterRecovery(target, workers.find((worker) => worker.name === target)!.killNow().then(() => back()));
      else if (fault.kind === 'api-kill') afterRecovery(target, api.killNow().then(() => back()));
      else if (fault.kind === 'temporal-kill') afterRecovery(target, temporal.killAndRestart().then(() => back()));
      else {
        afterRecovery(
          target,
          postgres.crashAndRestart().then((crash) => {
            if (crash.recovered) databaseRecoveries += 1;
            record.detail = `postmaster kill -9 with ${crash.writesInFlight} writing transactions open, ${crash.recovered ? 'recovered from WAL' : 'NO crash recovery logged'}`;
            back();
          }),
        );
      }
      lastFaultAt = Date.now();
      injected[fault.kind] += 1;
      faultLog.push(record);
      log(`fault ${number}/${plan.length} at +${record.atSeconds} s: ${fault.kind}${record.detail ? ` (${record.detail})` : ''}; ${record.finished} cases finished, ${record.inFlight} in flight (planned after ${fault.afterFinished})`);
    }
    await Promise.all(recovering.values());
    await starting;
    let lastReport = Date.now();
    for (;;) {
      await readProgress();
      if (allDone() || Date.now() > deadline) break;
      await sleep(500);
      if (Date.now() - lastReport < 30_000) continue;
      lastReport = Date.now();
      log(`${finishedCases} of ${options.cases} cases finished; ${ledger.acknowledged.size} completions acknowledged`);
    }
    const runSeconds = Math.round((Date.now() - runBegan) / 1000);
    casesDone = true;
    // Bots finish their unsettled completions (same keys) before the books are compared.
    await working;
    log(`waiting for cases ended at +${runSeconds} s; last fault at +${faultLog.at(-1)?.atSeconds ?? '-'} s; verifying`);

    const verification = await verifyAll(client, db, starts, ledger);
    for (const line of threeWayLines(verification.threeWay)) log(line);
    log(`completions: ${ledger.acknowledged.size} acknowledged, ${verification.completionsAppliedUnacknowledged} applied unanswered, ${verification.completionsLost} lost, ${verification.completionsDuplicated} duplicated, ${verification.completionsUnsettled} unsettled; ${ledger.operationsThatMetAHeldKey.size} met a held key; ${verification.problems.length} problems`);
    if (options.recordHistoriesTo) await recordFaultedHistories(client, starts.acknowledged, options.recordHistoriesTo, log);
    return {
      cases: verification.cases,
      seconds: Math.round((Date.now() - began) / 1000),
      runSeconds,
      faults: injected,
      faultLog,
      databaseRecoveries,
      selfExits: Object.fromEntries([api, ...workers].map((process) => [process.name, process.unplannedExits])),
      starts: { ...startFigures, acknowledged: starts.acknowledged.length },
      ledger: {
        acknowledged: ledger.acknowledged.size,
        attempted: ledger.attempted.size,
        moot: ledger.moot.size,
        refused: ledger.refused.size,
        keyHeldReplies: ledger.inProgressReplies,
        operationsThatMetAHeldKey: ledger.operationsThatMetAHeldKey.size,
        statuses: Object.fromEntries(ledger.statuses),
      },
      verification,
      serverErrors: existsSync(apiLog) ? serverErrorsIn(readFileSync(apiLog, 'utf8')) : {},
      logsDir,
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
