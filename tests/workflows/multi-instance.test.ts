// Multi-instance steps on a real Temporal server: parallel service tasks per dependant, a sequential
// sub-process per dependant, and three parallel reviews of which two suffice, through a worker
// restart in the middle; then the finished case's whole history is replayed on today's code.
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWorkflowBundle } from '../../runtime/case-worker.ts';
import { EngineHarness, eventually, fixture } from './support/engine-harness.ts';

const dependants = [{ name: 'Ana' }, { name: 'Ben' }, { name: 'Cy' }];

describe('multi-instance steps on a real Temporal server', () => {
  let engine: EngineHarness;

  beforeAll(async () => {
    engine = await EngineHarness.start({
      serviceHandlers: {
        // A record check outside Casemap: answers for the one dependant the instance was given.
        'check-dependant-record': async ({ input }) => ({ record: `${(input.dependant as { name: string }).name}: no record` }),
      },
    });
    await engine.deploy(fixture('multi-instance.bpmn'));
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('runs each instance with its own item through a worker restart, gathers the outputs in order, and replays', async () => {
    // given a case whose three record checks run at once, then whose interviews run one at a time
    const { caseId, handle } = await engine.startCase('Process_multi_instance', { dependants });
    const first = await engine.waitForTask(caseId, 'Task_interview');
    expect(first.instance).toMatchObject({ index: 1, count: 3, completed: 0 });
    expect((await engine.view(caseId)).data.records).toEqual(['Ana: no record', 'Ben: no record', 'Cy: no record']);
    await engine.claim(caseId, first.taskId);
    await engine.complete(caseId, first.taskId, { outcome: 'seen' });

    // when the worker restarts mid-way (its cache is gone: the case is rebuilt from history)
    await engine.stopWorker();
    await engine.startWorker();
    const second = await engine.waitForTask(caseId, 'Task_interview');
    expect(second.instance).toMatchObject({ index: 2, count: 3, completed: 1 });
    await engine.completeStep(caseId, 'Task_interview', { outcome: 'seen' });
    const third = await engine.completeStep(caseId, 'Task_interview', { outcome: 'refused' });

    // then the interviews are gathered in order and three reviews open at once
    expect(third.opened.map((task) => [task.nodeId, task.instance])).toMatchObject([
      ['Task_review', { index: 1, count: 3, completed: 0 }],
      ['Task_review', { index: 2, count: 3, completed: 0 }],
      ['Task_review', { index: 3, count: 3, completed: 0 }],
    ]);
    expect((await engine.view(caseId)).data.interviews).toEqual(['Ana: seen', 'Ben: seen', 'Cy: refused']);

    // when two reviewers agree, the completion condition holds and the third review is withdrawn
    const [a, b, c] = third.opened;
    await engine.claim(caseId, a!.taskId);
    await engine.complete(caseId, a!.taskId, { agreed: true });
    expect((await engine.view(caseId)).tasks.map((task) => task.instance)).toMatchObject([
      { index: 2, count: 3, completed: 1 },
      { index: 3, count: 3, completed: 1 },
    ]);
    await engine.claim(caseId, c!.taskId);
    await engine.complete(caseId, c!.taskId, { agreed: true });

    // then the case completes, the review of the second reviewer cancelled and its timer withdrawn
    const done = await engine.result(caseId);
    expect(done.status).toBe('completed');
    expect(done.timers).toEqual([]);
    const events = await eventually(() => engine.events(caseId), (rows) => rows.some((row) => row.kind === 'case-completed'));
    expect(events.filter((row) => row.kind === 'task-cancelled').map((row) => row.taskId)).toEqual([b!.taskId]);
    expect(events.filter((row) => row.kind === 'task-completed')).toHaveLength(5);

    // and its whole history replays on today's workflow code
    const history = await handle.fetchHistory();
    await expect(Worker.runReplayHistory({ workflowBundle: await caseWorkflowBundle(), replayName: 'multi-instance' }, history)).resolves.toBeUndefined();
  }, 120_000);
});
