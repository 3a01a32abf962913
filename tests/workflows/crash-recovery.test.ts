// A worker process killed with SIGKILL mid-case (one projection write committed but never
// acknowledged) and a fresh worker taking over: every case finishes, and each case's event log
// holds every lifecycle event exactly once, numbered without gaps, and exactly the events history holds.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProjectionActivities } from '../../activities/projection-activities.ts';
import type { NextSteps } from '../../workflows/case-api.ts';
import { historyCaseLog, payloadDecoder } from '../../bench/reliability/history-case-log.ts';
import type { ParentCall, ParentReply } from './support/crash-worker.ts';
import { EngineHarness, fixture } from './support/engine-harness.ts';

const workerScript = fileURLToPath(new URL('./support/crash-worker.ts', import.meta.url));
const CASES = 4;
const expectedLifecycle = ['case-started', 'task-ready', 'task-claimed', 'task-completed', 'task-ready', 'task-claimed', 'task-completed', 'case-completed'];

/** A worker in a child process whose projection writes this process carries out; `killOnNextWrite` arms a SIGKILL after the next write commits. */
async function crashableWorker(engine: EngineHarness) {
  const projection = createProjectionActivities(engine.db);
  const state = { killOnNextWrite: false, killed: false };
  const child = fork(workerScript, [engine.address, engine.taskQueue], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.on('message', async (message: ParentCall | { type: 'ready' }) => {
    if (message.type !== 'call') return;
    const reply = (value: ParentReply) => child.connected && child.send(value);
    try {
      const value = await (projection[message.name] as (...args: unknown[]) => Promise<unknown>)(...message.args);
      if (state.killOnNextWrite && message.name === 'recordCaseEvents') {
        // The write is committed; the worker dies before it can report the activity done.
        state.killOnNextWrite = false;
        state.killed = true;
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

/** The case log as the case's history holds it, `<id> <kind>` each. */
async function historyLog(engine: EngineHarness, caseId: string): Promise<string[]> {
  const history = (await engine.handle(caseId).fetchHistory()).events ?? [];
  return (await historyCaseLog(history, payloadDecoder(engine.db))).map((event) => `${event.id} ${event.kind}`);
}

describe('a worker killed mid-case', () => {
  let engine: EngineHarness;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    engine = await EngineHarness.start({ withoutWorker: true });
    await engine.deploy(fixture('crash-referral.bpmn'));
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
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
    expect(crashable.state.killed).toBe(true);

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
    // The victim's write really was retried: its projection activity ran a second attempt.
    const history = (await engine.handle(victim).fetchHistory()).events ?? [];
    const attempts = history.map((event) => event.activityTaskStartedEventAttributes?.attempt ?? 0);
    expect(Math.max(...attempts)).toBeGreaterThanOrEqual(2);
  });
});
