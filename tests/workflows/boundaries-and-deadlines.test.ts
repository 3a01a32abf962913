// Boundary timers (interrupting and non-interrupting, and reminder cycles), message boundaries
// (interrupting and not), step SLAs and handoff deadlines escalated to the team lead: every timer
// here is one to three seconds of real time on the dev server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness, eventually, fixture } from './support/engine-harness.ts';

describe('boundary events and deadlines on a real Temporal server', () => {
  let engine: EngineHarness;

  beforeAll(async () => {
    engine = await EngineHarness.start();
    for (const name of ['boundary-timers.bpmn', 'message-boundary.bpmn', 'message-boundary-non-interrupting.bpmn', 'reminder-cycle.bpmn', 'deadlines.bpmn']) await engine.deploy(fixture(name));
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

  it('reminds the step team at each firing of a reminder cycle, three times for R3, while the step stays open', async () => {
    // given a chase step with an R3/PT1S non-interrupting reminder
    const { caseId } = await engine.startCase('Process_reminder_cycle');
    const reminders = async () => (await engine.events(caseId)).filter((event) => event.kind === 'reminder-due');

    // then three reminders come, numbered, to the re-documentation team, and the cycle is spent
    const sent = await eventually(reminders, (events) => events.length === 3);
    const chase = await engine.waitForTask(caseId, 'Task_chase');
    expect(sent.map((event) => [event.nodeId, event.team, event.taskId, event.data.firing, event.data.remaining])).toEqual([
      ['Chase_reminder', 'redocumentation', chase.taskId, 1, 2],
      ['Chase_reminder', 'redocumentation', chase.taskId, 2, 1],
      ['Chase_reminder', 'redocumentation', chase.taskId, 3, 0],
    ]);
    const view = await eventually(() => engine.view(caseId), (current) => current.timers.length === 0);
    expect(view.tasks.map((task) => task.nodeId)).toEqual(['Task_chase']);
    expect((await engine.entered(caseId)).filter((nodeId) => nodeId === 'End_reminded')).toHaveLength(3);

    // when the chase is done the case ends with exactly those three reminders
    await engine.completeStep(caseId, 'Task_chase');
    expect((await engine.result(caseId)).status).toBe('completed');
    expect(await reminders()).toHaveLength(3);
  });

  it('runs a non-interrupting message boundary once per message while its step stays open, and stops listening after', async () => {
    // given a decision that further representations may arrive during
    const { caseId } = await engine.startCase('Process_representations');

    // when two sets of representations arrive
    await engine.message(caseId, 'Further representations received', { representations: 1 });
    await eventually(() => engine.view(caseId), (view) => view.tasks.length === 2);
    await engine.message(caseId, 'Further representations received', { representations: 2 });

    // then each opens its own consideration step and the decision stays open
    const both = await eventually(() => engine.view(caseId), (view) => view.tasks.length === 3);
    expect(both.tasks.map((task) => task.nodeId).sort()).toEqual(['Task_consider', 'Task_consider', 'Task_decide']);
    expect(both.data).toMatchObject({ representations: 2 });

    // when the decision is made, the boundary stops listening: a late message is reported unmatched
    await engine.completeStep(caseId, 'Task_decide');
    expect((await engine.view(caseId)).waitingFor).toEqual([]);
    await engine.message(caseId, 'Further representations received', { representations: 3 });
    const received = await eventually(
      async () => (await engine.events(caseId)).filter((event) => event.kind === 'message-received'),
      (events) => events.length === 3,
    );
    expect(received.map((event) => event.data.matched ?? event.data.correlated)).toEqual([true, true, false]);
    for (const task of (await engine.view(caseId)).tasks) {
      await engine.claim(caseId, task.taskId);
      await engine.complete(caseId, task.taskId);
    }
    expect(await engine.result(caseId)).toMatchObject({ status: 'completed', data: { representations: 2 } });
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
      'escalated-to-lead',
      'task-claimed',
      'task-completed',
      'ownership-changed',
      'task-ready',
      'timer-fired',
      'handoff-overdue',
      'escalated-to-lead',
      'task-claimed',
      'handoff-accepted',
      'task-completed',
      'case-completed',
    ]);
    expect(events.find((event) => event.kind === 'sla-breached')).toMatchObject({ nodeId: 'Task_refer', team: 'prison-casework' });
    expect(events.find((event) => event.kind === 'handoff-overdue')).toMatchObject({ nodeId: 'Task_decide', team: 'fno-returns' });
    // each missed deadline went to the lead of the team holding the task, saying which and when
    const escalations = events.filter((event) => event.kind === 'escalated-to-lead');
    expect(escalations.map((event) => [event.nodeId, event.team, event.data.reason, event.data.taskName])).toEqual([
      ['Task_refer', 'prison-casework', 'sla-breached', 'Refer case to FNO Returns'],
      ['Task_decide', 'fno-returns', 'handoff-overdue', 'Make deportation decision'],
    ]);
    expect(escalations[0]?.data.dueAt).toBe(next.opened[0]?.dueAt);
    expect(escalations[1]?.data.dueAt).toBe(handed.opened[0]?.handoff?.acceptBy);
  });
});
