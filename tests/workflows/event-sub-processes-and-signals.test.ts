// Event sub-processes and broadcast signals on a real Temporal server: a withdrawal message that
// cancels everything open at any time, a reminder cycle running beside the work, an error caught by
// an event sub-process inside a sub-process, and a signal broadcast (from outside and from a throw
// event) that reaches every waiting case once, across a worker restart; the histories replay.
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWorkflowBundle } from '../../runtime/case-worker.ts';
import { workflowIdForBroadcast } from '../../workflows/case-api.ts';
import type { signalBroadcastWorkflow } from '../../workflows/signal-broadcast-workflow.ts';
import { EngineHarness, eventually, fixture } from './support/engine-harness.ts';

const GUIDANCE = 'Country guidance changed';

describe('event sub-processes and signals on Temporal', () => {
  let engine: EngineHarness;

  beforeAll(async () => {
    engine = await EngineHarness.start();
    for (const name of ['event-sub-processes.bpmn', 'signals.bpmn', 'signal-publisher.bpmn']) await engine.deploy(fixture(name));
  });
  afterAll(async () => {
    await engine?.stop();
  });

  const kinds = async (caseId: string) => (await engine.events(caseId)).map((event) => event.kind);
  const triggered = async (caseId: string) =>
    (await engine.events(caseId)).filter((event) => event.kind === 'event-sub-process-triggered').map((event) => [event.nodeId, event.data.interrupting]);

  it('reminds beside the work, and a withdrawal at any time cancels everything open, across a worker restart', async () => {
    // given a case checking documents, whose weekly reminder (here every second, twice) runs beside the work
    const { caseId, handle, next } = await engine.startCase('Process_esp');
    expect(next.opened.map((task) => task.nodeId)).toEqual(['Task_check']);
    await eventually(() => triggered(caseId), (seen) => seen.length === 2);
    expect(await triggered(caseId)).toEqual([['Esp_reminder', false], ['Esp_reminder', false]]);
    expect((await engine.view(caseId)).tasks.map((task) => task.nodeId)).toEqual(['Task_check']);

    // when the worker restarts and the case is withdrawn while it is down
    await engine.stopWorker();
    await engine.message(caseId, 'Case withdrawn', { withdrawalReason: 'voluntary departure' });
    await engine.startWorker();

    // then the open check (inside a sub-process) is cancelled and only the withdrawal runs
    const close = await engine.waitForTask(caseId, 'Task_close');
    const view = await engine.view(caseId);
    expect(view.tasks.map((task) => task.nodeId)).toEqual(['Task_close']);
    expect(view.data).toMatchObject({ withdrawalReason: 'voluntary departure' });
    const events = await engine.events(caseId);
    expect(events.filter((event) => event.kind === 'task-cancelled').map((event) => event.taskId?.split(':')[0])).toEqual(['Task_check']);
    expect(await triggered(caseId)).toEqual([['Esp_reminder', false], ['Esp_reminder', false], ['Esp_withdrawn', true]]);
    await engine.claim(caseId, close.taskId);
    await engine.complete(caseId, close.taskId);
    expect((await engine.result(caseId)).status).toBe('completed');
    expect(await engine.entered(caseId)).not.toContain('Task_assess');

    // and its whole history replays on today's workflow code
    await expect(Worker.runReplayHistory({ workflowBundle: await caseWorkflowBundle(), replayName: 'event-sub-processes' }, await handle.fetchHistory())).resolves.toBeUndefined();
  }, 120_000);

  it('catches an error end event inside a sub-process on its error event sub-process, then carries on after the sub-process', async () => {
    const { caseId } = await engine.startCase('Process_esp');
    const after = await engine.completeStep(caseId, 'Task_check', { documentsFound: false });
    expect(after.opened.map((task) => task.nodeId)).toEqual(['Task_request']);
    expect((await engine.events(caseId)).find((event) => event.kind === 'error-raised')).toMatchObject({ nodeId: 'End_missing', data: { errorCode: 'DOCUMENTS_MISSING', caught: true } });
    const assess = await engine.completeStep(caseId, 'Task_request');
    expect(assess.opened.map((task) => task.nodeId)).toEqual(['Task_assess']);
    await engine.completeStep(caseId, 'Task_assess');
    expect((await engine.result(caseId)).status).toBe('completed');
  }, 60_000);

  it('broadcasts a signal to every waiting case once, across a worker restart, and again from a throw event', async () => {
    // given three cases, each waiting on the signal three ways (catch event, boundary, event sub-process)
    const cases = await Promise.all([1, 2, 3].map(() => engine.startCase('Process_guidance')));
    const ids = cases.map((started) => started.caseId);
    await eventually(
      () => engine.db.query<{ n: number }>('SELECT count(*)::int AS n FROM signal_subscriptions WHERE signal_name = $1 AND case_id = ANY($2)', [GUIDANCE, ids]),
      (rows) => rows[0]!.n === 9,
    );

    // when a broadcast is asked for while no worker runs, and a fresh worker then picks it up
    await engine.stopWorker();
    const broadcast = await engine.client.workflow.start<typeof signalBroadcastWorkflow>('signalBroadcastWorkflow', {
      workflowId: workflowIdForBroadcast('guidance-1'),
      taskQueue: engine.taskQueue,
      args: [{ broadcastId: 'guidance-1', signalName: GUIDANCE, data: { guidanceNote: 'CPIN v3' } }],
    });
    await engine.startWorker();

    // then every case caught it once, in all three places
    expect(await broadcast.result()).toMatchObject({ signalled: 3 });
    for (const caseId of ids) {
      await engine.waitForTask(caseId, 'Task_recheck');
      await eventually(() => triggered(caseId), (seen) => seen.length >= 1);
      const view = await engine.view(caseId);
      expect(view.tasks.map((task) => task.nodeId).sort()).toEqual(['Task_decide', 'Task_recheck', 'Task_review']);
      expect(view.data).toMatchObject({ guidanceNote: 'CPIN v3' });
      expect(await triggered(caseId)).toEqual([['Esp_guidance', false]]);
      const received = (await engine.events(caseId)).filter((event) => event.kind === 'signal-received');
      expect(received.map((event) => event.nodeId).sort()).toEqual(['Guidance_during_decision', 'Start_guidance', 'Wait_guidance']);
      expect(received.every((event) => event.data.broadcastId === 'guidance-1')).toBe(true);
    }

    // when the publishing case approves a guidance note (a signal throw event)
    const publisher = await engine.startCase('Process_publish_guidance');
    await engine.completeStep(publisher.caseId, 'Task_approve');
    expect((await engine.result(publisher.caseId)).status).toBe('completed');

    // then the waits still open (the boundary on the decision, the event sub-process) fire again, once each
    for (const caseId of ids) {
      await eventually(() => engine.view(caseId), (view) => view.tasks.filter((task) => task.nodeId === 'Task_recheck').length === 2);
      // The log is written just after the step, so wait for it too.
      await eventually(() => triggered(caseId), (seen) => seen.length >= 2);
      expect(await triggered(caseId)).toEqual([['Esp_guidance', false], ['Esp_guidance', false]]);
      expect((await kinds(caseId)).filter((kind) => kind === 'signal-received')).toHaveLength(5);
    }
    const thrown = (await engine.events(publisher.caseId)).find((event) => event.kind === 'signal-thrown');
    expect(thrown).toMatchObject({ nodeId: 'Throw_guidance', data: { signalName: GUIDANCE } });
    const fromThrow = engine.client.workflow.getHandle(workflowIdForBroadcast(String(thrown!.data.broadcastId)));
    expect(await fromThrow.result()).toMatchObject({ signalled: 3 });

    // and the cases finish, their waits gone from the projection
    for (const caseId of ids) {
      await engine.completeStep(caseId, 'Task_review');
      await engine.completeStep(caseId, 'Task_decide');
      for (const task of (await engine.view(caseId)).tasks) {
        await engine.claim(caseId, task.taskId);
        await engine.complete(caseId, task.taskId);
      }
      expect((await engine.result(caseId)).status).toBe('completed');
    }
    expect(await engine.db.query('SELECT 1 FROM signal_subscriptions WHERE case_id = ANY($1)', [ids])).toEqual([]);

    // and the histories of a waiting case, the publisher and both broadcasts replay on today's code
    const workflowBundle = await caseWorkflowBundle();
    for (const [name, handle] of [['signal-catch', cases[0]!.handle], ['signal-throw', publisher.handle], ['signal-broadcast', broadcast], ['signal-broadcast-thrown', fromThrow]] as const) {
      await expect(Worker.runReplayHistory({ workflowBundle, replayName: name }, await handle.fetchHistory()), name).resolves.toBeUndefined();
    }
  }, 180_000);
});
