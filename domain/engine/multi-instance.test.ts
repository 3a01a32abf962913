import { describe, expect, it } from 'vitest';
import type { MultiInstance, Node } from '../process/ir.ts';
import { Driver } from './engine-driver.testing.ts';
import { EngineState, type OpenTask } from './engine-state.ts';
import { error, ir, team, timer } from './ir-builder.testing.ts';
import { MAX_INSTANCES } from './multi-instance.ts';

const perDependant: MultiInstance = { inputCollection: 'dependants', inputElement: 'dependant', outputCollection: 'checks', outputElement: 'check' };

/** s → each (a multi-instance user task) → after (user task) → e */
function userTasks(mode: 'parallel' | 'sequential', instances: MultiInstance = perDependant, extra: Partial<Node> = {}) {
  return ir()
    .node('s', 'startEvent')
    .node('each', 'userTask', { name: 'Check dependant', owner: team('A'), multiInstance: mode, instances, ...extra })
    .node('after', 'userTask', { owner: team('A') })
    .node('e', 'endEvent')
    .seq('s', 'each', 'after', 'e')
    .build();
}

const three = { dependants: ['ana', 'ben', 'cy'] };

/** A task's place in its step, without the body id (which is the engine's own counter). */
const progress = (instance: OpenTask['instance']) => instance && { index: instance.index, count: instance.count, completed: instance.completed };

function openTasks(run: Driver) {
  return Object.values(run.state.userTasks).filter((t) => t.nodeId === 'each');
}

/** The open task whose instance sees `item` as its dependant. */
function taskFor(run: Driver, item: unknown): string {
  const task = Object.values(run.state.tokens).find((t) => t.nodeId === 'each' && t.vars?.dependant === item && run.state.userTasks[t.id]);
  if (!task) throw new Error(`no open instance for ${JSON.stringify(item)}`);
  return task.id;
}

function taskIdsCompleted(run: Driver): string[] {
  return run.events('task-completed').flatMap((e) => (e.kind === 'task-completed' ? [e.taskId] : []));
}

function completeFor(run: Driver, item: unknown, data: Record<string, unknown>): Driver {
  return run.send({ type: 'userTaskCompleted', taskId: taskFor(run, item), data, actor: 'tester' });
}

describe('parallel multi-instance', () => {
  it('opens one task per item at once, each seeing its own item and loopCounter', () => {
    // when
    const run = new Driver(userTasks('parallel'), three);
    // then
    expect(openTasks(run).map((t) => progress(t.instance))).toEqual([
      { index: 1, count: 3, completed: 0 },
      { index: 2, count: 3, completed: 0 },
      { index: 3, count: 3, completed: 0 },
    ]);
    const instances = Object.values(run.state.tokens).filter((t) => t.nodeId === 'each' && t.vars);
    expect(instances.map((t) => [t.vars?.dependant, t.vars?.loopCounter])).toEqual([['ana', 1], ['ben', 2], ['cy', 3]]);
    expect(run.lastOf('openUserTask').map((c) => progress(c.instance))).toEqual(openTasks(run).map((t) => progress(t.instance)));
  });

  it('counts completed instances on the tasks still open, so the inbox can say "1 of 3 done"', () => {
    // when
    const run = completeFor(new Driver(userTasks('parallel'), three), 'ben', { check: 'ok' });
    // then
    expect(openTasks(run).map((t) => progress(t.instance))).toEqual([
      { index: 1, count: 3, completed: 1 },
      { index: 3, count: 3, completed: 1 },
    ]);
  });

  it('gathers the output collection in instance order, whatever order the instances finish in', () => {
    // given
    const run = new Driver(userTasks('parallel'), three);
    // when
    completeFor(run, 'cy', { check: 'cy-ok' });
    completeFor(run, 'ana', { check: 'ana-ok' });
    completeFor(run, 'ben', { check: 'ben-ok' });
    // then
    expect(run.waitingAt()).toEqual(['after']);
    expect(run.state.data.checks).toEqual(['ana-ok', 'ben-ok', 'cy-ok']);
  });

  it('keeps each instance’s item and output element to itself, out of the case data', () => {
    // given
    const run = new Driver(userTasks('parallel'), three);
    // when
    completeFor(run, 'ana', { check: 'first', note: 'shared' });
    // then
    const others = Object.values(run.state.tokens).filter((t) => t.nodeId === 'each' && t.vars);
    expect(others.map((t) => t.vars?.check)).toEqual([null, null]);
    expect(run.state.data).toEqual({ dependants: ['ana', 'ben', 'cy'], note: 'shared' });
  });

  it('cancels the open instances once the completion condition holds, and moves on', () => {
    // given
    const run = new Driver(userTasks('parallel', { ...perDependant, completionCondition: 'numberOfCompletedInstances >= 2' }), three);
    const cy = taskFor(run, 'cy');
    completeFor(run, 'ana', { check: 'a' });
    expect(run.lastOf('closeUserTask')).toEqual([]);
    // when
    completeFor(run, 'ben', { check: 'b' });
    // then
    expect(run.lastOf('closeUserTask')).toEqual([{ type: 'closeUserTask', taskId: cy, reason: 'cancelled' }]);
    expect(run.waitingAt()).toEqual(['after']);
    expect(run.state.data.checks).toEqual(['a', 'b', null]);
  });

  it('lets the completion condition read the instance that just finished', () => {
    // given
    const run = new Driver(userTasks('parallel', { ...perDependant, completionCondition: 'check = "refused"' }), three);
    // when
    completeFor(run, 'ben', { check: 'refused' });
    // then
    expect(run.waitingAt()).toEqual(['after']);
    expect(run.state.data.checks).toEqual([null, 'refused', null]);
  });

  it('logs each instance as one execution of the step, and the body not at all, so insights count instances', () => {
    // when
    const run = completeFor(new Driver(userTasks('parallel'), three), 'ana', { check: 'a' });
    // then
    const ids = (kind: 'element-entered' | 'element-completed') => run.events(kind).flatMap((e) => ((e.kind === 'element-entered' || e.kind === 'element-completed') && e.nodeId === 'each' ? [e.instanceId] : []));
    expect(ids('element-entered').sort()).toEqual(openTasks(run).map((t) => t.taskId).concat(taskIdsCompleted(run)).sort());
    expect(ids('element-completed')).toEqual(taskIdsCompleted(run));
  });

  it('passes straight through an empty collection with an empty output collection', () => {
    // when
    const run = new Driver(userTasks('parallel'), { dependants: [] });
    // then
    expect(run.waitingAt()).toEqual(['after']);
    expect(run.state.data.checks).toEqual([]);
    expect(run.allOf('openUserTask').map((c) => c.nodeId)).toEqual(['after']);
  });

  it('runs as many instances as the loop cardinality says when there is no collection', () => {
    // when
    const run = new Driver(userTasks('parallel', { cardinality: 'reviewers' }), { reviewers: 2 });
    // then
    expect(openTasks(run).map((t) => t.instance?.index)).toEqual([1, 2]);
  });
});

describe('sequential multi-instance', () => {
  it('opens one instance at a time, in collection order', () => {
    // given
    const run = new Driver(userTasks('sequential'), three);
    expect(openTasks(run).map((t) => progress(t.instance))).toEqual([{ index: 1, count: 3, completed: 0 }]);
    // when
    completeFor(run, 'ana', { check: 'a' });
    // then
    expect(openTasks(run).map((t) => progress(t.instance))).toEqual([{ index: 2, count: 3, completed: 1 }]);
    taskFor(run, 'ben');
    completeFor(run, 'ben', { check: 'b' });
    completeFor(run, 'cy', { check: 'c' });
    expect(run.waitingAt()).toEqual(['after']);
    expect(run.state.data.checks).toEqual(['a', 'b', 'c']);
  });

  it('starts no further instance once the completion condition holds', () => {
    // given
    const run = new Driver(userTasks('sequential', { ...perDependant, completionCondition: 'check = "stop"' }), three);
    // when
    completeFor(run, 'ana', { check: 'stop' });
    // then
    expect(run.waitingAt()).toEqual(['after']);
    expect(run.allOf('openUserTask').filter((c) => c.nodeId === 'each')).toHaveLength(1);
  });

  it('keeps a state the schema reads back between instances', () => {
    // given
    const run = completeFor(new Driver(userTasks('sequential'), three), 'ana', { check: 'a' });
    // then
    expect(EngineState.parse(JSON.parse(JSON.stringify(run.state)))).toEqual(run.state);
  });
});

describe('boundary events on a multi-instance step', () => {
  it('arms an interrupting timer once on the whole body, and cancels every instance when it fires', () => {
    // given
    const process = ir()
      .node('s', 'startEvent')
      .node('each', 'userTask', { owner: team('A'), multiInstance: 'parallel', instances: perDependant })
      .node('late', 'boundaryEvent', { attachedTo: 'each', trigger: timer('P5D') })
      .node('after', 'userTask', { owner: team('A') })
      .node('chase', 'userTask', { owner: team('A') })
      .node('e', 'endEvent')
      .seq('s', 'each', 'after', 'e')
      .seq('late', 'chase', 'e')
      .build();
    const run = new Driver(process, three);
    expect(run.allOf('startTimer')).toHaveLength(1);
    const open = openTasks(run).map((t) => t.taskId);
    completeFor(run, 'ana', { check: 'a' });
    // when
    run.fire('late');
    // then
    expect(run.lastOf('closeUserTask').map((c) => c.taskId).sort()).toEqual(open.slice(1).sort());
    expect(run.waitingAt()).toEqual(['chase']);
    expect(run.state.data.checks).toBeUndefined();
  });

  it('lets an error from one instance reach the error boundary on the body, cancelling the others', () => {
    // given
    const process = ir()
      .node('s', 'startEvent')
      .node('each', 'serviceTask', { service: { handler: 'check-record' }, multiInstance: 'parallel', instances: perDependant })
      .node('refused', 'boundaryEvent', { attachedTo: 'each', trigger: error('NO_RECORD') })
      .node('after', 'userTask', { owner: team('A') })
      .node('fix', 'userTask', { owner: team('A') })
      .node('e', 'endEvent')
      .seq('s', 'each', 'after', 'e')
      .seq('refused', 'fix', 'e')
      .build();
    const run = new Driver(process, three);
    const activities = run.lastOf('scheduleActivity');
    expect(activities.map((c) => c.input.dependant)).toEqual(['ana', 'ben', 'cy']);
    // when
    run.send({ type: 'activityFailed', taskId: activities[1]!.taskId, errorCode: 'NO_RECORD' });
    // then
    expect(run.lastOf('cancelActivity').map((c) => c.taskId)).toEqual([activities[0]!.taskId, activities[2]!.taskId]);
    expect(run.waitingAt()).toEqual(['fix']);
  });
});

describe('multi-instance sub-processes and call activities', () => {
  // s → each (sub-process per dependant: s1 → adult? → [interview] | [skip] → x) → after → e
  function perDependantSubProcess(mode: 'parallel' | 'sequential') {
    return ir()
      .node('s', 'startEvent')
      .node('each', 'subProcess', { multiInstance: mode, instances: { inputCollection: 'dependants', inputElement: 'dependant', outputCollection: 'results', outputElement: 'result' } })
      .node('s1', 'startEvent', { parentId: 'each' })
      .node('adult', 'exclusiveGateway', { parentId: 'each', defaultFlow: 'minor' })
      .node('interview', 'userTask', { parentId: 'each', owner: team('A') })
      .node('skip', 'scriptTask', { parentId: 'each', script: { expression: 'dependant.name + " is a minor"', resultVariable: 'result' } })
      .node('x', 'endEvent', { parentId: 'each' })
      .node('after', 'userTask', { owner: team('A') })
      .node('e', 'endEvent')
      .seq('s', 'each', 'after', 'e')
      .seq('s1', 'adult')
      .flow('adult', 'interview', { condition: 'dependant.age >= 18' })
      .flow('adult', 'skip', { id: 'minor' })
      .seq('interview', 'x')
      .seq('skip', 'x')
      .build();
  }
  const family = { dependants: [{ name: 'Ana', age: 30 }, { name: 'Ben', age: 9 }, { name: 'Cy', age: 19 }] };

  it('runs the sub-process once per item, each choosing its path by its own item', () => {
    // when
    const run = new Driver(perDependantSubProcess('parallel'), family);
    // then
    expect(Object.values(run.state.userTasks).map((t) => [t.nodeId, t.instance?.index])).toEqual([['interview', 1], ['interview', 3]]);
  });

  it('gathers what each sub-process instance stored, in instance order, and keeps its scope apart', () => {
    // given
    const run = new Driver(perDependantSubProcess('parallel'), family);
    const [ana, cy] = Object.values(run.state.userTasks).map((t) => t.taskId);
    // when
    run.send({ type: 'userTaskCompleted', taskId: cy!, data: { result: 'Cy seen' }, actor: 'tester' });
    run.send({ type: 'userTaskCompleted', taskId: ana!, data: { result: 'Ana seen' }, actor: 'tester' });
    // then
    expect(run.waitingAt()).toEqual(['after']);
    expect(run.state.data.results).toEqual(['Ana seen', 'Ben is a minor', 'Cy seen']);
    expect(run.state.data).not.toHaveProperty('result');
    expect(run.state.data).not.toHaveProperty('dependant');
  });

  it('runs a sequential sub-process instance after instance, counting on the inner tasks', () => {
    // given
    const run = new Driver(perDependantSubProcess('sequential'), family);
    expect(Object.values(run.state.userTasks).map((t) => progress(t.instance))).toEqual([{ index: 1, count: 3, completed: 0 }]);
    // when: Ana is interviewed, Ben (a minor) passes straight through
    run.complete('interview', { result: 'Ana seen' });
    // then
    expect(Object.values(run.state.userTasks).map((t) => progress(t.instance))).toEqual([{ index: 3, count: 3, completed: 2 }]);
  });

  it('starts one child case per item, each given its own item', () => {
    // given
    const process = ir()
      .node('s', 'startEvent')
      .node('each', 'callActivity', { calledElement: 'removal', multiInstance: 'parallel', instances: { inputCollection: 'legs', inputElement: 'leg', outputCollection: 'bookings', outputElement: 'booking' } })
      .node('e', 'endEvent')
      .seq('s', 'each', 'e')
      .build();
    const run = new Driver(process, { legs: ['LHR-MAD', 'MAD-LOS'] });
    const children = run.lastOf('startChildCase');
    expect(children.map((c) => c.input.leg)).toEqual(['LHR-MAD', 'MAD-LOS']);
    // when
    run.send({ type: 'childCaseCompleted', childId: children[1]!.childId, data: { booking: 'B2' } });
    run.send({ type: 'childCaseCompleted', childId: children[0]!.childId, data: { booking: 'B1' } });
    // then
    expect(run.state.status).toBe('completed');
    expect(run.state.data.bookings).toEqual(['B1', 'B2']);
  });
});

describe('multi-instance limits and mistakes', () => {
  it(`fails the case, naming the step, when the collection holds more than ${MAX_INSTANCES} items`, () => {
    // when
    const run = new Driver(userTasks('parallel'), { dependants: Array.from({ length: MAX_INSTANCES + 1 }, (_, i) => i) });
    // then
    expect(run.state.status).toBe('failed');
    expect(run.state.failure?.reason).toMatch(new RegExp(`"Check dependant" \\(each\\) would run ${MAX_INSTANCES + 1} instances; Casemap runs at most ${MAX_INSTANCES}`));
    expect(run.allOf('openUserTask')).toEqual([]);
  });

  it('fails the case, naming the step, when the input collection is not a list', () => {
    // when
    const run = new Driver(userTasks('parallel'), { dependants: 'ana' });
    // then
    expect(run.state.failure).toEqual({
      reason: 'The input collection of "Check dependant" (each), "dependants", gave "ana" for this case, not a list.',
      nodeId: 'each',
    });
  });

  it('fails the case when a step has the marker but says nothing about what to run over', () => {
    // when
    const run = new Driver(userTasks('parallel', {}), three);
    // then
    expect(run.state.failure?.reason).toMatch(/^"Check dependant" \(each\) runs once per item but does not say over what/);
  });
});
