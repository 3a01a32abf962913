// Boundary timers (interrupting and non-interrupting), message boundaries, step SLAs and handoff
// deadlines: every timer here is one to three seconds of real time on the dev server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness, eventually, fixture } from './support/engine-harness.ts';

describe('boundary events and deadlines on a real Temporal server', () => {
  let engine: EngineHarness;

  beforeAll(async () => {
    engine = await EngineHarness.start();
    for (const name of ['boundary-timers.bpmn', 'message-boundary.bpmn', 'deadlines.bpmn']) await engine.deploy(fixture(name));
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('reminds without interrupting after one second, and moves a stalled step on after two', async () => {
    // given a referral (2 s interrupting timer) and a booking (1 s non-interrupting reminder)
    const { caseId } = await engine.startCase('Process_boundary_timers');

    // then the reminder path runs while the booking stays open
    await eventually(() => engine.entered(caseId), (entered) => entered.includes('End_reminded'));
    expect((await engine.view(caseId)).tasks.map((task) => task.nodeId)).toContain('Task_book');

    // and the stalled referral is cancelled in favour of the chase step
    await engine.waitForTask(caseId, 'Task_chase');
    const view = await engine.view(caseId);
    expect(view.tasks.map((task) => task.nodeId).sort()).toEqual(['Task_book', 'Task_chase']);
    const cancelled = (await engine.events(caseId)).filter((event) => event.kind === 'task-cancelled');
    expect(cancelled).toHaveLength(1);

    await engine.completeStep(caseId, 'Task_book');
    await engine.completeStep(caseId, 'Task_chase');
    expect((await engine.result(caseId)).status).toBe('completed');
    const fired = (await engine.events(caseId)).filter((event) => event.kind === 'timer-fired').map((event) => event.nodeId);
    expect(fired.sort()).toEqual(['Booking_reminder', 'Referral_stalled']);
  });

  it('interrupts a step when its message boundary event receives the message', async () => {
    const { caseId } = await engine.startCase('Process_message_boundary');

    await engine.message(caseId, 'Asylum claim raised', { claimRef: 'AS-1' });

    const claim = await engine.waitForTask(caseId, 'Task_claim');
    expect((await engine.view(caseId)).tasks.map((task) => task.nodeId)).toEqual(['Task_claim']);
    await engine.completeStep(caseId, claim.nodeId);
    expect(await engine.result(caseId)).toMatchObject({ status: 'completed', data: { claimRef: 'AS-1' } });
    expect(await engine.entered(caseId)).toContain('End_considered');
    expect(await engine.entered(caseId)).not.toContain('End_decided');
  });

  it('records a breached step SLA and an overdue handoff, keeping the tasks open', async () => {
    // given a referral due in two calendar seconds
    const { caseId, next } = await engine.startCase('Process_deadlines');
    expect(next.opened[0]).toMatchObject({ nodeId: 'Task_refer', team: 'prison-casework', dueAt: expect.any(String) });

    // when nobody acts within the SLA, the breach is recorded and the task stays with its team
    await eventually(() => engine.lifecycle(caseId), (kinds) => kinds.includes('sla-breached'));
    expect((await engine.view(caseId)).tasks.map((task) => task.nodeId)).toEqual(['Task_refer']);

    // when the case is handed to FNO Returns and nobody accepts it within two seconds
    const handed = await engine.completeStep(caseId, 'Task_refer');
    expect(handed.opened[0]).toMatchObject({ nodeId: 'Task_decide', handoff: expect.objectContaining({ fromTeam: 'prison-casework', toTeam: 'fno-returns', acceptBy: expect.any(String) }) });
    await eventually(() => engine.lifecycle(caseId), (kinds) => kinds.includes('handoff-overdue'));

    // then claiming still accepts the handoff and the case ends
    await engine.completeStep(caseId, 'Task_decide');
    expect((await engine.result(caseId)).status).toBe('completed');
    const events = await engine.events(caseId);
    expect(events.filter((event) => !event.kind.startsWith('element-')).map((event) => event.kind)).toEqual([
      'case-started',
      'ownership-changed',
      'task-ready',
      'timer-fired',
      'sla-breached',
      'task-claimed',
      'task-completed',
      'ownership-changed',
      'task-ready',
      'timer-fired',
      'handoff-overdue',
      'task-claimed',
      'handoff-accepted',
      'task-completed',
      'case-completed',
    ]);
    expect(events.find((event) => event.kind === 'sla-breached')).toMatchObject({ nodeId: 'Task_refer', team: 'prison-casework' });
    expect(events.find((event) => event.kind === 'handoff-overdue')).toMatchObject({ nodeId: 'Task_decide', team: 'fno-returns' });
  });
});
