// Compensation on a real Temporal server: a failed removal undoes its bookings, newest first. The
// airline's booking system is outside Casemap, so its book and cancel handlers here are mocks that
// record what they were asked. The worker restarts between the two undo steps (its cache is gone,
// so the case is rebuilt from history half-way through compensating), and the finished case's
// history is replayed on today's workflow code.
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWorkflowBundle } from '../../runtime/case-worker.ts';
import { EngineHarness, eventually, fixture } from './support/engine-harness.ts';

describe('compensation on a real Temporal server', () => {
  let engine: EngineHarness;
  const booked: string[] = [];
  const cancelled: string[] = [];

  beforeAll(async () => {
    engine = await EngineHarness.start({
      serviceHandlers: {
        'book-flight': async ({ taskId }) => {
          const ticketReference = `TK-${booked.length + 1}`;
          booked.push(`${ticketReference} for ${taskId}`);
          return { ticketReference };
        },
        'cancel-flight': async ({ input }) => {
          cancelled.push(String(input.ticketReference));
          return { flightCancelled: true };
        },
      },
    });
    await engine.deploy(fixture('compensation.bpmn'));
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('cancels the flight, then stands the escorts down, through a worker restart, before the path goes on; and replays', async () => {
    // given a removal with escorts allocated and a flight booked
    const { caseId, handle } = await engine.startCase('Process_compensation');
    await engine.completeStep(caseId, 'Task_allocate_escorts', { escortReference: 'ES-7' });
    await engine.waitForTask(caseId, 'Task_departure');
    expect(booked).toHaveLength(1);

    // when the removal fails
    await engine.completeStep(caseId, 'Task_departure', { removalOutcome: 'failed' });

    // then the flight, booked last, is cancelled first, with the ticket reference its booking left
    await engine.waitForTask(caseId, 'Task_stand_down');
    expect(cancelled).toEqual(['TK-1']);
    expect((await engine.view(caseId)).tasks.map((task) => task.nodeId)).toEqual(['Task_stand_down']);

    // when the worker restarts with the escorts still to stand down, and a caseworker stands them down
    await engine.stopWorker();
    await engine.startWorker();
    const afterUndo = await engine.completeStep(caseId, 'Task_stand_down');

    // then compensation is over and the path goes on, with nothing cancelled twice
    expect(afterUndo.opened.map((task) => task.nodeId)).toEqual(['Task_update_record']);
    expect(cancelled).toEqual(['TK-1']);
    await engine.completeStep(caseId, 'Task_update_record');
    expect((await engine.result(caseId)).status).toBe('completed');
    const steps = (await engine.events(caseId)).map((event) => `${event.kind}:${event.nodeId ?? ''}`);
    const at = (step: string) => steps.indexOf(step);
    expect(at('element-entered:Service_cancel_flight')).toBeLessThan(at('element-entered:Task_stand_down'));
    expect(at('element-completed:Task_stand_down')).toBeLessThan(at('element-completed:Throw_cancel_bookings'));
    expect(at('element-completed:Throw_cancel_bookings')).toBeLessThan(at('element-entered:Task_update_record'));

    // and its whole history replays on today's workflow code
    const history = await handle.fetchHistory();
    await expect(Worker.runReplayHistory({ workflowBundle: await caseWorkflowBundle(), replayName: 'compensation' }, history)).resolves.toBeUndefined();
  }, 120_000);

  it('undoes nothing when the removal succeeds', async () => {
    // given
    const before = cancelled.length;
    const { caseId } = await engine.startCase('Process_compensation');
    await engine.completeStep(caseId, 'Task_allocate_escorts', { escortReference: 'ES-8' });
    // when
    await engine.completeStep(caseId, 'Task_departure', { removalOutcome: 'removed' });
    // then
    const done = await eventually(() => engine.result(caseId), (view) => view.status === 'completed');
    expect(done.tasks).toEqual([]);
    expect(cancelled).toHaveLength(before);
    expect(await engine.entered(caseId)).not.toContain('Task_stand_down');
  }, 60_000);
});
