import { describe, expect, it } from 'vitest';
import { Driver, T0 } from './engine-driver.testing.ts';
import { start } from './index.ts';
import { ir, signal, team, timer } from './ir-builder.testing.ts';

const A = team('A');
const broadcast = (run: Driver, signalName: string, broadcastId: string, data = {}) => run.send({ type: 'signalReceived', broadcastId, signalName, data });

// s → wait (signal "guidance") → review (user task) → e
const catchProcess = () =>
  ir().node('s', 'startEvent').node('wait', 'intermediateCatchEvent', { trigger: signal('guidance') }).node('review', 'userTask', { owner: A }).node('e', 'endEvent').seq('s', 'wait', 'review', 'e').build();

// s → work (user task) → e; signal boundary b on work → b-task (user task) → be
const boundaryProcess = (cancelActivity: boolean) =>
  ir()
    .node('s', 'startEvent').node('work', 'userTask', { owner: A }).node('e', 'endEvent')
    .node('b', 'boundaryEvent', { attachedTo: 'work', trigger: signal('guidance'), cancelActivity }).node('recheck', 'userTask', { owner: A }).node('be', 'endEvent')
    .seq('s', 'work', 'e').seq('b', 'recheck', 'be')
    .build();

describe('signal catch events', () => {
  it('waits for the signal, telling the shell which name it waits on', () => {
    const run = new Driver(catchProcess());
    const [sub] = Object.values(run.state.signals ?? {});
    expect(run.lastOf('subscribeSignal')).toEqual([{ type: 'subscribeSignal', subscriptionId: sub!.subscriptionId, nodeId: 'wait', signalName: 'guidance' }]);
    expect(run.state.tokens[sub!.tokenId]?.wait).toBe('signal');
  });

  it('moves on when a broadcast of its name arrives, with the broadcast data merged', () => {
    const run = new Driver(catchProcess());
    const subscriptionId = Object.keys(run.state.signals ?? {})[0]!;
    broadcast(run, 'guidance', 'b1', { guidanceNote: 'CPIN Albania v3' });
    expect(run.waitingAt()).toEqual(['review']);
    expect(run.state.data.guidanceNote).toBe('CPIN Albania v3');
    expect(run.last).toContainEqual({ type: 'unsubscribeSignal', subscriptionId });
    expect(run.events('signal-received', run.last)).toEqual([{ kind: 'signal-received', nodeId: 'wait', signalName: 'guidance', broadcastId: 'b1' }]);
  });

  it('ignores a signal of another name, but remembers the broadcast', () => {
    const run = new Driver(catchProcess());
    broadcast(run, 'other', 'b1');
    expect(run.rejected).toBeUndefined();
    expect(run.waitingAt()).toEqual(['wait']);
    expect(run.state.broadcastsReceived).toEqual(['b1']);
    expect(run.events('signal-received', run.last)).toEqual([]);
  });

  it('refuses a broadcast it has already received, changing nothing', () => {
    // given a signal received, and the case waiting for the same name again
    const process = ir()
      .node('s', 'startEvent').node('w1', 'intermediateCatchEvent', { trigger: signal('guidance') }).node('w2', 'intermediateCatchEvent', { trigger: signal('guidance') })
      .node('review', 'userTask', { owner: A }).node('e', 'endEvent').seq('s', 'w1', 'w2', 'review', 'e').build();
    const run = new Driver(process);
    broadcast(run, 'guidance', 'b1');
    const before = run.state;
    // when the same broadcast arrives again (its fan-out retried)
    broadcast(run, 'guidance', 'b1');
    // then
    expect(run.rejected).toMatch(/already reached this case/);
    expect(run.state).toBe(before);
    expect(run.waitingAt()).toEqual(['w2']);
    // and a new broadcast moves it on
    broadcast(run, 'guidance', 'b2');
    expect(run.waitingAt()).toEqual(['review']);
  });

  it('remembers only the latest broadcasts, so the state stays small', () => {
    const run = new Driver(catchProcess());
    for (let n = 1; n <= 510; n += 1) broadcast(run, 'other', `b${n}`);
    expect(run.state.broadcastsReceived).toHaveLength(500);
    expect(run.state.broadcastsReceived![0]).toBe('b11');
  });

  it('waits for a signal after an event-based gateway, withdrawing the other events when it comes first', () => {
    const process = ir()
      .node('s', 'startEvent').node('g', 'eventBasedGateway')
      .node('sig', 'intermediateCatchEvent', { trigger: signal('guidance') }).node('review', 'userTask', { owner: A }).node('e', 'endEvent')
      .node('t', 'intermediateCatchEvent', { trigger: timer('P5D') }).node('e2', 'endEvent')
      .seq('s', 'g', 'sig', 'review', 'e').seq('g', 't', 'e2').build();
    const run = new Driver(process);
    const timerId = run.timerId('t');
    broadcast(run, 'guidance', 'b1');
    expect(run.waitingAt()).toEqual(['review']);
    expect(run.last).toContainEqual({ type: 'cancelTimer', timerId });
    expect(run.state.signals).toEqual({});
  });

  it('fails the case, naming the event, when a signal event names no signal', () => {
    const process = ir().node('s', 'startEvent').node('wait', 'intermediateCatchEvent', { trigger: signal() }).node('e', 'endEvent').seq('s', 'wait', 'e').build();
    const run = new Driver(process);
    expect(run.state.status).toBe('failed');
    expect(run.state.failure?.reason).toMatch(/"wait" is a signal event but does not say which signal/);
  });
});

describe('signal boundary events', () => {
  it('cancels the activity and follows the boundary when interrupting', () => {
    const run = new Driver(boundaryProcess(true));
    const work = run.taskId('work');
    broadcast(run, 'guidance', 'b1');
    expect(run.last).toContainEqual({ type: 'closeUserTask', taskId: work, reason: 'cancelled' });
    expect(run.waitingAt()).toEqual(['recheck']);
    expect(run.state.signals).toEqual({});
  });

  it('runs its path beside the activity once per broadcast when non-interrupting, and stops listening when the activity ends', () => {
    const run = new Driver(boundaryProcess(false));
    broadcast(run, 'guidance', 'b1');
    broadcast(run, 'guidance', 'b2');
    expect(run.waitingAt()).toEqual(['recheck', 'recheck', 'work']);
    // a repeat of a broadcast fires nothing more
    broadcast(run, 'guidance', 'b2');
    expect(run.waitingAt()).toEqual(['recheck', 'recheck', 'work']);
    run.complete('work');
    expect(run.state.signals).toEqual({});
    expect(run.lastOf('unsubscribeSignal')).toHaveLength(1);
  });
});

describe('signal throw events', () => {
  it('asks for a broadcast from an intermediate throw event and carries on', () => {
    const process = ir()
      .node('s', 'startEvent').node('tell', 'intermediateThrowEvent', { trigger: signal('guidance') }).node('work', 'userTask', { owner: A }).node('e', 'endEvent')
      .seq('s', 'tell', 'work', 'e').build();
    const run = new Driver(process);
    const [command] = run.lastOf('broadcastSignal');
    expect(command).toEqual({ type: 'broadcastSignal', broadcastId: expect.stringMatching(/^c1\/tell:\d+$/), nodeId: 'tell', signalName: 'guidance', data: {} });
    expect(run.events('signal-thrown')).toEqual([{ kind: 'signal-thrown', nodeId: 'tell', signalName: 'guidance', broadcastId: command!.broadcastId }]);
    expect(run.waitingAt()).toEqual(['work']);
  });

  it('asks for a broadcast from an end event and ends the path', () => {
    const process = ir().node('s', 'startEvent').node('e', 'endEvent', { trigger: signal('removal-cancelled') }).seq('s', 'e').build();
    const run = new Driver(process);
    expect(run.lastOf('broadcastSignal').map((c) => c.signalName)).toEqual(['removal-cancelled']);
    expect(run.state.status).toBe('completed');
  });

  it('makes the same broadcast id on every replay of the same case', () => {
    const process = ir().node('s', 'startEvent').node('e', 'endEvent', { trigger: signal('x') }).seq('s', 'e').build();
    expect(new Driver(process).lastOf('broadcastSignal')[0]!.broadcastId).toBe(new Driver(process).lastOf('broadcastSignal')[0]!.broadcastId);
  });
});

describe('signal start events', () => {
  // s (none) → keyed (user task) → e; sig (signal "guidance") → review (user task) → e
  const twoStarts = () =>
    ir()
      .node('s', 'startEvent').node('keyed', 'userTask', { owner: A })
      .node('sig', 'startEvent', { trigger: signal('guidance') }).node('review', 'userTask', { owner: A })
      .node('e', 'endEvent').seq('s', 'keyed', 'e').seq('sig', 'review', 'e').build();

  it('begins a case started by a broadcast at the signal start event, as a none start', () => {
    const result = start(twoStarts(), { caseId: 'c', data: { guidanceNote: 'CPIN v3' }, startEventId: 'sig' }, T0);
    expect(Object.values(result.state.userTasks).map((task) => task.nodeId)).toEqual(['review']);
    expect(result.state.data.guidanceNote).toBe('CPIN v3');
    expect(result.commands.filter((command) => command.type === 'subscribeSignal')).toEqual([]);
  });

  it('begins a case started by hand at the none start beside it', () => {
    const run = new Driver(twoStarts());
    expect(run.waitingAt()).toEqual(['keyed']);
  });

  it('does not start a second path in a running case when the signal is broadcast', () => {
    // given a case started at the none start
    const run = new Driver(twoStarts());
    // when the signal of its signal start is broadcast (it starts new cases, not this one again)
    broadcast(run, 'guidance', 'b1');
    // then
    expect(run.waitingAt()).toEqual(['keyed']);
    expect(run.events('signal-received', run.last)).toEqual([]);
  });
});
