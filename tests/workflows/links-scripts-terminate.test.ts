// Link events, FEEL script tasks and a terminate end event inside an embedded sub-process, run on a
// real Temporal server through a worker restart, then the finished case's history is replayed.
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWorkflowBundle } from '../../runtime/case-worker.ts';
import { EngineHarness, fixture } from './support/engine-harness.ts';

describe('link events, FEEL script tasks and terminate inside a sub-process on a real Temporal server', () => {
  let engine: EngineHarness;

  beforeAll(async () => {
    engine = await EngineHarness.start();
    await engine.deploy(fixture('links-scripts-terminate.bpmn'));
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('computes with FEEL, jumps through the link, ends only the sub-process at terminate, and replays', async () => {
    // given a case: the script works out the ERS date, the link jumps to the checks sub-process
    const { caseId, handle, next } = await engine.startCase('Process_zeebe_constructs', { releaseDate: '2026-12-31', nationality: 'NG' });
    expect(next.opened.map((task) => task.nodeId).sort()).toEqual(['Task_barrier', 'Task_documents']);
    expect((await engine.view(caseId)).data).toMatchObject({ ersDate: '2026-04-05' });
    expect(await engine.entered(caseId)).toEqual(expect.arrayContaining(['Script_ers', 'Throw_checks', 'Catch_checks', 'Sub_checks']));

    // when the worker restarts (its cache is gone, so the case is rebuilt from history) and the barrier check ends at terminate
    await engine.stopWorker();
    await engine.startWorker();
    const afterBarrier = await engine.completeStep(caseId, 'Task_barrier');

    // then only the sub-process ended: its other task is closed and the flow after it went on
    expect(afterBarrier.opened.map((task) => task.nodeId)).toEqual(['Task_decide']);
    const view = await engine.view(caseId);
    expect(view.status).toBe('running');
    expect(view.tasks.map((task) => task.nodeId)).toEqual(['Task_decide']);
    expect(view.data).toMatchObject({ summary: '2026-04-05 / NG' });
    const kinds = (await engine.events(caseId)).map((event) => `${event.kind}:${event.nodeId ?? ''}`);
    expect(kinds).toContain('element-cancelled:Task_documents');
    expect(kinds).toContain('element-completed:Sub_checks');

    // and the case completes normally
    await engine.completeStep(caseId, 'Task_decide');
    const done = await engine.result(caseId);
    expect(done.status).toBe('completed');
    expect(await engine.lifecycle(caseId)).not.toContain('case-terminated');

    // and its whole history replays on today's workflow code
    const history = await handle.fetchHistory();
    await expect(Worker.runReplayHistory({ workflowBundle: await caseWorkflowBundle(), replayName: 'links-scripts-terminate' }, history)).resolves.toBeUndefined();
  }, 120_000);
});
