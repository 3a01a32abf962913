import { describe, expect, it } from 'vitest';
import type { Deadline } from '../process/ir.ts';
import { Driver } from './engine-driver.testing.ts';
import { ir, message, team } from './ir-builder.testing.ts';

const days = (expression: string): Deadline => ({ expression, feel: false, calendar: 'calendar-days' });
const decision = { name: 'decision', label: 'Decision', type: 'enum' as const, required: true, options: ['deport', 'do-not-deport'] };

// s → refer (Prison) → decide (Returns, SLA 5 days, handoff 1 day, a form) → e
const handoff = ir()
  .node('s', 'startEvent')
  .node('refer', 'userTask', { name: 'Refer', owner: team('Prison') })
  .node('decide', 'userTask', { name: 'Decide', owner: team('Returns'), sla: days('P5D'), handoffSla: days('P1D'), form: [decision] })
  .node('e', 'endEvent')
  .seq('s', 'refer', 'decide', 'e')
  .build();

describe('caseworker actions on a task', () => {
  it('keeps the form, the opening time and no claim on a task it opens', () => {
    // when
    const run = new Driver(handoff).complete('refer');
    // then
    expect(run.state.userTasks[run.taskId('decide')]).toMatchObject({ form: [decision], openedAt: '2026-03-02T09:00:00.000Z', team: 'Returns' });
    expect(run.state.userTasks[run.taskId('decide')]?.claimedBy).toBeUndefined();
  });

  it('records a claim in the state and logs it, moving nothing else', () => {
    // given
    const run = new Driver(handoff);
    const taskId = run.taskId('refer');
    // when
    run.send({ type: 'taskClaimed', taskId, actor: 'priya' });
    // then
    expect(run.state.userTasks[taskId]?.claimedBy).toBe('priya');
    expect(run.last).toEqual([{ type: 'emit', event: { kind: 'task-claimed', nodeId: 'refer', taskId, team: 'Prison', actor: 'priya' } }]);
  });

  it('accepts the handoff when the receiving team claims a handed-over task, logging the claim first', () => {
    // given
    const run = new Driver(handoff).complete('refer');
    const taskId = run.taskId('decide');
    const handoffTimer = run.timerId('decide', 'handoff');
    // when
    run.send({ type: 'taskClaimed', taskId, actor: 'tom' });
    // then
    expect(run.last).toEqual([
      { type: 'emit', event: { kind: 'task-claimed', nodeId: 'decide', taskId, team: 'Returns', actor: 'tom' } },
      { type: 'emit', event: { kind: 'handoff-accepted', nodeId: 'decide', taskId, team: 'Returns', actor: 'tom' } },
      { type: 'cancelTimer', timerId: handoffTimer },
    ]);
    expect(run.state.userTasks[taskId]?.handoff).toMatchObject({ accepted: true, acceptedBy: 'tom' });
    expect(run.state.timers[handoffTimer]).toBeUndefined();
  });

  it('does not accept the handoff again when a returned task is claimed a second time', () => {
    // given
    const run = new Driver(handoff).complete('refer');
    const taskId = run.taskId('decide');
    run.send({ type: 'taskClaimed', taskId, actor: 'tom' }).send({ type: 'taskReturned', taskId, actor: 'tom' });
    // when
    run.send({ type: 'taskClaimed', taskId, actor: 'lena' });
    // then
    expect(run.events(undefined, run.last).map((event) => event.kind)).toEqual(['task-claimed']);
    expect(run.state.userTasks[taskId]?.handoff?.acceptedBy).toBe('tom');
  });

  it('returns a task to its queue, claimed by nobody', () => {
    // given
    const run = new Driver(handoff);
    const taskId = run.taskId('refer');
    run.send({ type: 'taskClaimed', taskId, actor: 'priya' });
    // when
    run.send({ type: 'taskReturned', taskId, actor: 'priya' });
    // then
    expect(run.state.userTasks[taskId]?.claimedBy).toBeUndefined();
    expect(run.last).toEqual([{ type: 'emit', event: { kind: 'task-returned', nodeId: 'refer', taskId, team: 'Prison', actor: 'priya' } }]);
  });

  it('reassigns a task to a caseworker, who then holds it in the same team', () => {
    // given
    const run = new Driver(handoff);
    const taskId = run.taskId('refer');
    // when
    run.send({ type: 'taskReassigned', taskId, actor: 'lead', toUser: 'sam' });
    // then
    expect(run.state.userTasks[taskId]).toMatchObject({ claimedBy: 'sam', team: 'Prison' });
    expect(run.last).toEqual([{ type: 'emit', event: { kind: 'task-reassigned', nodeId: 'refer', taskId, team: 'Prison', actor: 'lead', toUser: 'sam' } }]);
  });

  it('reassigns a task to another team unclaimed, and that team is told when its deadline is missed', () => {
    // given
    const run = new Driver(handoff).complete('refer');
    const taskId = run.taskId('decide');
    run.send({ type: 'taskClaimed', taskId, actor: 'tom' });
    // when
    run.send({ type: 'taskReassigned', taskId, actor: 'lena', toTeam: 'Escorting' });
    // then
    expect(run.state.userTasks[taskId]?.team).toBe('Escorting');
    expect(run.state.userTasks[taskId]?.claimedBy).toBeUndefined();
    expect(run.events('task-reassigned', run.last)).toEqual([{ kind: 'task-reassigned', nodeId: 'decide', taskId, team: 'Escorting', actor: 'lena', toTeam: 'Escorting' }]);
    run.fire('decide', 'sla');
    expect(run.events('sla-breached', run.last)).toEqual([{ kind: 'sla-breached', nodeId: 'decide', taskId, team: 'Escorting' }]);
  });

  it('keeps the team when a reassignment names an empty one', () => {
    // given
    const run = new Driver(handoff);
    const taskId = run.taskId('refer');
    // when
    run.send({ type: 'taskReassigned', taskId, actor: 'lead', toUser: 'sam', toTeam: '' });
    // then
    expect(run.state.userTasks[taskId]?.team).toBe('Prison');
  });

  it('logs a completion before the moves it causes, with the form data it merges', () => {
    // given
    const run = new Driver(handoff).complete('refer');
    const taskId = run.taskId('decide');
    // when
    run.send({ type: 'userTaskCompleted', taskId, actor: 'tom', data: { decision: 'deport' } });
    // then
    expect(run.last[0]).toEqual({ type: 'emit', event: { kind: 'task-completed', nodeId: 'decide', taskId, team: 'Returns', actor: 'tom', data: { decision: 'deport' } } });
    expect(run.events('element-completed', run.last).map((event) => ('nodeId' in event ? event.nodeId : ''))).toEqual(['decide', 'e']);
    expect(run.state.userTasks[taskId]).toBeUndefined();
    expect(run.state.data).toEqual({ decision: 'deport' });
  });

  it('logs a completion before the message wait it ends', () => {
    // given a task with a message boundary
    const process = ir()
      .node('s', 'startEvent')
      .node('u', 'userTask', { owner: team('A') })
      .node('b', 'boundaryEvent', { attachedTo: 'u', trigger: message('Withdrawn') })
      .node('e', 'endEvent')
      .node('e2', 'endEvent')
      .seq('s', 'u', 'e')
      .seq('b', 'e2')
      .build();
    const run = new Driver(process);
    const taskId = run.taskId('u');
    // when
    run.send({ type: 'userTaskCompleted', taskId, actor: 'ann', data: {} });
    // then
    expect(run.last.map((command) => (command.type === 'emit' ? command.event.kind : command.type)).slice(0, 3)).toEqual(['task-completed', 'element-completed', 'unsubscribeMessage']);
  });

  it.each([
    { type: 'taskClaimed' as const, extra: {} },
    { type: 'taskReturned' as const, extra: {} },
    { type: 'taskReassigned' as const, extra: { toUser: 'sam' } },
    { type: 'userTaskCompleted' as const, extra: { data: {} } },
  ])('rejects $type on a task that is no longer open, changing nothing', ({ type, extra }) => {
    // given
    const run = new Driver(handoff);
    const before = run.state;
    // when
    run.send({ type, taskId: 'refer:99', actor: 'priya', data: {}, ...extra } as never);
    // then
    expect(run.rejected).toMatch(/refer:99/);
    expect(run.state).toBe(before);
    expect(run.last).toEqual([]);
  });
});
