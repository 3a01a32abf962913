// A worker process killed with SIGKILL mid-case (one projection write committed inside a workflow
// task that never reached history) and a fresh worker taking over: every case finishes, and each
// case's event log holds every lifecycle event exactly once, numbered without gaps, and only the
// events history holds, even when the retried task logged different ones — and the inbox never
// shows what the lost attempt wrote (its rows stay tentative until replaced, or until the reconciler
// deletes them once the run has closed without them or is gone).
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProjectionActivities } from '../../activities/projection-activities.ts';
import { compareFences, type CaseLogFence, type FencedCaseLogWrite } from '../../domain/events/case-log-fence.ts';
import { cancelCaseSignal, workflowIdForCase, type NextSteps } from '../../workflows/case-api.ts';
import { startCaseLogReconciler, type CaseLogReconciler } from '../../runtime/case-log-reconciler.ts';
import { queryInbox } from '../../storage/task-queries.ts';
import { historyCaseLog, payloadDecoder } from '../../bench/reliability/history-case-log.ts';
import type { ParentCall, ParentReply } from './support/crash-worker.ts';
import { EngineHarness, eventually, fixture } from './support/engine-harness.ts';

const workerScript = fileURLToPath(new URL('./support/crash-worker.ts', import.meta.url));
const CASES = 4;
const expectedLifecycle = ['case-started', 'task-ready', 'task-claimed', 'task-completed', 'task-ready', 'task-claimed', 'task-completed', 'case-completed'];

/** A worker in a child process whose projection writes this process carries out; `killAfterWrite` arms a SIGKILL after the next fenced write commits. */
async function crashableWorker(engine: EngineHarness) {
  const projection = createProjectionActivities(engine.db);
  const state = { killOnNextWrite: false, killedWrite: undefined as FencedCaseLogWrite | undefined };
  const child = fork(workerScript, [engine.address, engine.taskQueue], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.on('message', async (message: ParentCall | { type: 'ready' }) => {
    if (message.type !== 'call') return;
    const reply = (value: ParentReply) => child.connected && child.send(value);
    try {
      const value = await (projection[message.name] as (...args: unknown[]) => Promise<unknown>)(...message.args);
      if (state.killOnNextWrite && message.name === 'recordFencedCaseEvents') {
        // The write is committed; the worker dies before its workflow task completes.
        state.killOnNextWrite = false;
        state.killedWrite = message.args[0] as FencedCaseLogWrite;
        child.kill('SIGKILL');
        return;
      }
      reply({ type: 'result', id: message.id, value });
    } catch (error) {
      reply({ type: 'error', id: message.id, message: String(error) });
    }
  });
  const [ready] = (await once(child, 'message')) as [{ type: string }];
  expect(ready.type).toBe('ready');
  return { child, state };
}

async function recordedFence(engine: EngineHarness, caseId: string): Promise<CaseLogFence> {
  const [row] = await engine.db.query<Record<string, number>>('SELECT run_started_ms, history_length, task_started_ms FROM case_log_fences WHERE case_id = $1', [caseId]);
  return { runStartedMs: Number(row!.run_started_ms), historyLength: Number(row!.history_length), taskStartedMs: Number(row!.task_started_ms) };
}

/** The case log as the case's history holds it, `<id> <kind>` each. */
async function historyLog(engine: EngineHarness, caseId: string): Promise<string[]> {
  const history = (await engine.handle(caseId).fetchHistory()).events ?? [];
  return (await historyCaseLog(history, payloadDecoder(engine.db))).map((event) => `${event.id} ${event.kind}`);
}

describe('a worker killed mid-case', () => {
  let engine: EngineHarness;
  let child: ChildProcess | undefined;
  // The child worker has none, and the harness's own worker starts later: the test process
  // confirms what no Update answer confirms (path 3), as any worker process would.
  let reconciler: CaseLogReconciler | undefined;

  beforeAll(async () => {
    engine = await EngineHarness.start({ withoutWorker: true });
    await engine.deploy(fixture('crash-referral.bpmn'));
    reconciler = startCaseLogReconciler({ db: engine.db, workflowService: engine.client.workflowService, namespace: 'default', intervalMs: 50 });
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await reconciler?.stop();
    await engine?.stop();
  });

  it('loses no lifecycle event and duplicates none when a fresh worker finishes the cases', { timeout: 120_000 }, async () => {
    // given a worker in a child process whose projection writes the test process carries out
    const crashable = await crashableWorker(engine);
    child = crashable.child;

    // when cases pass their first service task, two are referred, and the worker dies while
    // the third referral's events are being written
    const cases = await Promise.all(Array.from({ length: CASES }, () => engine.startCase('Process_crash')));
    for (const { caseId } of cases) await engine.waitForTask(caseId, 'Task_refer');
    for (const { caseId } of cases.slice(0, 2)) await engine.completeStep(caseId, 'Task_refer');
    const victim = cases[2]!.caseId;
    const victimTask = await engine.waitForTask(victim, 'Task_refer');
    await engine.claim(victim, victimTask.taskId);
    crashable.state.killOnNextWrite = true;
    const interrupted: Promise<NextSteps> = engine.complete(victim, victimTask.taskId);
    await once(crashable.child, 'exit');
    expect(crashable.state.killedWrite).toBeDefined();

    // then a fresh worker (in this process) takes over and every case can be finished
    await engine.startWorker();
    expect((await interrupted).opened.map((task) => task.nodeId)).toEqual(['Task_decide']);
    await engine.completeStep(cases[3]!.caseId, 'Task_refer');
    for (const { caseId } of cases) await engine.completeStep(caseId, 'Task_decide');
    for (const { caseId } of cases) expect((await engine.result(caseId)).status).toBe('completed');

    for (const { caseId } of cases) {
      const events = await engine.events(caseId);
      expect(events.map((event) => event.kind).filter((kind) => !kind.startsWith('element-'))).toEqual(expectedLifecycle);
      expect(events.map((event) => event.id)).toEqual(events.map((_, index) => `${caseId}:${index + 1}`));
      expect(events.map((event) => `${event.id} ${event.kind}`)).toEqual(await historyLog(engine, caseId));
    }
    // The victim's write really was redone by a later attempt of the lost workflow task, under a higher fence.
    const history = (await engine.handle(victim).fetchHistory()).events ?? [];
    expect(history.some((event) => event.workflowTaskTimedOutEventAttributes || event.workflowTaskFailedEventAttributes)).toBe(true);
    expect(compareFences(await recordedFence(engine, victim), crashable.state.killedWrite!.fence)).toBeGreaterThan(0);
    await engine.stopWorker();
  });

  it("keeps only history's events when the lost task's retry logs different ones at the same positions", { timeout: 120_000 }, async () => {
    // given a worker that dies right after writing a completion's events (the next task opened)
    const crashable = await crashableWorker(engine);
    child = crashable.child;
    const { caseId } = await engine.startCase('Process_crash');
    const task = await engine.waitForTask(caseId, 'Task_refer');
    await engine.claim(caseId, task.taskId);
    crashable.state.killOnNextWrite = true;
    const interrupted = engine.complete(caseId, task.taskId).catch((error: unknown) => error);
    await once(crashable.child, 'exit');
    const phantom = crashable.state.killedWrite!.events.map((event) => `${event.id} ${event.kind}`);
    expect(phantom.some((event) => event.endsWith(' task-completed'))).toBe(true);
    expect(phantom.some((event) => event.endsWith(' task-ready'))).toBe(true);

    // then, while no worker runs, the lost attempt's rows are in the log but nowhere a reader looks,
    // even after the reconciler has asked history about them (they are due after 250 ms)
    await new Promise((resolve) => setTimeout(resolve, 600));
    await reconciler!.round();
    await expectOnlyTheClaim(engine, caseId, task.taskId, phantom);

    // when the case is cancelled before a fresh worker retries the lost task
    await engine.handle(caseId).signal(cancelCaseSignal, { reason: 'withdrawn', actor: 'lena' });
    await engine.startWorker();
    await interrupted;
    expect((await engine.result(caseId)).status).toBe('cancelled');

    // then the log is exactly what history holds, the retry logged something else where the lost
    // attempt wrote, and no row follows the lost attempt
    const logged = (await engine.events(caseId)).map((event) => `${event.id} ${event.kind}`);
    expect(logged).toEqual(await historyLog(engine, caseId));
    expect(phantom.some((event) => !logged.includes(event))).toBe(true);
    const rows = await engine.db.query<{ id: string; status: string }>('SELECT id, status FROM tasks WHERE case_id = $1 ORDER BY created_at', [caseId]);
    const completedInLog = new Set((await engine.events(caseId)).filter((event) => event.kind === 'task-completed').map((event) => `${caseId}:${event.taskId}`));
    expect(rows.filter((row) => row.status === 'completed').map((row) => row.id)).toEqual([...completedInLog]);
    expect(rows.filter((row) => row.status === 'open' || row.status === 'claimed')).toEqual([]);
    const [record] = await engine.db.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [caseId]);
    expect(record?.status).toBe('cancelled');
    // and the events table itself, tentative rows included, holds nothing else
    expect(await rawLog(engine, caseId)).toEqual(logged);
    await engine.stopWorker();
  });

  it("deletes the lost attempt's rows once the run closes without them, and a second pass changes nothing", { timeout: 120_000 }, async () => {
    // given a worker that died right after writing a completion's events, and no worker running
    const { caseId, taskId, phantom, confirmed } = await caseWithLostAttempt(engine);

    // when the run closes without the lost attempt (an operator terminates it)
    await engine.handle(caseId).terminate('withdrawn by an operator');

    // then the reconciler deletes the lost attempt's rows: the events table is what history holds
    await dueNow(engine, caseId);
    const raw = await eventually(() => rawLog(engine, caseId), (rows) => !rows.some((row) => phantom.includes(row)));
    expect(raw).toEqual(confirmed);
    expect(raw).toEqual(await historyLog(engine, caseId));
    await expectOnlyTheClaim(engine, caseId, taskId, phantom);

    // and a second pass changes nothing
    const settled = await caseRows(engine, caseId);
    await dueNow(engine, caseId);
    await reconciler!.round();
    expect(await caseRows(engine, caseId)).toEqual(settled);
  });

  it("deletes the lost attempt's rows once Temporal no longer has the run", { timeout: 120_000 }, async () => {
    // given a worker that died right after writing a completion's events, and no worker running
    const { caseId, taskId, phantom, confirmed } = await caseWithLostAttempt(engine);

    // when the workflow is deleted (as retention deletes a closed run's history)
    await engine.client.workflowService.deleteWorkflowExecution({ namespace: 'default', workflowExecution: { workflowId: workflowIdForCase(caseId) } });
    await eventually(() => engine.handle(caseId).describe().then(() => 'there', () => 'gone'), (state) => state === 'gone');

    // then the reconciler deletes them, and only them
    await dueNow(engine, caseId);
    const raw = await eventually(() => rawLog(engine, caseId), (rows) => !rows.some((row) => phantom.includes(row)));
    expect(raw).toEqual(confirmed);
    await expectOnlyTheClaim(engine, caseId, taskId, phantom);
  });

  it('keeps the rows of a run Temporal no longer has while its workflow runs on, and deletes them once it has closed', { timeout: 120_000 }, async () => {
    // given a lost attempt's rows whose fence names a run Temporal does not have, while the case's
    // workflow still runs (as when a continued-as-new run's predecessor is past retention)
    const { caseId, taskId, phantom, confirmed } = await caseWithLostAttempt(engine);
    await engine.db.query('UPDATE case_log_fences SET run_id = $2 WHERE case_id = $1', [caseId, randomUUID()]);

    // when the reconciler asks about them
    await dueNow(engine, caseId);
    await eventually(() => reconcileChecks(engine, caseId), (checks) => checks > 0);

    // then they stay, tentative: the running workflow's next write settles them
    expect(await rawLog(engine, caseId)).toEqual([...confirmed, ...phantom]);
    await expectOnlyTheClaim(engine, caseId, taskId, phantom);

    // and once the workflow has closed without writing, they are deleted
    await engine.handle(caseId).terminate('withdrawn by an operator');
    await dueNow(engine, caseId);
    expect(await eventually(() => rawLog(engine, caseId), (rows) => !rows.some((row) => phantom.includes(row)))).toEqual(confirmed);
  });
});

/**
 * A case whose claim is confirmed and whose completion's write was made by an attempt that was then
 * lost (its worker killed before the workflow task completed), with no worker running afterwards.
 */
async function caseWithLostAttempt(engine: EngineHarness) {
  const crashable = await crashableWorker(engine);
  const { caseId } = await engine.startCase('Process_crash');
  const task = await engine.waitForTask(caseId, 'Task_refer');
  await engine.claim(caseId, task.taskId);
  crashable.state.killOnNextWrite = true;
  void engine.complete(caseId, task.taskId).catch(() => undefined);
  await once(crashable.child, 'exit');
  const phantom = crashable.state.killedWrite!.events.map((event) => `${event.id} ${event.kind}`);
  const confirmed = (await engine.events(caseId)).map((event) => `${event.id} ${event.kind}`);
  // the lost attempt's rows are in the events table, after every confirmed one, and nowhere a reader looks
  expect(await rawLog(engine, caseId)).toEqual([...confirmed, ...phantom]);
  await expectOnlyTheClaim(engine, caseId, task.taskId, phantom);
  return { caseId, taskId: task.taskId, phantom, confirmed };
}

/** The events table's rows of the case, tentative ones included, `<id> <kind>` each. */
async function rawLog(engine: EngineHarness, caseId: string): Promise<string[]> {
  return (await engine.db.query<{ id: string; kind: string }>('SELECT id, kind FROM events WHERE case_id = $1 ORDER BY seq', [caseId])).map((row) => `${row.id} ${row.kind}`);
}

/** Makes the case due for the reconciler now, rather than after its backoff. */
async function dueNow(engine: EngineHarness, caseId: string): Promise<void> {
  await engine.db.query('UPDATE case_log_fences SET reconcile_after = now(), reconcile_checks = 0 WHERE case_id = $1', [caseId]);
}

async function reconcileChecks(engine: EngineHarness, caseId: string): Promise<number> {
  const [row] = await engine.db.query<{ reconcile_checks: number }>('SELECT reconcile_checks FROM case_log_fences WHERE case_id = $1', [caseId]);
  return row!.reconcile_checks;
}

/** Every row a reconciler pass could change: the raw log, the fence row, the projections. */
async function caseRows(engine: EngineHarness, caseId: string) {
  return {
    events: await engine.db.query('SELECT * FROM events WHERE case_id = $1 ORDER BY seq', [caseId]),
    fence: await engine.db.query('SELECT case_id, confirmed_through, written_through, attempt_first, run_started_ms, history_length, task_started_ms FROM case_log_fences WHERE case_id = $1', [caseId]),
    cases: await engine.db.query('SELECT * FROM cases WHERE id = $1', [caseId]),
    tasks: await engine.db.query('SELECT * FROM tasks WHERE case_id = $1 ORDER BY id', [caseId]),
  };
}

/** The inbox and the readable log as they were before the lost attempt: its task claimed, nothing after it. */
async function expectOnlyTheClaim(engine: EngineHarness, caseId: string, taskId: string, phantom: string[]): Promise<void> {
  const inbox = await queryInbox(engine.db, { view: 'team', sort: 'due', caseId, dueSoonHours: 48, limit: 100, offset: 0, teams: undefined, userId: 'admin', now: new Date().toISOString() });
  expect(inbox.items.map((item) => `${item.id} ${item.status}`)).toEqual([`${caseId}:${taskId} claimed`]);
  const readable = (await engine.events(caseId)).map((event) => `${event.id} ${event.kind}`);
  expect(readable.filter((event) => phantom.includes(event))).toEqual([]);
  const [record] = await engine.db.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [caseId]);
  expect(record?.status).toBe('running');
}
