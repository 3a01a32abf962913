import { describe, expect, it } from 'vitest';
import type { Deadline } from '../process/ir.ts';
import { describe as describeCase } from './index.ts';
import { Driver, T0 } from './engine-driver.testing.ts';
import { ir, team } from './ir-builder.testing.ts';

const days = (expression: string, feel = false): Deadline => ({ expression, feel, calendar: 'working-days' });

// s → first (Intake) → second (Review, SLA 5 days, handoff 1 day) → e
const handoff = ir()
  .node('s', 'startEvent')
  .node('first', 'userTask', { name: 'Check application', owner: team('Intake') })
  .node('second', 'userTask', { name: 'Review', owner: { team: 'Review', role: 'senior', source: 'casework' }, sla: days('P5D'), handoffSla: days('P1D') })
  .node('e', 'endEvent')
  .seq('s', 'first', 'second', 'e')
  .build();

describe('user tasks', () => {
  it('opens the first task for its team, which becomes the owning team without a handoff', () => {
    // when
    const run = new Driver(handoff);
    // then
    expect(run.lastOf('openUserTask')).toEqual([
      { type: 'openUserTask', taskId: 'first:2', nodeId: 'first', name: 'Check application', team: 'Intake', form: [] },
    ]);
    expect(run.events('ownership-changed')).toEqual([{ kind: 'ownership-changed', nodeId: 'first', toTeam: 'Intake' }]);
    expect(run.state.owner).toBe('Intake');
  });

  it('hands the case over with an acceptance deadline and starts SLA and handoff timers', () => {
    // given
    const run = new Driver(handoff);
    // when
    run.complete('first', { decision: 'ok' });
    // then
    const taskId = run.taskId('second');
    expect(run.lastOf('openUserTask')[0]).toMatchObject({
      taskId,
      team: 'Review',
      role: 'senior',
      dueAt: '2026-03-07T09:00:00.000Z',
      handoff: { fromTeam: 'Intake', toTeam: 'Review', acceptBy: '2026-03-03T09:00:00.000Z' },
    });
    expect(run.events('ownership-changed', run.last)).toEqual([{ kind: 'ownership-changed', nodeId: 'second', fromTeam: 'Intake', toTeam: 'Review' }]);
    expect(run.lastOf('startTimer').map(({ purpose, fireAt }) => [purpose, fireAt])).toEqual([
      ['sla', '2026-03-07T09:00:00.000Z'],
      ['handoff', '2026-03-03T09:00:00.000Z'],
    ]);
    expect(run.state.data).toEqual({ decision: 'ok' });
    expect(describeCase(run.state).openTasks).toEqual([
      { taskId, nodeId: 'second', name: 'Review', team: 'Review', dueAt: '2026-03-07T09:00:00.000Z', acceptBy: '2026-03-03T09:00:00.000Z', handoffAccepted: false },
    ]);
  });

  it('records who accepted a handoff and cancels its timer when the receiving team accepts', () => {
    // given
    const run = new Driver(handoff).complete('first');
    const taskId = run.taskId('second');
    const handoffTimer = run.timerId('second', 'handoff');
    // when
    run.send({ type: 'handoffAccepted', taskId, actor: 'rita' });
    // then
    expect(run.last).toEqual([
      { type: 'emit', event: { kind: 'handoff-accepted', nodeId: 'second', taskId, team: 'Review', actor: 'rita' } },
      { type: 'cancelTimer', timerId: handoffTimer },
    ]);
    expect(run.state.userTasks[taskId]?.handoff).toMatchObject({ accepted: true, acceptedBy: 'rita' });
    // when accepted twice
    run.send({ type: 'handoffAccepted', taskId, actor: 'rita' });
    // then
    expect(run.rejected).toBe(`Task "${taskId}" has no handoff waiting to be accepted.`);
  });

  it.each([
    { purpose: 'sla', kind: 'sla-breached' },
    { purpose: 'handoff', kind: 'handoff-overdue' },
  ] as const)('reports $kind when the $purpose timer fires, leaving the task open', ({ purpose, kind }) => {
    // given
    const run = new Driver(handoff).complete('first');
    const taskId = run.taskId('second');
    // when
    run.fire('second', purpose);
    // then
    expect(run.events(kind, run.last)).toEqual([{ kind, nodeId: 'second', taskId, team: 'Review' }]);
    expect(run.state.userTasks[taskId]).toBeDefined();
  });

  it('cancels its SLA and handoff timers and merges the form data on completion', () => {
    // given
    const run = new Driver(handoff, { a: 1 }).complete('first');
    const timers = Object.keys(run.state.timers);
    // when
    run.complete('second', { b: 2 });
    // then
    expect(run.lastOf('cancelTimer').map((c) => c.timerId)).toEqual(timers);
    expect(run.last.at(-1)).toEqual({ type: 'complete', data: { a: 1, b: 2 } });
  });

  it.each([
    { label: 'a FEEL date', sla: days('date(ersDate) - duration("P10D")', true), data: { ersDate: '2026-04-30' }, dueAt: '2026-04-20T00:00:00.000Z' },
    { label: 'a FEEL duration', sla: days('duration("P" + string(allowed) + "D")', true), data: { allowed: 3 }, dueAt: '2026-03-05T09:00:00.000Z' },
    { label: 'an unreadable FEEL expression', sla: days('ersDate +', true), data: {}, dueAt: undefined },
  ])('sets the due date from $label', ({ sla, data, dueAt }) => {
    // given
    const process = ir().node('s', 'startEvent').node('u', 'userTask', { owner: team('A'), sla }).node('e', 'endEvent').seq('s', 'u', 'e').build();
    // when
    const run = new Driver(process, data);
    // then
    expect(run.lastOf('openUserTask')[0]?.dueAt).toBe(dueAt);
  });

  it('counts working days with the business calendar by default', () => {
    // given: Friday 2026-03-06, three working days on is Wednesday
    const process = ir().node('s', 'startEvent').node('u', 'userTask', { owner: team('A'), sla: days('P3D') }).node('e', 'endEvent').seq('s', 'u', 'e').build();
    // when
    const run = new Driver(process, {}, {}, '2026-03-06T10:00:00.000Z');
    // then
    expect(run.lastOf('openUserTask')[0]?.dueAt).toBe('2026-03-11T10:00:00.000Z');
  });

  it('gives a step without a team to the owning team', () => {
    // given
    const process = ir().node('s', 'startEvent').node('a', 'userTask', { owner: team('A') }).node('u', 'userTask').node('e', 'endEvent').seq('s', 'a', 'u', 'e').build();
    // when
    const run = new Driver(process).complete('a');
    // then
    expect(run.lastOf('openUserTask')[0]).toMatchObject({ nodeId: 'u', team: 'A' });
    expect(run.lastOf('openUserTask')[0]?.handoff).toBeUndefined();
  });

  it('takes the team of a step from its lane when it names no owner', () => {
    // given
    const process = ir().lane('L', 'Legal').node('s', 'startEvent').node('u', 'userTask', { laneId: 'L' }).node('e', 'endEvent').seq('s', 'u', 'e').build();
    // when
    const run = new Driver(process);
    // then
    expect(run.lastOf('openUserTask')[0]).toMatchObject({ team: 'Legal' });
    expect(T0).toBe(run.state.userTasks[run.taskId('u')]?.openedAt);
  });
});
