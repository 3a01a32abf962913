import { describe, expect, it } from 'vitest';
import { Driver } from './engine-driver.testing.ts';
import { ir, message, team, timer } from './ir-builder.testing.ts';

// s → g → a | b | c → e, with optional conditions and default flow.
function exclusive(conditions: (string | undefined)[], defaultTo?: string) {
  const b = ir().node('s', 'startEvent').node('g', 'exclusiveGateway', defaultTo ? { defaultFlow: `g->${defaultTo}` } : {}).node('e', 'endEvent').flow('s', 'g');
  ['a', 'b', 'c'].forEach((id, i) => {
    b.node(id, 'userTask', { owner: team('A') }).flow('g', id, conditions[i] ? { condition: conditions[i] } : {}).flow(id, 'e');
  });
  return b.build();
}

describe('exclusive gateway', () => {
  it.each([
    { conditions: ['amount > 100', 'amount > 10', undefined], data: { amount: 500 }, defaultTo: 'c', expected: 'a' },
    { conditions: ['amount > 100', 'amount > 10', undefined], data: { amount: 50 }, defaultTo: 'c', expected: 'b' },
    { conditions: ['amount > 100', 'amount > 10', undefined], data: { amount: 5 }, defaultTo: 'c', expected: 'c' },
    { conditions: ['kind = "urgent"', 'kind = "normal"', undefined], data: { kind: 'normal' }, defaultTo: 'c', expected: 'b' },
    { conditions: ['missing > 1', 'true', undefined], data: {}, defaultTo: 'c', expected: 'b' },
    { conditions: ['false', 'false', 'true'], data: {}, defaultTo: undefined, expected: 'c' },
  ])('takes the first path whose condition holds, else the default ($expected)', ({ conditions, data, defaultTo, expected }) => {
    // given
    const process = exclusive(conditions, defaultTo);
    // when
    const run = new Driver(process, data);
    // then
    expect(run.waitingAt()).toEqual([expected]);
  });

  it('fails naming the gateway when no condition holds and there is no default path', () => {
    // given
    const process = exclusive(['false', 'false', 'false']);
    // when
    const run = new Driver(process);
    // then
    expect(run.state.status).toBe('failed');
    expect(run.last.at(-1)).toEqual({
      type: 'fail',
      nodeId: 'g',
      reason: 'No path out of "g" applies: none of its conditions holds for this case\'s data and it has no default path.',
    });
  });

  it('fails the case, without enumerating the range, when a condition would iterate more than the FEEL budget over case data', () => {
    // given a condition whose range runs to a number a caseworker entered
    const process = exclusive(['count(for i in 1..n return i) > 0', 'true', 'true']);
    // when it would run fifty million times
    const run = new Driver(process, { n: 50_000_000 });
    // then the case fails at once, naming the path and the budget
    expect(run.state.status).toBe('failed');
    expect(run.state.failure?.reason).toMatch(/^The condition on the path "g->a" out of "g" cannot be read.*Casemap stopped evaluating it: it does more work than the [\d,]+ steps Casemap allows one expression/);
  });

  it('fails naming the path when a condition cannot be read', () => {
    // given
    const process = exclusive(['amount >', 'true', 'true']);
    // when
    const run = new Driver(process, { amount: 1 });
    // then
    expect(run.state.status).toBe('failed');
    expect(run.state.failure?.reason).toMatch(/^The condition on the path "g->a" out of "g" cannot be read/);
  });
});

describe('parallel gateway', () => {
  const process = ir()
    .node('s', 'startEvent').node('fork', 'parallelGateway').node('a', 'userTask', { owner: team('A') }).node('b', 'userTask', { owner: team('A') })
    .node('join', 'parallelGateway').node('after', 'userTask', { owner: team('A') }).node('e', 'endEvent')
    .seq('s', 'fork', 'a', 'join').seq('fork', 'b', 'join').seq('join', 'after', 'e').build();

  it('forks a token onto every outgoing path', () => {
    // when
    const run = new Driver(process);
    // then
    expect(run.waitingAt()).toEqual(['a', 'b']);
  });

  it('waits at the join until a token has come by every incoming path', () => {
    // given
    const run = new Driver(process);
    // when
    run.complete('a');
    // then
    expect(run.waitingAt()).toEqual(['b', 'join']);
    // when
    run.complete('b');
    // then
    expect(run.waitingAt()).toEqual(['after']);
    expect(run.events('element-completed').filter((e) => e.nodeId === 'join')).toHaveLength(2);
  });
});

describe('inclusive gateway', () => {
  const process = ir()
    .node('s', 'startEvent').node('split', 'inclusiveGateway', { defaultFlow: 'split->c' })
    .node('a', 'userTask', { owner: team('A') }).node('b', 'userTask', { owner: team('A') }).node('c', 'userTask', { owner: team('A') })
    .node('join', 'inclusiveGateway').node('after', 'userTask', { owner: team('A') }).node('e', 'endEvent')
    .flow('s', 'split').flow('split', 'a', { condition: 'wantA' }).flow('split', 'b', { condition: 'wantB' }).flow('split', 'c')
    .seq('a', 'join').seq('b', 'join').seq('c', 'join').seq('join', 'after', 'e').build();

  it.each([
    { data: { wantA: true, wantB: true }, forked: ['a', 'b'] },
    { data: { wantA: false, wantB: true }, forked: ['b'] },
    { data: { wantA: false, wantB: false }, forked: ['c'] },
  ])('forks onto every path whose condition holds, else the default ($forked)', ({ data, forked }) => {
    // when
    const run = new Driver(process, data);
    // then
    expect(run.waitingAt()).toEqual(forked);
  });

  it.each([
    { data: { wantA: true, wantB: true }, forked: ['a', 'b'] },
    { data: { wantA: true, wantB: false }, forked: ['a'] },
  ])('joins once every forked token has arrived ($forked)', ({ data, forked }) => {
    // given
    const run = new Driver(process, data);
    // when
    for (const nodeId of forked.slice(0, -1)) run.complete(nodeId);
    const beforeLast = run.waitingAt();
    run.complete(forked.at(-1) ?? '');
    // then
    expect(beforeLast).not.toContain('after');
    expect(run.waitingAt()).toEqual(['after']);
  });
});

describe('event-based gateway', () => {
  const process = ir()
    .node('s', 'startEvent').node('g', 'eventBasedGateway')
    .node('reply', 'intermediateCatchEvent', { trigger: message('reply', 'caseRef') })
    .node('late', 'intermediateCatchEvent', { trigger: timer('P14D') })
    .node('ok', 'endEvent').node('chase', 'userTask', { owner: team('A') }).node('e', 'endEvent')
    .seq('s', 'g', 'reply', 'ok').seq('g', 'late', 'chase', 'e').build();

  it('waits on every following catch event', () => {
    // when
    const run = new Driver(process, { caseRef: 'R-1' });
    // then
    expect(run.lastOf('subscribeMessage')).toEqual([
      { type: 'subscribeMessage', subscriptionId: run.subscriptionId('reply'), nodeId: 'reply', messageName: 'reply', correlationKey: 'R-1' },
    ]);
    expect(run.lastOf('startTimer')).toEqual([
      { type: 'startTimer', timerId: run.timerId('late'), nodeId: 'late', purpose: 'event-gateway', fireAt: '2026-03-16T09:00:00.000Z' },
    ]);
  });

  it('follows the message when it comes first and withdraws the timer', () => {
    // given
    const run = new Driver(process, { caseRef: 'R-1' });
    const timerId = run.timerId('late');
    // when
    run.send({ type: 'messageReceived', subscriptionId: run.subscriptionId('reply'), messageName: 'reply', data: { answer: 'yes' } });
    // then
    expect(run.last).toContainEqual({ type: 'cancelTimer', timerId });
    expect(run.state.status).toBe('completed');
    expect(run.state.data).toEqual({ caseRef: 'R-1', answer: 'yes' });
  });

  it('follows the timer when it fires first and unsubscribes the message', () => {
    // given
    const run = new Driver(process, { caseRef: 'R-1' });
    const subscriptionId = run.subscriptionId('reply');
    const timerId = run.timerId('late');
    // when
    run.fire('late');
    // then
    expect(run.last).toContainEqual({ type: 'unsubscribeMessage', subscriptionId });
    expect(run.events('timer-fired', run.last)).toEqual([{ kind: 'timer-fired', nodeId: 'late', timerId }]);
    expect(run.waitingAt()).toEqual(['chase']);
    // when the withdrawn message arrives after all
    run.send({ type: 'messageReceived', subscriptionId, messageName: 'reply', data: {} });
    // then
    expect(run.rejected).toBeDefined();
  });
});
