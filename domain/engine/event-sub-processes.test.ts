import { describe, expect, it } from 'vitest';
import type { Trigger } from '../process/ir.ts';
import { Driver } from './engine-driver.testing.ts';
import { error, escalation, ir, message, signal, team, timer } from './ir-builder.testing.ts';

const A = team('A');

/**
 * s → fork → [ work (user task, boundary timer P30D) → e ] [ wait (message "docs") → e2 ] [ call (call activity) → e3 ]
 * plus, at the top level, an event sub-process `esp` { es (trigger) → handle (user task) → ee }.
 */
function processLevel(trigger: Trigger, interrupting: boolean) {
  return ir()
    .node('s', 'startEvent').node('fork', 'parallelGateway')
    .node('work', 'userTask', { owner: A }).node('e', 'endEvent')
    .node('late', 'boundaryEvent', { attachedTo: 'work', trigger: timer('P30D') }).node('le', 'endEvent')
    .node('wait', 'intermediateCatchEvent', { trigger: message('docs') }).node('e2', 'endEvent')
    .node('call', 'callActivity', { calledElement: 'child' }).node('e3', 'endEvent')
    .node('esp', 'subProcess', { triggeredByEvent: true })
    .node('es', 'startEvent', { parentId: 'esp', trigger, ...(interrupting ? {} : { cancelActivity: false }) })
    .node('handle', 'userTask', { parentId: 'esp', owner: A }).node('ee', 'endEvent', { parentId: 'esp' })
    .seq('s', 'fork', 'work', 'e').seq('fork', 'wait', 'e2').seq('fork', 'call', 'e3').seq('late', 'le').seq('es', 'handle', 'ee')
    .build();
}

/**
 * s → sub { i → inner (user task) → ie; event sub-process `esp` { es (trigger) → handle → ee } } → after (user task) → e,
 * with an interrupting escalation/error boundary `caught` on sub → fallback (user task) → fe.
 */
function subProcessLevel(trigger: Trigger, interrupting: boolean, boundary: Trigger = error()) {
  return ir()
    .node('s', 'startEvent').node('sub', 'subProcess').node('after', 'userTask', { owner: A }).node('e', 'endEvent')
    .node('caught', 'boundaryEvent', { attachedTo: 'sub', trigger: boundary }).node('fallback', 'userTask', { owner: A }).node('fe', 'endEvent')
    .node('i', 'startEvent', { parentId: 'sub' }).node('inner', 'userTask', { parentId: 'sub', owner: A }).node('ie', 'endEvent', { parentId: 'sub' })
    .node('esp', 'subProcess', { parentId: 'sub', triggeredByEvent: true })
    .node('es', 'startEvent', { parentId: 'esp', trigger, ...(interrupting ? {} : { cancelActivity: false }) })
    .node('handle', 'userTask', { parentId: 'esp', owner: A }).node('ee', 'endEvent', { parentId: 'esp' })
    .seq('s', 'sub', 'after', 'e').seq('caught', 'fallback', 'fe').seq('i', 'inner', 'ie').seq('es', 'handle', 'ee')
    .build();
}

const messageSub = (run: Driver, nodeId: string) => Object.values(run.state.subscriptions).find((sub) => sub.nodeId === nodeId)!;
const signalSub = (run: Driver, nodeId: string) => Object.values(run.state.signals ?? {}).find((sub) => sub.nodeId === nodeId)!;
const send = (run: Driver, nodeId: string, messageName: string, data = {}) =>
  run.send({ type: 'messageReceived', subscriptionId: messageSub(run, nodeId).subscriptionId, messageName, data });
const broadcast = (run: Driver, signalName: string, broadcastId: string, data = {}) => run.send({ type: 'signalReceived', broadcastId, signalName, data });

/** How each trigger is made to happen in a test, once the scope is running. */
const happen: Record<'message' | 'timer' | 'signal', { trigger: Trigger; fire: (run: Driver, n: number) => Driver }> = {
  message: { trigger: message('withdrawn'), fire: (run, n) => send(run, 'es', 'withdrawn', { reason: `r${n}` }) },
  timer: { trigger: timer('R/P7D', 'cycle'), fire: (run) => run.fire('es', 'event-sub-process') },
  signal: { trigger: signal('guidance-changed'), fire: (run, n) => broadcast(run, 'guidance-changed', `b${n}`) },
};

describe('event sub-processes at the process level', () => {
  it('arms timer, message and signal starts when the case starts', () => {
    for (const kind of ['message', 'timer', 'signal'] as const) {
      const run = new Driver(processLevel(happen[kind].trigger, true));
      const armed = [...Object.values(run.state.timers), ...Object.values(run.state.subscriptions), ...Object.values(run.state.signals ?? {})].filter((w) => w.nodeId === 'es');
      expect(armed, kind).toHaveLength(1);
      expect(armed[0]!.tokenId, kind).toBe('root');
    }
  });

  for (const kind of ['message', 'timer', 'signal'] as const) {
    it(`cancels everything open in the case when an interrupting ${kind} start fires, then runs the event sub-process once`, () => {
      // given a case with an open task (with a boundary timer), a message wait and a called case
      const run = new Driver(processLevel(happen[kind].trigger, true));
      const task = run.taskId('work');
      const late = run.timerId('late');
      const docs = messageSub(run, 'wait').subscriptionId;
      const child = Object.keys(run.state.childCases)[0]!;
      // when
      happen[kind].fire(run, 1);
      // then every one of them is cancelled, and only the event sub-process runs
      expect(run.last).toContainEqual({ type: 'closeUserTask', taskId: task, reason: 'cancelled' });
      expect(run.last).toContainEqual({ type: 'cancelTimer', timerId: late });
      expect(run.last).toContainEqual({ type: 'unsubscribeMessage', subscriptionId: docs });
      expect(run.last).toContainEqual({ type: 'cancelChildCase', childId: child });
      expect(run.waitingAt()).toEqual(['esp', 'handle']);
      expect(run.events('event-sub-process-triggered', run.last)).toEqual([{ kind: 'event-sub-process-triggered', nodeId: 'esp', startEventId: 'es', interrupting: true }]);
      // and its start listens no more
      expect([...Object.values(run.state.timers), ...Object.values(run.state.subscriptions), ...Object.values(run.state.signals ?? {})]).toEqual([]);
      // when its work is done, the case completes
      run.complete('handle');
      expect(run.state.status).toBe('completed');
    });

    it(`runs a non-interrupting ${kind} event sub-process beside the case's work, as often as it fires`, () => {
      // given
      const run = new Driver(processLevel(happen[kind].trigger, false));
      // when it fires twice
      happen[kind].fire(run, 1);
      happen[kind].fire(run, 2);
      // then nothing is cancelled and two instances run beside the work
      expect(run.allOf('closeUserTask')).toEqual([]);
      expect(run.waitingAt()).toEqual(['call', 'esp', 'esp', 'handle', 'handle', 'wait', 'work']);
      expect(run.events('event-sub-process-triggered').map((e) => ('interrupting' in e ? e.interrupting : undefined))).toEqual([false, false]);
    });
  }

  it('re-arms a non-interrupting timer cycle after each firing, a reminder every 7 days', () => {
    // given
    const run = new Driver(processLevel(timer('R/P7D', 'cycle'), false));
    expect(run.state.timers[run.timerId('es', 'event-sub-process')]!.fireAt).toBe('2026-03-09T09:00:00.000Z');
    // when
    run.fire('es', 'event-sub-process');
    // then the next firing is 7 days after the planned one
    expect(run.lastOf('startTimer')).toEqual([expect.objectContaining({ nodeId: 'es', purpose: 'event-sub-process', fireAt: '2026-03-16T09:00:00.000Z' })]);
  });

  it('fires an interrupting timer cycle only once', () => {
    const run = new Driver(processLevel(timer('R/P7D', 'cycle'), true));
    run.fire('es', 'event-sub-process');
    expect(run.lastOf('startTimer')).toEqual([]);
  });

  it('completes the case only when the non-interrupting instances it started are done, and disarms the start then', () => {
    // given an instance running beside the work
    const run = new Driver(processLevel(message('withdrawn'), false));
    send(run, 'es', 'withdrawn');
    // when the main flow ends
    run.complete('work');
    send(run, 'wait', 'docs');
    run.send({ type: 'childCaseCompleted', childId: Object.keys(run.state.childCases)[0]!, data: {} });
    // then the case waits for the event sub-process
    expect(run.state.status).toBe('running');
    expect(run.waitingAt()).toEqual(['esp', 'handle']);
    // when its work is done
    run.complete('handle');
    // then the case completes and the start stops listening
    expect(run.state.status).toBe('completed');
    expect(run.state.subscriptions).toEqual({});
    expect(run.events('element-completed', run.last).map((e) => ('nodeId' in e ? e.nodeId : ''))).toContain('esp');
  });

  it('stops the starts listening when the case completes', () => {
    const run = new Driver(processLevel(timer('R/P7D', 'cycle'), false));
    const reminder = run.timerId('es', 'event-sub-process');
    run.complete('work');
    send(run, 'wait', 'docs');
    run.send({ type: 'childCaseCompleted', childId: Object.keys(run.state.childCases)[0]!, data: {} });
    expect(run.state.status).toBe('completed');
    expect(run.last).toContainEqual({ type: 'cancelTimer', timerId: reminder });
    expect(run.state.timers).toEqual({});
  });

  it('takes no message on a correlation key that has no value yet, and listens on the key once a step sets it', () => {
    // given a withdrawal keyed on the case reference, which the case does not have yet
    const run = new Driver(processLevel(message('withdrawn', 'caseReference'), true));
    const waiting = messageSub(run, 'es');
    expect(waiting).toMatchObject({ keyPending: true });
    expect(run.all.filter((command) => command.type === 'subscribeMessage' && command.nodeId === 'es')).toEqual([]);
    // then another case's withdrawal is refused rather than taken
    send(run, 'es', 'withdrawn');
    expect(run.rejected).toBeDefined();
    expect(run.waitingAt()).toContain('work');

    // when a step keys the reference, the start subscribes on it
    run.complete('work', { caseReference: 'FNO-1' });
    expect(run.last.filter((command) => command.type === 'subscribeMessage')).toEqual([
      { type: 'subscribeMessage', subscriptionId: waiting.subscriptionId, nodeId: 'es', messageName: 'withdrawn', correlationKey: 'FNO-1' },
    ]);
    expect(messageSub(run, 'es')).toMatchObject({ correlationKey: 'FNO-1' });
    expect(messageSub(run, 'es').keyPending).toBeUndefined();
    // and its own withdrawal now interrupts the case
    send(run, 'es', 'withdrawn');
    expect(run.rejected).toBeUndefined();
    expect(run.waitingAt()).toEqual(['esp', 'handle']);
  });

  it('subscribes at once when the key already has a value when the case starts', () => {
    const run = new Driver(processLevel(message('withdrawn', 'caseReference'), true), { caseReference: 'FNO-2' });
    expect(messageSub(run, 'es')).toMatchObject({ correlationKey: 'FNO-2' });
    expect(run.all.filter((command) => command.type === 'subscribeMessage' && command.nodeId === 'es')).toHaveLength(1);
  });

  it('merges the data of the message that starts it into the case', () => {
    const run = new Driver(processLevel(message('withdrawn'), true));
    send(run, 'es', 'withdrawn', { withdrawalReason: 'left the country' });
    expect(run.state.data.withdrawalReason).toBe('left the country');
  });

  it('cancels running non-interrupting instances when an interrupting one fires', () => {
    // given a reminder instance running
    const xml = processLevel(timer('P1D'), false);
    const withWithdrawal = {
      ...xml,
      nodes: [
        ...xml.nodes,
        { ...xml.nodes.find((n) => n.id === 'esp')!, id: 'withdraw' },
        { id: 'ws', kind: 'startEvent' as const, processId: 'p', parentId: 'withdraw', trigger: message('withdrawn'), form: [], captures: [], kpis: [] },
        { id: 'we', kind: 'endEvent' as const, processId: 'p', parentId: 'withdraw', form: [], captures: [], kpis: [] },
      ],
      flows: [...xml.flows, { id: 'ws->we', processId: 'p', source: 'ws', target: 'we' }],
    };
    const run = new Driver(withWithdrawal);
    run.fire('es', 'event-sub-process');
    const reminderTask = run.taskId('handle');
    // when the withdrawal arrives
    send(run, 'ws', 'withdrawn');
    // then the reminder's task is cancelled too, and the case ends with the withdrawal
    expect(run.last).toContainEqual({ type: 'closeUserTask', taskId: reminderTask, reason: 'cancelled' });
    expect(run.state.status).toBe('completed');
  });

  it('catches an error raised by a step on an error event sub-process, cancelling the rest of the case', () => {
    // given
    const process = ir()
      .node('s', 'startEvent').node('fork', 'parallelGateway').node('check', 'serviceTask', { service: { handler: 'check' } }).node('e', 'endEvent')
      .node('work', 'userTask', { owner: A }).node('e2', 'endEvent')
      .node('esp', 'subProcess', { triggeredByEvent: true }).node('es', 'startEvent', { parentId: 'esp', trigger: error('NOT_FOUND') })
      .node('handle', 'userTask', { parentId: 'esp', owner: A }).node('ee', 'endEvent', { parentId: 'esp' })
      .seq('s', 'fork', 'check', 'e').seq('fork', 'work', 'e2').seq('es', 'handle', 'ee')
      .build();
    const run = new Driver(process);
    const work = run.taskId('work');
    // when
    run.send({ type: 'activityFailed', taskId: run.activityId('check'), errorCode: 'NOT_FOUND' });
    // then
    expect(run.events('error-raised', run.last)).toEqual([{ kind: 'error-raised', nodeId: 'check', errorCode: 'NOT_FOUND', caught: true }]);
    expect(run.last).toContainEqual({ type: 'closeUserTask', taskId: work, reason: 'cancelled' });
    expect(run.waitingAt()).toEqual(['esp', 'handle']);
  });

  it('catches an escalation end event on a non-interrupting escalation event sub-process, the rest carrying on', () => {
    // given
    const process = ir()
      .node('s', 'startEvent').node('fork', 'parallelGateway').node('check', 'userTask', { owner: A }).node('raise', 'endEvent', { trigger: escalation('BARRIER') })
      .node('work', 'userTask', { owner: A }).node('e2', 'endEvent')
      .node('esp', 'subProcess', { triggeredByEvent: true }).node('es', 'startEvent', { parentId: 'esp', trigger: escalation('BARRIER'), cancelActivity: false })
      .node('handle', 'userTask', { parentId: 'esp', owner: A }).node('ee', 'endEvent', { parentId: 'esp' })
      .seq('s', 'fork', 'check', 'raise').seq('fork', 'work', 'e2').seq('es', 'handle', 'ee')
      .build();
    const run = new Driver(process);
    // when
    run.complete('check');
    // then
    expect(run.events('escalation-raised', run.last)).toEqual([{ kind: 'escalation-raised', nodeId: 'raise', escalationCode: 'BARRIER', caught: true }]);
    expect(run.waitingAt()).toEqual(['esp', 'handle', 'work']);
    run.complete('work').complete('handle');
    expect(run.state.status).toBe('completed');
  });
});

describe('event sub-processes inside an embedded sub-process', () => {
  for (const kind of ['message', 'timer', 'signal'] as const) {
    it(`arms a ${kind} start while the sub-process runs, cancels only its work when interrupting, and then completes it normally`, () => {
      // given
      const run = new Driver(subProcessLevel(happen[kind].trigger, true));
      const inner = run.taskId('inner');
      // when
      happen[kind].fire(run, 1);
      // then only the sub-process's work is cancelled
      expect(run.last).toContainEqual({ type: 'closeUserTask', taskId: inner, reason: 'cancelled' });
      expect(run.waitingAt()).toEqual(['esp', 'handle', 'sub']);
      // when the event sub-process ends, the sub-process completes and its outgoing flow is taken
      run.complete('handle');
      expect(run.waitingAt()).toEqual(['after']);
    });

    it(`runs a non-interrupting ${kind} start beside the sub-process's work, which completes after both`, () => {
      const run = new Driver(subProcessLevel(happen[kind].trigger, false));
      happen[kind].fire(run, 1);
      expect(run.waitingAt()).toEqual(['esp', 'handle', 'inner', 'sub']);
      run.complete('inner');
      expect(run.waitingAt()).toEqual(['esp', 'handle', 'sub']);
      run.complete('handle');
      expect(run.waitingAt()).toEqual(['after']);
    });
  }

  it('disarms the starts when the sub-process completes', () => {
    const run = new Driver(subProcessLevel(timer('P3D'), true));
    const armed = run.timerId('es', 'event-sub-process');
    run.complete('inner');
    expect(run.last).toContainEqual({ type: 'cancelTimer', timerId: armed });
    expect(run.waitingAt()).toEqual(['after']);
    expect(run.state.timers).toEqual({});
  });

  it('disarms the starts when an interrupting boundary on the sub-process cancels it', () => {
    const run = new Driver(subProcessLevel(signal('stop'), true, message('closed')));
    expect(signalSub(run, 'es')).toBeDefined();
    send(run, 'caught', 'closed');
    expect(run.state.signals).toEqual({});
    expect(run.waitingAt()).toEqual(['fallback']);
  });

  it('catches an error thrown inside on the error event sub-process before the error boundary on the sub-process', () => {
    // given an error end event inside the sub-process, and both an error event sub-process and an error boundary
    const base = subProcessLevel(error('MISSING'), true, error('MISSING'));
    const process = {
      ...base,
      nodes: [...base.nodes.filter((n) => n.id !== 'ie'), { id: 'ie', kind: 'endEvent' as const, processId: 'p', parentId: 'sub', trigger: error('MISSING'), form: [], captures: [], kpis: [] }],
    };
    const run = new Driver(process);
    // when
    run.complete('inner');
    // then the event sub-process catches it, not the boundary
    expect(run.waitingAt()).toEqual(['esp', 'handle', 'sub']);
    expect(run.events('error-raised')).toEqual([{ kind: 'error-raised', nodeId: 'ie', errorCode: 'MISSING', caught: true }]);
  });

  it('lets an error inside an interrupting event sub-process travel on to the boundary of its scope', () => {
    // given: the event sub-process's own path ends in the same error
    const base = subProcessLevel(error('MISSING'), true, error('MISSING'));
    const process = {
      ...base,
      nodes: [
        ...base.nodes.filter((n) => n.id !== 'ie' && n.id !== 'ee'),
        { id: 'ie', kind: 'endEvent' as const, processId: 'p', parentId: 'sub', trigger: error('MISSING'), form: [], captures: [], kpis: [] },
        { id: 'ee', kind: 'endEvent' as const, processId: 'p', parentId: 'esp', trigger: error('MISSING'), form: [], captures: [], kpis: [] },
      ],
    };
    const run = new Driver(process);
    run.complete('inner');
    // when
    run.complete('handle');
    // then the scope's event sub-processes are spent; the boundary on the sub-process catches it
    expect(run.waitingAt()).toEqual(['fallback']);
  });

  it('catches an escalation from a nested sub-process on the interrupting escalation event sub-process of the outer one', () => {
    const process = ir()
      .node('s', 'startEvent').node('outer', 'subProcess').node('e', 'endEvent')
      .node('o1', 'startEvent', { parentId: 'outer' }).node('inner', 'subProcess', { parentId: 'outer' }).node('oe', 'endEvent', { parentId: 'outer' })
      .node('i1', 'startEvent', { parentId: 'inner' }).node('check', 'userTask', { parentId: 'inner', owner: A }).node('raise', 'endEvent', { parentId: 'inner', trigger: escalation('BARRIER') })
      .node('esp', 'subProcess', { parentId: 'outer', triggeredByEvent: true }).node('es', 'startEvent', { parentId: 'esp', trigger: escalation() })
      .node('refer', 'userTask', { parentId: 'esp', owner: A }).node('ee', 'endEvent', { parentId: 'esp' })
      .seq('s', 'outer', 'e').seq('o1', 'inner', 'oe').seq('i1', 'check', 'raise').seq('es', 'refer', 'ee')
      .build();
    const run = new Driver(process);
    run.complete('check');
    expect(run.waitingAt()).toEqual(['esp', 'outer', 'refer']);
    run.complete('refer');
    expect(run.state.status).toBe('completed');
    expect(run.entered()).not.toContain('oe');
  });
});
