import { describe as group, expect, it } from 'vitest';
import { start, step, describe } from './index.ts';
import { EngineState } from './engine-state.ts';
import { Driver, T0 } from './engine-driver.testing.ts';
import { ir, message, team, terminate, timer } from './ir-builder.testing.ts';

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
};

group('sequences, start and end events', () => {
  it('completes a case whose path holds no waiting step, returning its data', () => {
    // given
    const process = ir().node('s', 'startEvent').node('m', 'manualTask').node('t', 'task').node('e', 'endEvent').seq('s', 'm', 't', 'e').build();
    // when
    const run = new Driver(process, { a: 1 });
    // then
    expect(run.state.status).toBe('completed');
    expect(run.last.at(-1)).toEqual({ type: 'complete', data: { a: 1 } });
    expect(run.entered()).toEqual(['s', 'm', 't', 'e']);
    expect(run.events('element-completed')).toHaveLength(4);
  });

  it.each([
    ['a message start', message('application')],
    ['a timer start', timer('PT1H')],
  ])('runs %s as a none start when the case is started directly', (_label, trigger) => {
    // given
    const process = ir().node('s', 'startEvent', { trigger }).node('e', 'endEvent').seq('s', 'e').build();
    // when
    const run = new Driver(process);
    // then
    expect(run.state.status).toBe('completed');
  });

  it('starts at the start event the input names', () => {
    // given
    const process = ir()
      .node('s1', 'startEvent').node('s2', 'startEvent', { trigger: message('late') })
      .node('u', 'userTask', { owner: team('A') }).node('e', 'endEvent')
      .seq('s1', 'e').seq('s2', 'u', 'e').build();
    // when
    const result = start(process, { caseId: 'c', data: {}, startEventId: 's2' }, T0);
    // then
    expect(Object.values(result.state.userTasks).map((t) => t.nodeId)).toEqual(['u']);
  });

  it('fails with a clear reason when the process has no start event', () => {
    // given
    const process = ir().node('u', 'userTask').build();
    // when
    const result = start(process, { caseId: 'c', data: {} }, T0);
    // then
    expect(result.state.status).toBe('failed');
    expect(result.commands).toEqual([{ type: 'fail', reason: 'The process has no start event at its top level to begin a case from.' }]);
  });

  it('takes the owning team from the start event lane', () => {
    // given
    const process = ir().lane('L', 'Intake').node('s', 'startEvent', { laneId: 'L' }).node('u', 'userTask', { laneId: 'L' }).node('e', 'endEvent').seq('s', 'u', 'e').build();
    // when
    const run = new Driver(process);
    // then
    expect(run.state.owner).toBe('Intake');
    expect(run.lastOf('openUserTask')[0]).toMatchObject({ team: 'Intake' });
    expect(run.events('ownership-changed')).toEqual([{ kind: 'ownership-changed', nodeId: 's', toTeam: 'Intake' }]);
  });

  it('ends every token and cancels all work when a terminate end event is reached', () => {
    // given
    const process = ir()
      .node('s', 'startEvent').node('fork', 'parallelGateway')
      .node('u', 'userTask', { owner: team('A') }).node('w', 'intermediateCatchEvent', { trigger: timer('PT1H') })
      .node('e', 'endEvent').node('stop', 'endEvent', { trigger: terminate })
      .seq('s', 'fork', 'u', 'e').seq('fork', 'w', 'stop').build();
    const run = new Driver(process);
    const taskId = run.taskId('u');
    // when
    run.fire('w');
    // then
    expect(run.state.status).toBe('terminated');
    expect(run.state.tokens).toEqual({});
    expect(run.last).toContainEqual({ type: 'closeUserTask', taskId, reason: 'cancelled' });
    expect(run.last.at(-1)).toEqual({ type: 'complete', data: {} });
  });

  it('cancels everything on a cancel event', () => {
    // given
    const process = ir().node('s', 'startEvent').node('u', 'userTask', { owner: team('A'), sla: { expression: 'P2D', feel: false, calendar: 'calendar-days' } }).node('e', 'endEvent').seq('s', 'u', 'e').build();
    const run = new Driver(process);
    const taskId = run.taskId('u');
    const slaTimer = run.timerId('u', 'sla');
    // when
    run.send({ type: 'cancel', reason: 'withdrawn' });
    // then
    expect(run.state.status).toBe('cancelled');
    expect(run.last).toEqual([
      { type: 'closeUserTask', taskId, reason: 'cancelled' },
      { type: 'cancelTimer', timerId: slaTimer },
      { type: 'emit', event: { kind: 'element-cancelled', nodeId: 'u', instanceId: taskId } },
    ]);
    expect(describe(run.state).waiting).toEqual([]);
  });
});

group('events that do not apply', () => {
  const process = ir().node('s', 'startEvent').node('u', 'userTask', { owner: team('A') }).node('e', 'endEvent').seq('s', 'u', 'e').build();

  it.each([
    ['an unknown task', { type: 'userTaskCompleted', taskId: 'nope', data: {}, actor: 'x' }],
    ['an unknown timer', { type: 'timerFired', timerId: 'nope' }],
    ['an unknown activity', { type: 'activityCompleted', taskId: 'nope', output: {} }],
    ['a failure of an unknown activity', { type: 'activityFailed', taskId: 'nope', errorCode: 'E' }],
    ['an unknown subscription', { type: 'messageReceived', subscriptionId: 'nope', messageName: 'm', data: {} }],
    ['an unknown child case', { type: 'childCaseCompleted', childId: 'nope', data: {} }],
    ['a handoff on an unknown task', { type: 'handoffAccepted', taskId: 'nope', actor: 'x' }],
  ] as const)('rejects %s, returning the same state and no command', (_label, event) => {
    // given
    const started = start(process, { caseId: 'c', data: {} }, T0);
    // when
    const result = step(process, started.state, event, T0);
    // then
    expect(result.state).toBe(started.state);
    expect(result.commands).toEqual([]);
    expect(result.rejected).toEqual(expect.any(String));
  });

  it('rejects a second completion of the same task', () => {
    // given
    const run = new Driver(process);
    const taskId = run.taskId('u');
    run.complete('u');
    // when
    const result = step(process, run.state, { type: 'userTaskCompleted', taskId, data: {}, actor: 'x' }, T0);
    // then
    expect(result.rejected).toBe('The case is completed and takes no more events.');
  });

  it('never changes the state it is given', () => {
    // given
    const started = start(process, { caseId: 'c', data: { n: 1 } }, T0);
    const frozen = deepFreeze(structuredClone(started.state));
    const taskId = Object.keys(frozen.userTasks)[0] ?? '';
    // when
    const result = step(process, frozen, { type: 'userTaskCompleted', taskId, data: { n: 2 }, actor: 'x' }, T0);
    // then
    expect(frozen).toEqual(started.state);
    expect(result.state.data).toEqual({ n: 2 });
  });
});

group('queries and stored state', () => {
  const process = ir()
    .node('s', 'startEvent').node('fork', 'parallelGateway')
    .node('u', 'userTask', { owner: team('A'), sla: { expression: 'P2D', feel: false, calendar: 'calendar-days' } })
    .node('w', 'receiveTask', { trigger: message('reply', 'ref') }).node('j', 'parallelGateway').node('e', 'endEvent')
    .seq('s', 'fork', 'u', 'j', 'e').seq('fork', 'w', 'j').build();

  it('describes the owner, open tasks, waiting elements, timers and messages', () => {
    // when
    const run = new Driver(process, { ref: 'R-9' });
    // then
    const taskId = run.taskId('u');
    expect(describe(run.state)).toEqual({
      status: 'running',
      owner: 'A',
      openTasks: [{ taskId, nodeId: 'u', name: 'u', team: 'A', dueAt: '2026-03-04T09:00:00.000Z' }],
      waiting: [
        { nodeId: 'u', instanceId: taskId, scopeId: 'root', waitingFor: 'user-task' },
        { nodeId: 'w', instanceId: run.state.subscriptions[run.subscriptionId('w')]?.tokenId, scopeId: 'root', waitingFor: 'message' },
      ],
      timers: [{ timerId: run.timerId('u'), nodeId: 'u', purpose: 'sla', fireAt: '2026-03-04T09:00:00.000Z' }],
      messages: [{ subscriptionId: run.subscriptionId('w'), nodeId: 'w', messageName: 'reply', correlationKey: 'R-9' }],
      activities: [],
      childCases: [],
    });
  });

  it('keeps a state that its schema accepts after every step', () => {
    // given
    const run = new Driver(process, { ref: 'R-9' });
    const states = [run.state];
    // when
    run.complete('u');
    states.push(run.state);
    // then
    for (const state of states) expect(EngineState.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it('reads now() in FEEL from the step, not the clock', () => {
    // given
    const late = ir().node('s', 'startEvent').node('g', 'exclusiveGateway', { defaultFlow: 'g->b' }).node('a', 'userTask', { owner: team('A') }).node('b', 'userTask', { owner: team('A') })
      .flow('s', 'g').flow('g', 'a', { condition: 'now() > date and time("2030-01-01T00:00:00Z")' }).flow('g', 'b').build();
    // when
    const before = new Driver(late);
    const after = new Driver(late, {}, undefined, '2031-01-01T00:00:00.000Z');
    // then
    expect([before.waitingAt(), after.waitingAt()]).toEqual([['b'], ['a']]);
  });
});
