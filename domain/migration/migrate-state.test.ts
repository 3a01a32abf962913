import { describe, expect, it } from 'vitest';
import { Driver, plainDays } from '../engine/engine-driver.testing.ts';
import { ir, message, team, timer } from '../engine/ir-builder.testing.ts';
import { step } from '../engine/index.ts';
import type { ElementMapping } from '../contract/migration.ts';
import type { ProcessIR } from '../process/ir.ts';
import { migrateState, type MigrateStateResult } from './migrate-state.ts';

const LATER = '2026-03-02T10:00:00.000Z';

function migrate(run: Driver, to: ProcessIR, mappings: ElementMapping[]): MigrateStateResult {
  return migrateState({ state: run.state, from: run.process, to, mappings, now: LATER, addDuration: plainDays.addDuration });
}

function migrated(result: MigrateStateResult) {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.refusals)}`);
  return result;
}

function refusalCodes(result: MigrateStateResult): string[] {
  return result.ok ? [] : result.refusals.map((refusal) => refusal.code);
}

const form = [{ name: 'decision', label: 'Decision', type: 'string' as const, required: true, options: [] }];

// s → a (user, team A) → e
const oneTask = () => ir().node('s', 'startEvent').node('a', 'userTask', { name: 'Assess', owner: team('A') }).node('e', 'endEvent').seq('s', 'a', 'e').build();

describe('migrating a case waiting at a user task', () => {
  it('keeps the task id, its claim and its handoff, and takes the new step name, team and form', () => {
    // given a claimed task on version 1
    const run = new Driver(oneTask());
    const taskId = run.taskId('a');
    run.send({ type: 'taskClaimed', taskId, actor: 'tom' });
    const v2 = ir().node('s', 'startEvent').node('a2', 'userTask', { name: 'Assess again', owner: team('B'), form }).node('e', 'endEvent').seq('s', 'a2', 'e').build();
    // when
    const result = migrated(migrate(run, v2, [{ source: 'a', target: 'a2' }]));
    // then
    const task = result.state.userTasks[taskId]!;
    expect(task).toMatchObject({ taskId, nodeId: 'a2', name: 'Assess again', team: 'B', claimedBy: 'tom', form });
    expect(result.state.tokens[taskId]?.nodeId).toBe('a2');
    expect(result.preview.tasksKept).toEqual([{ taskId, from: 'a', to: 'a2' }]);
    expect(result.commands.filter((command) => command.type === 'openUserTask' || command.type === 'closeUserTask')).toEqual([]);
    expect(result.state.owner).toBe('B');
  });

  it('carries on along the new version once the kept task is completed', () => {
    // given
    const run = new Driver(oneTask());
    const v2 = ir().node('s', 'startEvent').node('a', 'userTask', { owner: team('A') }).node('extra', 'userTask', { owner: team('A') }).node('e', 'endEvent').seq('s', 'a', 'extra', 'e').build();
    const result = migrated(migrate(run, v2, [{ source: 'a', target: 'a' }]));
    // when
    const next = step(v2, result.state, { type: 'userTaskCompleted', taskId: run.taskId('a'), data: {}, actor: 'tom' }, LATER, plainDays);
    // then
    expect(Object.values(next.state.userTasks).map((task) => task.nodeId)).toEqual(['extra']);
  });

  it('starts the SLA again when the new step has another one, and keeps it when it is the same', () => {
    // given a task with a one-day SLA
    const sla = (expression: string) => ({ expression, feel: false, calendar: 'calendar-days' as const });
    const v1 = ir().node('s', 'startEvent').node('a', 'userTask', { owner: team('A'), sla: sla('P1D') }).node('e', 'endEvent').seq('s', 'a', 'e').build();
    const run = new Driver(v1);
    const withSla = (expression: string) => ir().node('s', 'startEvent').node('a', 'userTask', { owner: team('A'), sla: sla(expression) }).node('e', 'endEvent').seq('s', 'a', 'e').build();
    // when
    const same = migrated(migrate(run, withSla('P1D'), [{ source: 'a', target: 'a' }]));
    const longer = migrated(migrate(run, withSla('P3D'), [{ source: 'a', target: 'a' }]));
    // then
    expect(same.preview.timersKept).toEqual([{ nodeId: 'a', fireAt: '2026-03-03T09:00:00.000Z' }]);
    expect(same.preview.timersRestarted).toEqual([]);
    expect(longer.preview.timersRestarted).toEqual([{ nodeId: 'a' }]);
    expect(longer.state.userTasks[run.taskId('a')]?.dueAt).toBe('2026-03-05T10:00:00.000Z');
  });

  it('closes the task and arms a timer when the token moves to a timer', () => {
    // given
    const run = new Driver(oneTask());
    const v2 = ir().node('s', 'startEvent').node('wait', 'intermediateCatchEvent', { trigger: timer('PT2H') }).node('e', 'endEvent').seq('s', 'wait', 'e').build();
    // when
    const result = migrated(migrate(run, v2, [{ source: 'a', target: 'wait' }]));
    // then
    expect(result.preview.tasksClosed).toEqual([{ taskId: run.taskId('a'), nodeId: 'a' }]);
    expect(result.preview.timersRestarted).toEqual([{ nodeId: 'wait' }]);
    expect(result.state.userTasks).toEqual({});
    expect(Object.values(result.state.timers)).toMatchObject([{ nodeId: 'wait', purpose: 'intermediate', fireAt: '2026-03-02T12:00:00.000Z' }]);
  });
});

// s → t (timer) → after (user) → e
const timerProcess = (duration: string) =>
  ir().node('s', 'startEvent').node('t', 'intermediateCatchEvent', { trigger: timer(duration) }).node('after', 'userTask', { owner: team('A') }).node('e', 'endEvent').seq('s', 't', 'after', 'e').build();

describe('migrating a case waiting at a timer', () => {
  it('keeps the firing time when the timer is defined as before', () => {
    // given
    const run = new Driver(timerProcess('PT1H'));
    const timerId = run.timerId('t');
    // when
    const result = migrated(migrate(run, timerProcess('PT1H'), [{ source: 't', target: 't' }]));
    // then
    expect(result.commands).toEqual([]);
    expect(result.state.timers[timerId]?.fireAt).toBe('2026-03-02T10:00:00.000Z');
    expect(result.preview.timersKept).toEqual([{ nodeId: 't', fireAt: '2026-03-02T10:00:00.000Z' }]);
  });

  it('starts the timer again from now when its definition changed', () => {
    // given
    const run = new Driver(timerProcess('PT1H'));
    const timerId = run.timerId('t');
    // when
    const result = migrated(migrate(run, timerProcess('PT3H'), [{ source: 't', target: 't' }]));
    // then
    expect(result.commands.map((command) => command.type)).toEqual(['cancelTimer', 'startTimer']);
    expect(result.state.timers[timerId]).toBeUndefined();
    expect(Object.values(result.state.timers).map((t) => t.fireAt)).toEqual(['2026-03-02T13:00:00.000Z']);
    expect(result.preview.timersRestarted).toEqual([{ nodeId: 't' }]);
  });
});

// s → m (message catch) → e
const messageProcess = (name: string) => ir().node('s', 'startEvent').node('m', 'intermediateCatchEvent', { trigger: message(name) }).node('e', 'endEvent').seq('s', 'm', 'e').build();

describe('migrating a case waiting for a message', () => {
  it('keeps the subscription when the message is the same', () => {
    // given
    const run = new Driver(messageProcess('documents'));
    const subscriptionId = run.subscriptionId('m');
    // when
    const result = migrated(migrate(run, messageProcess('documents'), [{ source: 'm', target: 'm' }]));
    // then
    expect(result.commands).toEqual([]);
    expect(result.state.subscriptions[subscriptionId]?.messageName).toBe('documents');
  });

  it('subscribes to the new message when the step waits for another one', () => {
    // given
    const run = new Driver(messageProcess('documents'));
    const subscriptionId = run.subscriptionId('m');
    // when
    const result = migrated(migrate(run, messageProcess('travel-document'), [{ source: 'm', target: 'm' }]));
    // then
    expect(result.commands.map((command) => command.type)).toEqual(['unsubscribeMessage', 'subscribeMessage']);
    expect(Object.values(result.state.subscriptions).map((sub) => sub.messageName)).toEqual(['travel-document']);
    expect(result.state.subscriptions[subscriptionId]).toBeUndefined();
    // and the new message moves the case on
    const sub = Object.values(result.state.subscriptions)[0]!;
    const next = step(messageProcess('travel-document'), result.state, { type: 'messageReceived', subscriptionId: sub.subscriptionId, messageName: 'travel-document', data: {} }, LATER, plainDays);
    expect(next.state.status).toBe('completed');
  });
});

// s → sub { s1 → a (user) → x } → e
const subProcess = (subId: string, inner: string) =>
  ir()
    .node('s', 'startEvent').node(subId, 'subProcess').node('e', 'endEvent')
    .node('s1', 'startEvent', { parentId: subId }).node(inner, 'userTask', { parentId: subId, owner: team('A') }).node('x', 'endEvent', { parentId: subId })
    .node('top', 'userTask', { owner: team('A') })
    .seq('s', subId, 'e').seq('s1', inner, 'x').seq('s', 'top')
    .build();

describe('migrating a case working inside a sub-process', () => {
  it('moves the tokens inside with their sub-process', () => {
    // given
    const run = new Driver(subProcess('sub', 'a'));
    const taskId = run.taskId('a');
    // when
    const result = migrated(migrate(run, subProcess('sub2', 'a2'), [{ source: 'sub', target: 'sub2' }, { source: 'a', target: 'a2' }, { source: 'top', target: 'top' }]));
    // then
    expect(result.state.userTasks[taskId]?.nodeId).toBe('a2');
    const host = Object.values(result.state.tokens).find((token) => token.nodeId === 'sub2');
    expect(result.state.tokens[taskId]?.scopeId).toBe(host?.id);
    // and the sub-process completes on the new version
    const next = step(subProcess('sub2', 'a2'), result.state, { type: 'userTaskCompleted', taskId, data: {}, actor: 'tom' }, LATER, plainDays);
    expect(Object.values(next.state.tokens).map((token) => token.nodeId)).toEqual(['top']);
  });

  it('refuses to move a token out of its sub-process', () => {
    // given
    const run = new Driver(subProcess('sub', 'a'));
    // when
    const result = migrate(run, subProcess('sub', 'a'), [{ source: 'sub', target: 'sub' }, { source: 'a', target: 'top' }, { source: 'top', target: 'top' }]);
    // then
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.refusals).toMatchObject([{ code: 'inside-changed-scope', elementId: 'top' }]);
  });
});

// s → fork → [a, b] → join → e, optionally with a third branch c
const parallel = (third: boolean) => {
  const b = ir()
    .node('s', 'startEvent').node('fork', 'parallelGateway').node('a', 'userTask', { owner: team('A') }).node('b', 'userTask', { owner: team('A') })
    .node('join', 'parallelGateway').node('e', 'endEvent')
    .seq('s', 'fork', 'a', 'join', 'e').seq('fork', 'b', 'join');
  if (third) b.node('c', 'userTask', { owner: team('A') }).seq('fork', 'c', 'join');
  return b.build();
};

describe('migrating a case with a branch waiting at a parallel join', () => {
  const mappings = [{ source: 'a', target: 'a' }, { source: 'b', target: 'b' }, { source: 'join', target: 'join' }];

  it('keeps the waiting branch, so the join completes when the other arrives', () => {
    // given one branch done and waiting at the join
    const run = new Driver(parallel(false)).complete('a');
    // when
    const result = migrated(migrate(run, parallel(false), mappings));
    const next = step(parallel(false), result.state, { type: 'userTaskCompleted', taskId: run.taskId('b'), data: {}, actor: 'tom' }, LATER, plainDays);
    // then
    expect(next.state.status).toBe('completed');
  });

  it('refuses when the new version adds a branch this case can no longer send to the join', () => {
    // given
    const run = new Driver(parallel(false)).complete('a');
    // when
    const result = migrate(run, parallel(true), mappings);
    // then
    expect(result.ok ? [] : result.refusals).toMatchObject([{ code: 'join-would-deadlock', elementId: 'join' }]);
  });
});

describe('refusing a migration', () => {
  it('refuses a case waiting at an element the plan maps to nothing, naming it', () => {
    const run = new Driver(oneTask());
    const result = migrate(run, oneTask(), [{ source: 'a', target: null }]);
    expect(result.ok ? [] : result.refusals).toMatchObject([{ code: 'no-target', elementId: 'a' }]);
    expect(result.preview.moves).toEqual([{ from: 'a', to: null }]);
  });

  it('refuses a case waiting at an element the plan does not mention', () => {
    expect(refusalCodes(migrate(new Driver(oneTask()), oneTask(), []))).toEqual(['no-target']);
  });

  it('refuses a target of another kind of wait, such as a task moved onto a sub-process', () => {
    const run = new Driver(oneTask());
    const result = migrate(run, subProcess('sub', 'a'), [{ source: 'a', target: 'sub' }]);
    expect(result.ok ? [] : result.refusals).toMatchObject([{ code: 'unknown-target', elementId: 'sub' }]);
  });

  it('refuses a target the new version does not have', () => {
    expect(refusalCodes(migrate(new Driver(oneTask()), oneTask(), [{ source: 'a', target: 'gone' }]))).toEqual(['unknown-target']);
  });

  it('refuses a case that has ended', () => {
    const run = new Driver(oneTask()).complete('a');
    expect(refusalCodes(migrate(run, oneTask(), [{ source: 'a', target: 'a' }]))).toEqual(['not-running']);
  });

  it('refuses a case that would arrive past a new step without the data every case there has, naming the field', () => {
    // given version 2 puts a check with a required passport number before the task
    const v2 = ir()
      .node('s', 'startEvent').node('check', 'userTask', { owner: team('A'), form: [{ name: 'passportNumber', label: 'Passport number', type: 'string', required: true, options: [] }] })
      .node('a', 'userTask', { owner: team('A') }).node('e', 'endEvent').seq('s', 'check', 'a', 'e').build();
    // when
    const without = migrate(new Driver(oneTask()), v2, [{ source: 'a', target: 'a' }]);
    const withIt = migrate(new Driver(oneTask(), { passportNumber: 'X123' }), v2, [{ source: 'a', target: 'a' }]);
    // then
    expect(without.ok ? [] : without.refusals).toMatchObject([{ code: 'missing-form-data', elementId: 'check', field: 'passportNumber' }]);
    expect(withIt.ok).toBe(true);
  });

  it('does not ask for the data of a step only some paths pass', () => {
    // given version 2 where the check is on one branch of a choice only
    const v2 = ir()
      .node('s', 'startEvent').node('choose', 'exclusiveGateway', { defaultFlow: 'choose->a' })
      .node('check', 'userTask', { owner: team('A'), form: [{ name: 'passportNumber', label: 'Passport number', type: 'string', required: true, options: [] }] })
      .node('a', 'userTask', { owner: team('A') }).node('e', 'endEvent')
      .seq('s', 'choose', 'a', 'e').flow('choose', 'check', { condition: 'foreign = true' }).seq('check', 'a')
      .build();
    // then
    expect(migrate(new Driver(oneTask()), v2, [{ source: 'a', target: 'a' }]).ok).toBe(true);
  });

  it('leaves the given state untouched', () => {
    const run = new Driver(timerProcess('PT1H'));
    const before = JSON.stringify(run.state);
    migrate(run, timerProcess('PT3H'), [{ source: 't', target: 't' }]);
    expect(JSON.stringify(run.state)).toBe(before);
  });
});
