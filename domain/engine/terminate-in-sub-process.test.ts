import { describe, expect, it } from 'vitest';
import { Driver } from './engine-driver.testing.ts';
import { ir, team, terminate, timer } from './ir-builder.testing.ts';

// s → outer { o1 → fork → [ inner { i1 → ia (user) → stop (terminate) } → oa (user) → oe ] [ ob (user) → obe ] } → after (user) → e
function nested() {
  return ir()
    .node('s', 'startEvent').node('outer', 'subProcess').node('after', 'userTask', { owner: team('A') }).node('e', 'endEvent')
    .node('o1', 'startEvent', { parentId: 'outer' }).node('fork', 'parallelGateway', { parentId: 'outer' })
    .node('inner', 'subProcess', { parentId: 'outer' }).node('oa', 'userTask', { parentId: 'outer', owner: team('A') }).node('oe', 'endEvent', { parentId: 'outer' })
    .node('ob', 'userTask', { parentId: 'outer', owner: team('A') }).node('obe', 'endEvent', { parentId: 'outer' })
    .node('i1', 'startEvent', { parentId: 'inner' }).node('ifork', 'parallelGateway', { parentId: 'inner' })
    .node('ia', 'userTask', { parentId: 'inner', owner: team('A') }).node('stop', 'endEvent', { parentId: 'inner', trigger: terminate })
    .node('ib', 'userTask', { parentId: 'inner', owner: team('A') }).node('ibe', 'endEvent', { parentId: 'inner' })
    .node('ibTimer', 'boundaryEvent', { parentId: 'inner', attachedTo: 'ib', cancelActivity: false, trigger: timer('P3D') }).node('remind', 'endEvent', { parentId: 'inner' })
    .node('wait', 'intermediateCatchEvent', { parentId: 'inner', trigger: timer('P5D') }).node('we', 'endEvent', { parentId: 'inner' })
    .seq('s', 'outer', 'after', 'e').seq('o1', 'fork', 'inner', 'oa', 'oe').seq('fork', 'ob', 'obe')
    .seq('i1', 'ifork', 'ia', 'stop').seq('ifork', 'ib', 'ibe').seq('ifork', 'wait', 'we').seq('ibTimer', 'remind')
    .build();
}

describe('a terminate end event inside an embedded sub-process', () => {
  it('cancels everything open in that sub-process only: tasks, boundary timers and waiting events', () => {
    // given
    const run = new Driver(nested());
    const [ib, ob] = [run.taskId('ib'), run.taskId('ob')];
    const [boundary, wait] = [run.timerId('ibTimer'), run.timerId('wait')];
    // when
    run.complete('ia');
    // then
    expect(run.last).toContainEqual({ type: 'closeUserTask', taskId: ib, reason: 'cancelled' });
    expect(run.last).toContainEqual({ type: 'cancelTimer', timerId: boundary });
    expect(run.last).toContainEqual({ type: 'cancelTimer', timerId: wait });
    expect(run.last).not.toContainEqual(expect.objectContaining({ type: 'closeUserTask', taskId: ob }));
    expect(run.state.status).toBe('running');
  });

  it('completes the sub-process normally, so its outgoing flow is taken', () => {
    const run = new Driver(nested()).complete('ia');
    expect(run.events('element-completed', run.last).map((e) => ('nodeId' in e ? e.nodeId : ''))).toContain('inner');
    expect(run.events('element-cancelled', run.last).map((e) => ('nodeId' in e ? e.nodeId : ''))).not.toContain('inner');
    expect(run.waitingAt()).toEqual(['ob', 'oa', 'outer'].sort());
  });

  it('lets the enclosing sub-process and the case finish as usual afterwards', () => {
    const run = new Driver(nested()).complete('ia').complete('oa').complete('ob');
    expect(run.waitingAt()).toEqual(['after']);
    run.complete('after');
    expect(run.state.status).toBe('completed');
    expect(run.allOf('complete')).toHaveLength(1);
  });
});
