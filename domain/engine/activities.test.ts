import { describe, expect, it } from 'vitest';
import { Driver, T0 } from './engine-driver.testing.ts';
import { error, ir, message, team, timer } from './ir-builder.testing.ts';

const retry = { maximumAttempts: 3, nonRetryableErrors: ['NOT_FOUND'] };

// s → check (service) → e, with error boundaries as asked.
function service(boundaries: { id: string; code?: string }[] = []) {
  const b = ir().node('s', 'startEvent').node('check', 'serviceTask', { service: { handler: 'credit-check', retry } }).node('e', 'endEvent').seq('s', 'check', 'e');
  for (const { id, code } of boundaries) {
    b.node(id, 'boundaryEvent', { attachedTo: 'check', trigger: error(code), cancelActivity: true }).node(`${id}-task`, 'userTask', { owner: team('A') }).seq(id, `${id}-task`, 'e');
  }
  return b.build();
}

describe('service tasks', () => {
  it('schedules the handler with the case data and retry policy, then merges its output', () => {
    // given
    const run = new Driver(service(), { applicant: 'Ann' });
    const taskId = run.activityId('check');
    // then
    expect(run.lastOf('scheduleActivity')).toEqual([{ type: 'scheduleActivity', taskId, nodeId: 'check', handler: 'credit-check', input: { applicant: 'Ann' }, retry }]);
    // when
    run.send({ type: 'activityCompleted', taskId, output: { score: 700 } });
    // then
    expect(run.last.at(-1)).toEqual({ type: 'complete', data: { applicant: 'Ann', score: 700 } });
  });

  it.each([
    { label: 'the boundary naming the code', boundaries: [{ id: 'any' }, { id: 'nf', code: 'NOT_FOUND' }], code: 'NOT_FOUND', caughtBy: 'nf' },
    { label: 'a catch-all boundary', boundaries: [{ id: 'other', code: 'OTHER' }, { id: 'any' }], code: 'NOT_FOUND', caughtBy: 'any' },
  ])('routes a business error to $label', ({ boundaries, code, caughtBy }) => {
    // given
    const run = new Driver(service(boundaries));
    const taskId = run.activityId('check');
    // when
    run.send({ type: 'activityFailed', taskId, errorCode: code });
    // then
    expect(run.events('error-raised', run.last)).toEqual([{ kind: 'error-raised', nodeId: 'check', errorCode: code, caught: true }]);
    expect(run.events('element-cancelled', run.last)).toEqual([{ kind: 'element-cancelled', nodeId: 'check', instanceId: taskId }]);
    expect(run.lastOf('cancelActivity')).toEqual([]);
    expect(run.waitingAt()).toEqual([`${caughtBy}-task`]);
  });

  it('fails the case when no boundary catches the error', () => {
    // given
    const run = new Driver(service([{ id: 'other', code: 'OTHER' }]));
    // when
    run.send({ type: 'activityFailed', taskId: run.activityId('check'), errorCode: 'NOT_FOUND', message: 'no such person' });
    // then
    expect(run.state.status).toBe('failed');
    expect(run.last.at(-1)).toEqual({
      type: 'fail',
      nodeId: 'check',
      reason: 'The error "NOT_FOUND" at "check" is not caught by any error boundary event (no such person).',
    });
  });

  it('fails naming the step when a service task has no handler', () => {
    // given
    const process = ir().node('s', 'startEvent').node('x', 'serviceTask', { name: 'Pay' }).node('e', 'endEvent').seq('s', 'x', 'e').build();
    // when
    const run = new Driver(process);
    // then
    expect(run.state.failure).toEqual({ nodeId: 'x', reason: 'The automated step "Pay" (x) has no handler: name the service that does its work.' });
  });
});

describe('messages', () => {
  it.each([
    { kind: 'sendTask' as const, extra: { trigger: message('decision-letter') }, handler: 'send-message:decision-letter' },
    { kind: 'sendTask' as const, extra: { trigger: message('decision-letter'), service: { handler: 'letters' } }, handler: 'letters' },
    { kind: 'intermediateThrowEvent' as const, extra: { trigger: message('notify') }, handler: 'send-message:notify' },
  ])('sends a message from a $kind through handler $handler', ({ kind, extra, handler }) => {
    // given
    const process = ir().node('s', 'startEvent').node('send', kind, extra).node('e', 'endEvent').seq('s', 'send', 'e').build();
    const run = new Driver(process);
    // then
    expect(run.lastOf('scheduleActivity')[0]).toMatchObject({ handler });
    // when
    run.send({ type: 'activityCompleted', taskId: run.activityId('send'), output: {} });
    // then
    expect(run.state.status).toBe('completed');
  });

  it.each(['receiveTask', 'intermediateCatchEvent'] as const)('waits in a %s for its message, correlated by a FEEL key', (kind) => {
    // given
    const process = ir().node('s', 'startEvent').node('wait', kind, { trigger: message('evidence', 'applicant.ref') }).node('e', 'endEvent').seq('s', 'wait', 'e').build();
    const run = new Driver(process, { applicant: { ref: 42 } });
    const subscriptionId = run.subscriptionId('wait');
    // then
    expect(run.lastOf('subscribeMessage')).toEqual([{ type: 'subscribeMessage', subscriptionId, nodeId: 'wait', messageName: 'evidence', correlationKey: '42' }]);
    // when another message name arrives
    run.send({ type: 'messageReceived', subscriptionId, messageName: 'other', data: {} });
    // then
    expect(run.rejected).toBe(`Subscription "${subscriptionId}" waits for the message "evidence", not "other".`);
    // when
    run.send({ type: 'messageReceived', subscriptionId, messageName: 'evidence', data: { documents: 2 } });
    // then
    expect(run.events('message-correlated', run.last)).toEqual([{ kind: 'message-correlated', nodeId: 'wait', messageName: 'evidence' }]);
    expect(run.state.status).toBe('completed');
    expect(run.state.data).toMatchObject({ documents: 2 });
  });
});

describe('intermediate timers', () => {
  it.each([
    { spec: timer('PT72H'), fireAt: '2026-03-05T09:00:00.000Z' },
    { spec: timer('P1M'), fireAt: '2026-04-02T09:00:00.000Z' },
    { spec: timer('2026-06-01', 'date'), fireAt: '2026-06-01T00:00:00.000Z' },
    { spec: timer('2026-06-01T12:00:00+02:00', 'date'), fireAt: '2026-06-01T10:00:00.000Z' },
    { spec: timer('R3/PT1H', 'cycle'), fireAt: '2026-03-02T10:00:00.000Z' },
    { spec: timer('R/2026-03-10T08:00:00Z/P1D', 'cycle'), fireAt: '2026-03-10T08:00:00.000Z' },
    { spec: timer('=now() + duration("P2D")', 'date', true), fireAt: '2026-03-04T09:00:00.000Z' },
    { spec: timer('=date(deadline)', 'date', true), fireAt: '2026-05-01T00:00:00.000Z' },
    { spec: timer('=duration("PT" + string(hours) + "H")', 'duration', true), fireAt: '2026-03-02T11:00:00.000Z' },
  ])('waits until $fireAt for $spec.timer.expression', ({ spec, fireAt }) => {
    // given
    const process = ir().node('s', 'startEvent').node('w', 'intermediateCatchEvent', { trigger: spec }).node('e', 'endEvent').seq('s', 'w', 'e').build();
    const run = new Driver(process, { deadline: '2026-05-01', hours: 2 });
    // then
    expect(run.lastOf('startTimer')).toEqual([{ type: 'startTimer', timerId: run.timerId('w'), nodeId: 'w', purpose: 'intermediate', fireAt }]);
    // when
    run.fire('w');
    // then
    expect(run.state.status).toBe('completed');
  });

  it('fails naming the element when the timer cannot be read', () => {
    // given
    const process = ir().node('s', 'startEvent').node('w', 'intermediateCatchEvent', { trigger: timer('soon') }).node('e', 'endEvent').seq('s', 'w', 'e').build();
    // when
    const run = new Driver(process);
    // then
    expect(run.state.failure).toEqual({ nodeId: 'w', reason: 'The timer on "w" cannot be read: "soon" is not a duration such as PT72H or P1D.' });
  });
});

describe('call activities', () => {
  const process = ir()
    .node('s', 'startEvent').node('call', 'callActivity', { calledElement: 'assessment' }).node('e', 'endEvent')
    .node('err', 'boundaryEvent', { attachedTo: 'call', trigger: error() }).node('fix', 'userTask', { owner: team('A') })
    .seq('s', 'call', 'e').seq('err', 'fix', 'e').build();

  it('starts a child case with the case data and merges its result', () => {
    // given
    const run = new Driver(process, { a: 1 });
    const start = run.lastOf('startChildCase')[0];
    // then
    expect(start).toEqual({ type: 'startChildCase', childId: 'call:2', nodeId: 'call', calledElement: 'assessment', input: { a: 1 } });
    // when
    run.send({ type: 'childCaseCompleted', childId: 'call:2', data: { outcome: 'pass' } }, T0);
    // then
    expect(run.last.at(-1)).toEqual({ type: 'complete', data: { a: 1, outcome: 'pass' } });
  });

  it('raises an error when the child case fails', () => {
    // given
    const run = new Driver(process);
    // when
    run.send({ type: 'childCaseFailed', childId: 'call:2', reason: 'boom' });
    // then
    expect(run.events('error-raised', run.last)).toEqual([{ kind: 'error-raised', nodeId: 'call', caught: true }]);
    expect(run.waitingAt()).toEqual(['fix']);
  });
});
