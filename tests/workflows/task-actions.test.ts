// The task Updates besides claim and complete (return to queue, reassign, accept a handoff) and the
// cancelCase Signal, on a real Temporal server. Each refusal comes from the Update's validator, so
// it must leave the workflow's history exactly as it was.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptHandoffUpdate, cancelCaseSignal, reassignTaskUpdate, returnTaskUpdate, TaskRefusal, type Actor, type ReassignTaskRequest } from '../../workflows/case-api.ts';
import { EngineHarness, fixture, type StartedCase } from './support/engine-harness.ts';
import { confirmAnswered } from '../../services/case-log-confirm.ts';

const priya: Actor = { userId: 'priya', teams: ['prison-casework'], leadOf: [], roles: [] };
const sam: Actor = { userId: 'sam', teams: ['prison-casework'], leadOf: [], roles: [] };
const prisonLead: Actor = { userId: 'pat', teams: ['prison-casework'], leadOf: ['prison-casework'], roles: [] };
const tom: Actor = { userId: 'tom', teams: ['fno-returns'], leadOf: [], roles: [] };
const lena: Actor = { userId: 'lena', teams: ['fno-returns'], leadOf: ['fno-returns'], roles: [] };

describe('returning, reassigning and accepting tasks, and cancelling a case', () => {
  let engine: EngineHarness;

  beforeAll(async () => {
    engine = await EngineHarness.start();
    await engine.deploy(fixture('handoff.bpmn'));
  });
  afterAll(async () => {
    await engine?.stop();
  });

  const historyLength = async ({ handle }: StartedCase) => (await handle.fetchHistory()).events?.length ?? 0;

  /** Runs an Update that must be refused; returns the refusal code and checks history did not grow. */
  async function refused(started: StartedCase, update: () => Promise<unknown>): Promise<string | undefined> {
    const before = await historyLength(started);
    const error = await update().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    if (!(error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure)) throw new Error(`Expected a refused Update, got ${String(error)}`);
    expect(await historyLength(started)).toBe(before);
    return error.cause.type ?? undefined;
  }

  // As the API does, each answer confirms the case log through the position it carries.
  const returnTask = async (started: StartedCase, taskId: string, actor: Actor) => confirmAnswered(engine.db, started.caseId, await started.handle.executeUpdate(returnTaskUpdate, { args: [{ taskId, actor }] }));
  const reassign = async (started: StartedCase, request: ReassignTaskRequest) => confirmAnswered(engine.db, started.caseId, await started.handle.executeUpdate(reassignTaskUpdate, { args: [request] }));
  const accept = async (started: StartedCase, taskId: string, actor: Actor) => confirmAnswered(engine.db, started.caseId, await started.handle.executeUpdate(acceptHandoffUpdate, { args: [{ taskId, actor }] }));

  it('returns a claimed task to its team queue, refusing another caseworker and a task nobody holds', async () => {
    // given priya holds the referral
    const started = await engine.startCase('Process_handoff');
    const task = started.next.opened[0]!;
    await engine.claim(started.caseId, task.taskId, priya);

    // then a colleague who does not hold it, and a member of another team, cannot return it
    expect(await refused(started, () => returnTask(started, task.taskId, sam))).toBe(TaskRefusal.notAllowed);
    expect(await refused(started, () => returnTask(started, task.taskId, tom))).toBe(TaskRefusal.notAllowed);

    // when priya returns it, it is unclaimed again and sam may take it
    await returnTask(started, task.taskId, priya);
    expect((await engine.view(started.caseId)).tasks[0]?.claimedBy).toBeUndefined();
    expect(await refused(started, () => returnTask(started, task.taskId, priya))).toBe(TaskRefusal.notOpen);
    await engine.claim(started.caseId, task.taskId, sam);

    // and the team lead may return a task someone else holds
    await returnTask(started, task.taskId, prisonLead);
    const kinds = (await engine.events(started.caseId)).filter((event) => event.taskId === task.taskId).map((event) => `${event.kind}:${event.actor ?? ''}`);
    expect(kinds).toEqual(['task-ready:', 'task-claimed:priya', 'task-returned:priya', 'task-claimed:sam', 'task-returned:pat']);
    await started.handle.terminate('test over');
  });

  it("lets only the team's lead reassign a task, to a person or to another team", async () => {
    const started = await engine.startCase('Process_handoff');
    const task = started.next.opened[0]!;

    // a caseworker, and the lead of another team, are refused
    expect(await refused(started, () => reassign(started, { taskId: task.taskId, actor: priya, toUser: 'sam' }))).toBe(TaskRefusal.notAllowed);
    expect(await refused(started, () => reassign(started, { taskId: task.taskId, actor: lena, toUser: 'sam' }))).toBe(TaskRefusal.notAllowed);
    // a reassignment that names nobody is refused too
    expect(await refused(started, () => reassign(started, { taskId: task.taskId, actor: prisonLead }))).toBe(TaskRefusal.notAllowed);

    // the lead gives it to sam, then moves it to FNO Returns
    await reassign(started, { taskId: task.taskId, actor: prisonLead, toUser: 'sam' });
    expect((await engine.view(started.caseId)).tasks[0]).toMatchObject({ claimedBy: 'sam', team: 'prison-casework' });
    await reassign(started, { taskId: task.taskId, actor: prisonLead, toTeam: 'fno-returns' });
    const moved = (await engine.view(started.caseId)).tasks[0];
    expect(moved?.team).toBe('fno-returns');
    expect(moved?.claimedBy).toBeUndefined();

    // now it is FNO Returns' task: its lead may reassign it, the prison lead no longer
    expect(await refused(started, () => reassign(started, { taskId: task.taskId, actor: prisonLead, toUser: 'priya' }))).toBe(TaskRefusal.notAllowed);
    await reassign(started, { taskId: task.taskId, actor: lena, toUser: 'tom' });
    const reassigned = (await engine.events(started.caseId)).filter((event) => event.kind === 'task-reassigned');
    expect(reassigned.map((event) => [event.actor, event.team, event.data])).toEqual([
      ['pat', 'prison-casework', { toUser: 'sam' }],
      ['pat', 'fno-returns', { toTeam: 'fno-returns' }],
      ['lena', 'fno-returns', { toUser: 'tom' }],
    ]);
    await started.handle.terminate('test over');
  });

  it('accepts a handoff once, by the receiving team only, and refuses it for a task that is done', async () => {
    // given the referral is done and the decision handed to FNO Returns
    const started = await engine.startCase('Process_handoff');
    const handed = await engine.completeStep(started.caseId, 'Task_refer', {}, priya);
    const decision = handed.opened[0]!;
    expect(decision.handoff).toMatchObject({ fromTeam: 'prison-casework', toTeam: 'fno-returns', acceptBy: expect.any(String) });
    expect((await engine.view(started.caseId)).timers).toHaveLength(1);

    // then the sending team cannot accept it, and the finished referral is a stale request
    expect(await refused(started, () => accept(started, decision.taskId, priya))).toBe(TaskRefusal.notAllowed);
    expect(await refused(started, () => accept(started, started.next.opened[0]!.taskId, tom))).toBe(TaskRefusal.notOpen);

    // when tom accepts, the acceptance deadline is withdrawn and nobody can accept again
    await accept(started, decision.taskId, tom);
    expect((await engine.view(started.caseId)).timers).toEqual([]);
    expect(await refused(started, () => accept(started, decision.taskId, lena))).toBe(TaskRefusal.alreadyClaimed);

    // and the case ends when the decision is made
    await engine.claim(started.caseId, decision.taskId, tom);
    await engine.complete(started.caseId, decision.taskId, {}, tom);
    expect((await engine.result(started.caseId)).status).toBe('completed');
    const accepted = (await engine.events(started.caseId)).filter((event) => event.kind === 'handoff-accepted');
    expect(accepted.map((event) => [event.actor, event.team])).toEqual([['tom', 'fno-returns']]);
  });

  it('refuses to accept a task that was not handed over', async () => {
    const started = await engine.startCase('Process_handoff');
    expect(await refused(started, () => accept(started, started.next.opened[0]!.taskId, priya))).toBe(TaskRefusal.noHandoff);
    await started.handle.terminate('test over');
  });

  it('cancels a case on the cancelCase signal, withdrawing its open task and its deadline', async () => {
    // given a decision waiting for FNO Returns to accept it
    const started = await engine.startCase('Process_handoff');
    await engine.completeStep(started.caseId, 'Task_refer', {}, priya);

    // when a lead cancels the case
    await started.handle.signal(cancelCaseSignal, { reason: 'Removal no longer pursued', actor: 'lena' });

    // then it ends cancelled, with the task withdrawn and no timer left
    expect(await engine.result(started.caseId)).toMatchObject({ status: 'cancelled', tasks: [], timers: [] });
    const events = await engine.events(started.caseId);
    expect(events.find((event) => event.kind === 'case-cancelled')).toMatchObject({ actor: 'lena', data: { reason: 'Removal no longer pursued' } });
    expect(events.filter((event) => event.kind === 'task-cancelled').map((event) => event.taskId?.split(':')[0])).toEqual(['Task_decide']);
    expect(events.at(-1)?.kind).not.toBe('case-completed');
  });
});
