// Signal start events on a real Temporal server, through the production worker: a broadcast asked
// for while no worker runs starts one case at the signal start once a worker is back, and is not
// also delivered to that case; a signal a case throws starts another; the broadcast's history replays.
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWorkflowBundle } from '../../runtime/case-worker.ts';
import { workflowIdForBroadcast } from '../../workflows/case-api.ts';
import type { signalBroadcastWorkflow } from '../../workflows/signal-broadcast-workflow.ts';
import { EngineHarness, eventually, fixture } from './support/engine-harness.ts';

const GUIDANCE = 'Country guidance changed';

describe('signal start events on Temporal', () => {
  let engine: EngineHarness;

  beforeAll(async () => {
    engine = await EngineHarness.start();
    for (const name of ['signal-start.bpmn', 'signal-publisher.bpmn']) await engine.deploy(fixture(name));
  });
  afterAll(async () => {
    await engine?.stop();
  });

  const startedCases = () =>
    engine.db.query<{ id: string; startedBy: string | null; data: Record<string, unknown> }>(`SELECT id, started_by AS "startedBy", data FROM cases WHERE definition_id = 'Process_signal_start' ORDER BY started_at, id`);
  const triggered = async (caseId: string) => (await engine.events(caseId)).filter((event) => event.kind === 'event-sub-process-triggered').map((event) => event.nodeId);

  it('starts a case at the signal start for a broadcast asked for while no worker runs, and again for a signal a case throws', async () => {
    // when a broadcast is asked for while no worker runs, and a fresh worker then picks it up
    await engine.stopWorker();
    const broadcast = await engine.client.workflow.start<typeof signalBroadcastWorkflow>('signalBroadcastWorkflow', {
      workflowId: workflowIdForBroadcast('guidance-start-1'),
      taskQueue: engine.taskQueue,
      args: [{ broadcastId: 'guidance-start-1', signalName: GUIDANCE, data: { guidanceNote: 'CPIN v4' } }],
    });
    await engine.startWorker();

    // then it started one case, at the signal start, with the broadcast's data
    const result = await broadcast.result();
    expect(result).toMatchObject({ signalled: 0, starts: { refusedStarts: [], startedCases: [{ definitionId: 'Process_signal_start' }] } });
    const [first] = await startedCases();
    expect(first).toMatchObject({ id: result.starts.startedCases[0]!.caseId, startedBy: 'signal', data: { guidanceNote: 'CPIN v4' } });
    const view = await engine.view(first!.id);
    expect(view.tasks.map((task) => task.nodeId)).toEqual(['Task_review']);
    // and the broadcast that started it did not reach its event sub-process too
    expect(await triggered(first!.id)).toEqual([]);

    // when a case throws the signal
    const publisher = await engine.startCase('Process_publish_guidance');
    await engine.completeStep(publisher.caseId, 'Task_approve');

    // then a second case starts, and the first, now waiting on its event sub-process, hears it once
    const both = await eventually(startedCases, (rows) => rows.length === 2);
    expect(both[1]).toMatchObject({ startedBy: 'signal' });
    await eventually(() => triggered(first!.id), (seen) => seen.length === 1);
    expect(await triggered(both[1]!.id)).toEqual([]);

    // and the broadcast's history replays on today's workflow code
    await expect(Worker.runReplayHistory({ workflowBundle: await caseWorkflowBundle(), replayName: 'signal-start-broadcast' }, await broadcast.fetchHistory())).resolves.toBeUndefined();
  }, 120_000);
});
