// Intermediate timer and message events, receive tasks (with a correlation key), send tasks and
// manual tasks, each run as a real case on the Temporal dev server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness, eventually, fixture } from './support/engine-harness.ts';

describe('events and simple tasks on a real Temporal server', () => {
  let engine: EngineHarness;

  beforeAll(async () => {
    engine = await EngineHarness.start();
    for (const name of ['intermediate-events.bpmn', 'receive-task.bpmn', 'send-and-manual.bpmn']) await engine.deploy(fixture(name));
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('waits on an intermediate timer, then on an intermediate message, ignoring a message that comes too early', async () => {
    // given a case in its cooling-off period (five seconds, so it cannot end before the next two
    // steps of the test even on a loaded machine)
    const { caseId } = await engine.startCase('Process_intermediate');
    const waiting = await engine.view(caseId);
    expect(waiting.timers).toHaveLength(1);
    expect(waiting.waitingFor).toEqual([]);

    // when the flight is confirmed before anyone waits for it, nothing moves
    await engine.message(caseId, 'Flight confirmed', { flight: 'too-early' });

    // then after the timer the case waits for the message, and the next confirmation ends it
    await eventually(() => engine.view(caseId), (view) => view.waitingFor.some((sub) => sub.messageName === 'Flight confirmed'));
    await engine.message(caseId, 'Flight confirmed', { flight: 'BA123' });
    expect(await engine.result(caseId)).toMatchObject({ status: 'completed', data: { flight: 'BA123' } });
    const events = await engine.events(caseId);
    const received = events.filter((event) => event.kind === 'message-received');
    expect(received[0]?.data).toMatchObject({ messageName: 'Flight confirmed', matched: false });
    // the matched message is logged once, when the engine correlates it
    expect(received.slice(1).map((event) => event.data)).toEqual([expect.objectContaining({ messageName: 'Flight confirmed', correlated: true })]);
    expect(events.filter((event) => event.kind === 'timer-fired').map((event) => event.nodeId)).toEqual(['Wait_cooling_off']);
  });

  it('completes a receive task only with the message whose correlation key matches the case', async () => {
    // given a case waiting for the travel document of prison number A1234BC
    const { caseId } = await engine.startCase('Process_receive', { prisonNumber: 'A1234BC' });
    expect((await engine.view(caseId)).waitingFor).toEqual([expect.objectContaining({ messageName: 'Travel document issued', correlationKey: 'A1234BC' })]);

    // when a document for another prisoner arrives, the case keeps waiting
    await engine.message(caseId, 'Travel document issued', { documentId: 'wrong' }, 'Z9999ZZ');
    expect((await engine.view(caseId)).status).toBe('running');

    // then the matching document completes it
    await engine.message(caseId, 'Travel document issued', { documentId: 'ETD-77' }, 'A1234BC');
    expect(await engine.result(caseId)).toMatchObject({ status: 'completed', data: { documentId: 'ETD-77' } });
  });

  it('runs a send task through the send-message handler and passes a manual task as done', async () => {
    const { caseId } = await engine.startCase('Process_send_manual');

    const done = await engine.result(caseId);

    expect(done.status).toBe('completed');
    expect(Object.keys(done.data).some((key) => key.endsWith('SentAt'))).toBe(true);
    expect(await engine.entered(caseId)).toEqual(['Start', 'Send_notice', 'Manual_handover', 'End']);
    const completed = (await engine.events(caseId)).filter((event) => event.kind === 'element-completed').map((event) => event.nodeId);
    expect(completed).toEqual(expect.arrayContaining(['Send_notice', 'Manual_handover']));
  });
});
