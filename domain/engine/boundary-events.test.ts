import { describe, expect, it } from 'vitest';
import { Driver } from './engine-driver.testing.ts';
import { escalation, ir, message, team, timer } from './ir-builder.testing.ts';

// s → work (user task) → e; boundary b on work → chase → e2
function onTask(trigger: ReturnType<typeof timer>, cancelActivity: boolean) {
  return ir()
    .node('s', 'startEvent').node('work', 'userTask', { owner: team('A') }).node('e', 'endEvent')
    .node('b', 'boundaryEvent', { attachedTo: 'work', trigger, cancelActivity }).node('chase', 'userTask', { owner: team('A') }).node('e2', 'endEvent')
    .seq('s', 'work', 'e').seq('b', 'chase', 'e2').build();
}

describe('boundary events on activities', () => {
  it('arms a boundary timer when the activity is entered', () => {
    // when
    const run = new Driver(onTask(timer('P2D'), true));
    // then
    expect(run.lastOf('startTimer')).toEqual([{ type: 'startTimer', timerId: run.timerId('b'), nodeId: 'b', purpose: 'boundary', fireAt: '2026-03-04T09:00:00.000Z' }]);
  });

  it('cancels the activity and follows the boundary when an interrupting timer fires', () => {
    // given
    const run = new Driver(onTask(timer('P2D'), true));
    const taskId = run.taskId('work');
    // when
    run.fire('b');
    // then
    expect(run.last).toContainEqual({ type: 'closeUserTask', taskId, reason: 'cancelled' });
    expect(run.waitingAt()).toEqual(['chase']);
  });

  it('keeps the activity and re-arms a cycle up to its repetitions when a non-interrupting timer fires', () => {
    // given
    const run = new Driver(onTask(timer('R2/P1D', 'cycle'), false));
    // when
    run.fire('b');
    // then
    expect(run.waitingAt()).toEqual(['chase', 'work']);
    expect(run.lastOf('startTimer')).toEqual([{ type: 'startTimer', timerId: run.timerId('b'), nodeId: 'b', purpose: 'boundary', fireAt: '2026-03-04T09:00:00.000Z' }]);
    // when
    run.fire('b');
    // then: the second of two repetitions starts no third
    expect(run.lastOf('startTimer')).toEqual([]);
    expect(run.waitingAt()).toEqual(['chase', 'chase', 'work']);
  });

  it('reports each firing of a non-interrupting cycle as a reminder to the step team, counting down', () => {
    // given
    const run = new Driver(onTask(timer('R2/P1D', 'cycle'), false));
    const taskId = run.taskId('work');
    // when
    run.fire('b').fire('b');
    // then
    expect(run.events('reminder-due')).toEqual([
      expect.objectContaining({ kind: 'reminder-due', nodeId: 'b', hostNodeId: 'work', team: 'A', taskId, firing: 1, remaining: 1 }),
      expect.objectContaining({ kind: 'reminder-due', nodeId: 'b', hostNodeId: 'work', team: 'A', taskId, firing: 2, remaining: 0 }),
    ]);
  });

  it('reports no reminder for a single non-interrupting timer or an interrupting cycle', () => {
    // given
    const single = new Driver(onTask(timer('P1D'), false));
    const interrupting = new Driver(onTask(timer('R3/P1D', 'cycle'), true));
    // when
    single.fire('b');
    interrupting.fire('b');
    // then
    expect(single.events('reminder-due')).toEqual([]);
    expect(interrupting.events('reminder-due')).toEqual([]);
  });

  it('disarms the boundary timer when the activity completes first', () => {
    // given
    const run = new Driver(onTask(timer('P2D'), true));
    const timerId = run.timerId('b');
    // when
    run.complete('work');
    // then
    expect(run.lastOf('cancelTimer')).toEqual([{ type: 'cancelTimer', timerId }]);
    expect(run.state.status).toBe('completed');
  });

  it.each([
    { cancelActivity: true, waiting: ['chase'], stillSubscribed: false },
    { cancelActivity: false, waiting: ['chase', 'work'], stillSubscribed: true },
  ])('follows a message boundary (interrupting: $cancelActivity)', ({ cancelActivity, waiting, stillSubscribed }) => {
    // given
    const run = new Driver(onTask(message('withdrawn'), cancelActivity));
    const subscriptionId = run.subscriptionId('b');
    // when
    run.send({ type: 'messageReceived', subscriptionId, messageName: 'withdrawn', data: { why: 'moved' } });
    // then
    expect(run.waitingAt()).toEqual(waiting);
    expect(subscriptionId in run.state.subscriptions).toBe(stillSubscribed);
    expect(run.state.data).toEqual({ why: 'moved' });
  });
});

// s → par → [ sub { s1 → inner (user) ; s1 → wait (timer catch) → nested { n1 → deep (user) } } , outside (user) ] …
function subWithBoundary(trigger: ReturnType<typeof timer>, cancelActivity: boolean) {
  return ir()
    .node('s', 'startEvent').node('fork', 'parallelGateway').node('outside', 'userTask', { owner: team('A') }).node('e', 'endEvent')
    .node('sub', 'subProcess')
    .node('s1', 'startEvent', { parentId: 'sub' }).node('split', 'parallelGateway', { parentId: 'sub' })
    .node('inner', 'userTask', { parentId: 'sub', owner: team('A') }).node('innerEnd', 'endEvent', { parentId: 'sub' })
    .node('nested', 'subProcess', { parentId: 'sub' }).node('nestedEnd', 'endEvent', { parentId: 'sub' })
    .node('n1', 'startEvent', { parentId: 'nested' }).node('deep', 'serviceTask', { parentId: 'nested', service: { handler: 'h' } }).node('n2', 'endEvent', { parentId: 'nested' })
    .node('b', 'boundaryEvent', { attachedTo: 'sub', trigger, cancelActivity }).node('after', 'userTask', { owner: team('A') })
    .seq('s', 'fork', 'sub', 'e').seq('fork', 'outside', 'e')
    .seq('s1', 'split', 'inner', 'innerEnd').seq('split', 'nested', 'nestedEnd').seq('n1', 'deep', 'n2')
    .seq('b', 'after', 'e')
    .build();
}

describe('boundary events on sub-processes', () => {
  it('cancels every token, task and activity inside the scope, and nothing outside it', () => {
    // given
    const run = new Driver(subWithBoundary(timer('P1D'), true));
    const inside = Object.values(run.state.tokens).filter((t) => ['sub', 'inner', 'nested', 'deep'].includes(t.nodeId)).map((t) => t.id);
    // when
    run.fire('b');
    // then
    expect(run.events('element-cancelled', run.last).map((e) => ('instanceId' in e ? e.instanceId : '')).sort()).toEqual(inside.sort());
    expect(run.lastOf('closeUserTask').map((c) => c.taskId)).toEqual(run.allOf('openUserTask').filter((c) => c.nodeId === 'inner').map((c) => c.taskId));
    expect(run.lastOf('cancelActivity')).toHaveLength(1);
    expect(run.waitingAt()).toEqual(['after', 'outside']);
  });

  it('completes an embedded sub-process once no token is left inside it', () => {
    // given
    const run = new Driver(subWithBoundary(timer('P1D'), true));
    // when
    run.complete('inner');
    run.send({ type: 'activityCompleted', taskId: run.activityId('deep'), output: {} });
    // then
    expect(run.events('element-completed', run.last).map((e) => e.nodeId)).toEqual(['deep', 'n2', 'nested', 'nestedEnd', 'sub', 'e']);
    expect(run.lastOf('cancelTimer')).toHaveLength(1);
    expect(run.waitingAt()).toEqual(['outside']);
  });
});

// s → sub { s1 → raise → inner (user) → se } → e; escalation boundary on sub → handle → e2
function escalating(thrower: 'intermediateThrowEvent' | 'endEvent', code: string | undefined, cancelActivity: boolean | undefined) {
  const b = ir()
    .node('s', 'startEvent').node('sub', 'subProcess').node('e', 'endEvent')
    .node('s1', 'startEvent', { parentId: 'sub' }).node('raise', thrower, { parentId: 'sub', trigger: escalation('LATE') })
    .node('inner', 'userTask', { parentId: 'sub', owner: team('A') }).node('se', 'endEvent', { parentId: 'sub' })
    .seq('s', 'sub', 'e').seq('s1', 'raise').seq('inner', 'se');
  if (thrower === 'intermediateThrowEvent') b.flow('raise', 'inner');
  else b.flow('s1', 'inner');
  if (cancelActivity !== undefined) {
    b.node('b', 'boundaryEvent', { attachedTo: 'sub', trigger: escalation(code), cancelActivity }).node('handle', 'userTask', { owner: team('A') }).node('e2', 'endEvent').seq('b', 'handle', 'e2');
  }
  return b.build();
}

describe('escalations', () => {
  it.each([
    { thrower: 'intermediateThrowEvent' as const, code: 'LATE', cancelActivity: true, caught: true, waiting: ['handle'] },
    { thrower: 'intermediateThrowEvent' as const, code: undefined, cancelActivity: false, caught: true, waiting: ['handle', 'inner', 'sub'] },
    { thrower: 'endEvent' as const, code: 'LATE', cancelActivity: false, caught: true, waiting: ['handle', 'inner', 'sub'] },
    { thrower: 'intermediateThrowEvent' as const, code: 'OTHER', cancelActivity: true, caught: false, waiting: ['inner', 'sub'] },
    { thrower: 'intermediateThrowEvent' as const, code: undefined, cancelActivity: undefined, caught: false, waiting: ['inner', 'sub'] },
  ])('raises an escalation from a $thrower (boundary code $code, interrupting $cancelActivity)', ({ thrower, code, cancelActivity, caught, waiting }) => {
    // when
    const run = new Driver(escalating(thrower, code, cancelActivity));
    // then
    expect(run.events('escalation-raised')).toEqual([{ kind: 'escalation-raised', nodeId: 'raise', escalationCode: 'LATE', caught }]);
    expect(run.waitingAt()).toEqual(waiting);
    expect(run.state.status).toBe('running');
  });
});
