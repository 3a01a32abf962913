import { describe, expect, it } from 'vitest';
import { Driver } from './engine-driver.testing.ts';
import { MAX_MOVES } from './index.ts';
import { error, ir, team, terminate } from './ir-builder.testing.ts';

// s → sub { s1 → fork → [ a (user) → x ] [ b (user) → be ] } → after (user) → e
function sub(endTrigger: ReturnType<typeof error> | undefined, boundary: boolean) {
  const b = ir()
    .node('s', 'startEvent').node('sub', 'subProcess').node('after', 'userTask', { owner: team('A') }).node('e', 'endEvent')
    .node('s1', 'startEvent', { parentId: 'sub' }).node('fork', 'parallelGateway', { parentId: 'sub' })
    .node('a', 'userTask', { parentId: 'sub', owner: team('A') }).node('x', 'endEvent', { parentId: 'sub', ...(endTrigger ? { trigger: endTrigger } : {}) })
    .node('b', 'userTask', { parentId: 'sub', owner: team('A') }).node('be', 'endEvent', { parentId: 'sub' })
    .seq('s', 'sub', 'after', 'e').seq('s1', 'fork', 'a', 'x').seq('fork', 'b', 'be');
  if (boundary) b.node('err', 'boundaryEvent', { attachedTo: 'sub', trigger: error('REFUSED') }).node('fix', 'userTask', { owner: team('A') }).seq('err', 'fix', 'e');
  return b.build();
}

describe('embedded sub-processes', () => {
  it('starts its none start event inside its own scope', () => {
    // when
    const run = new Driver(sub(undefined, false));
    // then
    const host = Object.values(run.state.tokens).find((t) => t.nodeId === 'sub');
    expect(Object.values(run.state.tokens).filter((t) => t.scopeId === host?.id).map((t) => t.nodeId)).toEqual(['a', 'b']);
  });

  it('completes when its last token ends, then moves on', () => {
    // given
    const run = new Driver(sub(undefined, false)).complete('a');
    // when
    run.complete('b');
    // then
    expect(run.waitingAt()).toEqual(['after']);
  });

  it('ends only the sub-process, as BPMN says, at a terminate end event inside it', () => {
    // given
    const run = new Driver(sub(terminate, false));
    const b = run.taskId('b');
    // when
    run.complete('a');
    // then
    expect(run.last).toContainEqual({ type: 'closeUserTask', taskId: b, reason: 'cancelled' });
    expect(run.waitingAt()).toEqual(['after']);
    expect(run.state.status).toBe('running');
  });

  it('routes an error end event to the error boundary of the sub-process, cancelling the rest of it', () => {
    // given
    const run = new Driver(sub(error('REFUSED'), true));
    const b = run.taskId('b');
    // when
    run.complete('a');
    // then
    expect(run.events('error-raised', run.last)).toEqual([{ kind: 'error-raised', nodeId: 'x', errorCode: 'REFUSED', caught: true }]);
    expect(run.last).toContainEqual({ type: 'closeUserTask', taskId: b, reason: 'cancelled' });
    expect(run.waitingAt()).toEqual(['fix']);
  });

  it('fails the case on an error end event nobody catches', () => {
    // given
    const run = new Driver(sub(error('REFUSED'), false));
    const b = run.taskId('b');
    // when
    run.complete('a');
    // then
    expect(run.state.status).toBe('failed');
    expect(run.last).toContainEqual({ type: 'closeUserTask', taskId: b, reason: 'cancelled' });
    expect(run.last.at(-1)).toEqual({ type: 'fail', nodeId: 'x', reason: 'The error "REFUSED" at "x" is not caught by any error boundary event.' });
  });

  it('runs a sub-process without start events from its steps with no incoming flow', () => {
    // given
    const process = ir()
      .node('s', 'startEvent').node('sub', 'subProcess').node('e', 'endEvent')
      .node('a', 'userTask', { parentId: 'sub', owner: team('A') }).node('b', 'manualTask', { parentId: 'sub' })
      .seq('s', 'sub', 'e').build();
    // when
    const run = new Driver(process);
    // then
    expect(run.waitingAt()).toEqual(['a', 'sub']);
  });

  it('completes an empty sub-process at once', () => {
    // given
    const process = ir().node('s', 'startEvent').node('sub', 'subProcess').node('e', 'endEvent').seq('s', 'sub', 'e').build();
    // when
    const run = new Driver(process);
    // then
    expect(run.state.status).toBe('completed');
  });
});

describe('loops', () => {
  it('fails a case that loops without ever waiting', () => {
    // given
    const process = ir()
      .node('s', 'startEvent').node('g1', 'exclusiveGateway').node('t', 'task').node('g2', 'exclusiveGateway').node('e', 'endEvent')
      .seq('s', 'g1', 't', 'g2').flow('g2', 'g1', { condition: 'true' }).flow('g2', 'e', { condition: 'false' }).build();
    // when
    const run = new Driver(process);
    // then
    expect(run.state.status).toBe('failed');
    expect(run.state.failure?.reason).toMatch(new RegExp(`^The case moved through ${MAX_MOVES} steps without waiting for anything`));
    expect(run.state.tokens).toEqual({});
  });

  it('goes round a loop that waits on a step each time', () => {
    // given
    const process = ir()
      .node('s', 'startEvent').node('g1', 'exclusiveGateway').node('u', 'userTask', { owner: team('A') }).node('g2', 'exclusiveGateway', { defaultFlow: 'g2->e' }).node('e', 'endEvent')
      .seq('s', 'g1', 'u', 'g2').flow('g2', 'g1', { condition: 'again' }).flow('g2', 'e').build();
    const run = new Driver(process);
    // when
    run.complete('u', { again: true }).complete('u', { again: true }).complete('u', { again: false });
    // then
    expect(run.allOf('openUserTask')).toHaveLength(3);
    expect(run.state.status).toBe('completed');
  });
});
