import { describe, expect, it } from 'vitest';
import type { Actor } from '../contract/task.ts';
import { Driver } from './engine-driver.testing.ts';
import { ir, team } from './ir-builder.testing.ts';
import { checkTaskAction, type TaskActionRequest } from './task-rules.ts';

const decision = { name: 'decision', label: 'Decision', type: 'enum' as const, required: true, options: ['deport', 'do-not-deport'] };
const process = ir()
  .node('s', 'startEvent')
  .node('refer', 'userTask', { name: 'Refer', owner: team('prison') })
  .node('decide', 'userTask', { name: 'Decide', owner: team('returns'), form: [decision] })
  .node('e', 'endEvent')
  .seq('s', 'refer', 'decide', 'e')
  .build();

const priya: Actor = { userId: 'priya', teams: ['prison'], leadOf: [], roles: [] };
const tom: Actor = { userId: 'tom', teams: ['returns'], leadOf: [], roles: [] };
const sam: Actor = { userId: 'sam', teams: ['returns'], leadOf: [], roles: [] };
const lena: Actor = { userId: 'lena', teams: ['returns'], leadOf: ['returns'], roles: [] };
const ada: Actor = { userId: 'ada', teams: [], leadOf: [], roles: ['admin'] };

/** A case at "Decide" (handed over from prison to returns), claimed by `claimedBy` when given. */
function atDecide(claimedBy?: string): { run: Driver; taskId: string } {
  const run = new Driver(process).complete('refer');
  const taskId = run.taskId('decide');
  if (claimedBy) run.send({ type: 'taskClaimed', taskId, actor: claimedBy });
  return { run, taskId };
}

function refusalOf(run: Driver, action: TaskActionRequest): { code: string; message: string } | undefined {
  const check = checkTaskAction(run.state, action);
  return check.ok ? undefined : { code: check.refusal.code, message: check.refusal.message };
}

describe('who may do what to a task', () => {
  it('refuses any action on a task that is not open, naming it', () => {
    const { run } = atDecide();
    expect(refusalOf(run, { type: 'claim', taskId: 'decide:99', actor: tom })).toEqual({
      code: 'task-not-open',
      message: 'Task decide:99 is not open on this case (it may have been completed or cancelled).',
    });
  });

  it('refuses every action once the case has ended', () => {
    const { run, taskId } = atDecide('tom');
    run.send({ type: 'cancel', reason: 'withdrawn' });
    expect(refusalOf(run, { type: 'complete', taskId, actor: tom, data: { decision: 'deport' } })?.code).toBe('task-not-open');
  });

  it.each([
    { who: 'a member of another team', actor: priya, claimedBy: undefined, code: 'task-not-allowed', message: 'Task "Decide" belongs to team returns; you are not a member.' },
    { who: 'a second claimer', actor: sam, claimedBy: 'tom', code: 'task-already-claimed', message: 'Task "Decide" is already claimed by tom.' },
    { who: 'the holder again', actor: tom, claimedBy: 'tom', code: 'task-already-claimed', message: 'You have already claimed task "Decide".' },
  ])('refuses a claim by $who', ({ actor, claimedBy, code, message }) => {
    const { run, taskId } = atDecide(claimedBy);
    expect(refusalOf(run, { type: 'claim', taskId, actor })).toEqual({ code, message });
  });

  it('lets a team member or an administrator claim, as a taskClaimed event', () => {
    const { run, taskId } = atDecide();
    expect(checkTaskAction(run.state, { type: 'claim', taskId, actor: tom })).toEqual({ ok: true, event: { type: 'taskClaimed', taskId, actor: 'tom' } });
    expect(checkTaskAction(run.state, { type: 'claim', taskId, actor: ada }).ok).toBe(true);
  });

  it('refuses a completion by someone who has not claimed the task, or from another team', () => {
    const { run, taskId } = atDecide('tom');
    expect(refusalOf(run, { type: 'complete', taskId, actor: sam, data: { decision: 'deport' } })).toEqual({ code: 'task-not-claimed-by-you', message: 'Claim task "Decide" before completing it.' });
    expect(refusalOf(run, { type: 'complete', taskId, actor: priya, data: { decision: 'deport' } })?.code).toBe('task-not-allowed');
  });

  it('refuses a completion with invalid form data, naming the field at fault', () => {
    const { run, taskId } = atDecide('tom');
    const check = checkTaskAction(run.state, { type: 'complete', taskId, actor: tom, data: { decision: 'maybe' } });
    expect(check).toMatchObject({ ok: false, refusal: { code: 'invalid-form-data', message: 'The form for "Decide" has 1 problem(s).', issues: [expect.objectContaining({ field: 'decision' })] } });
  });

  it('turns an allowed completion into a userTaskCompleted event carrying the checked form data', () => {
    const { run, taskId } = atDecide('tom');
    const check = checkTaskAction(run.state, { type: 'complete', taskId, actor: tom, data: { decision: 'deport' } });
    expect(check).toEqual({ ok: true, event: { type: 'userTaskCompleted', taskId, actor: 'tom', data: { decision: 'deport' } } });
  });

  it('refuses to return a task nobody holds, or one held by someone else to a colleague who is not a lead', () => {
    const unclaimed = atDecide();
    expect(refusalOf(unclaimed.run, { type: 'return', taskId: unclaimed.taskId, actor: tom })).toEqual({ code: 'task-not-open', message: 'Task "Decide" is not claimed, so there is nothing to return.' });
    const held = atDecide('tom');
    expect(refusalOf(held.run, { type: 'return', taskId: held.taskId, actor: sam })).toEqual({ code: 'task-not-allowed', message: 'Only tom or a lead of returns can return task "Decide".' });
    expect(checkTaskAction(held.run.state, { type: 'return', taskId: held.taskId, actor: lena })).toEqual({ ok: true, event: { type: 'taskReturned', taskId: held.taskId, actor: 'lena' } });
    expect(checkTaskAction(held.run.state, { type: 'return', taskId: held.taskId, actor: tom }).ok).toBe(true);
  });

  it('refuses a reassignment by someone who does not lead the team, or one naming nobody', () => {
    const { run, taskId } = atDecide('tom');
    expect(refusalOf(run, { type: 'reassign', taskId, actor: tom, toUser: 'sam' })).toEqual({ code: 'task-not-allowed', message: 'Only a lead of team returns can reassign task "Decide".' });
    expect(refusalOf(run, { type: 'reassign', taskId, actor: lena })).toEqual({ code: 'task-not-allowed', message: 'Say who (toUser) or which team (toTeam) the task goes to.' });
    expect(checkTaskAction(run.state, { type: 'reassign', taskId, actor: lena, toTeam: 'escorting' })).toEqual({
      ok: true,
      event: { type: 'taskReassigned', taskId, actor: 'lena', toTeam: 'escorting' },
    });
  });

  it('refuses to accept a handoff on a task that was not handed over, one already accepted, or from another team', () => {
    const first = new Driver(process);
    expect(refusalOf(first, { type: 'acceptHandoff', taskId: first.taskId('refer'), actor: priya })).toEqual({ code: 'task-has-no-handoff', message: 'Task "Refer" was not handed over from another team.' });
    const { run, taskId } = atDecide();
    expect(refusalOf(run, { type: 'acceptHandoff', taskId, actor: priya })?.code).toBe('task-not-allowed');
    expect(checkTaskAction(run.state, { type: 'acceptHandoff', taskId, actor: sam })).toEqual({ ok: true, event: { type: 'handoffAccepted', taskId, actor: 'sam' } });
    run.send({ type: 'taskClaimed', taskId, actor: 'tom' });
    expect(refusalOf(run, { type: 'acceptHandoff', taskId, actor: sam })).toEqual({ code: 'task-already-claimed', message: 'The handoff of "Decide" was already accepted by tom.' });
  });
});
