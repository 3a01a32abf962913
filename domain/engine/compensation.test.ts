import { describe, expect, it } from 'vitest';
import type { Trigger } from '../process/ir.ts';
import { Driver } from './engine-driver.testing.ts';
import { EngineState } from './engine-state.ts';
import { ir, team, type IrBuilder } from './ir-builder.testing.ts';

const compensate = (extra: { activityRef?: string; waitForCompletion?: boolean; handler?: string } = {}): Trigger => ({ type: 'compensate', ...extra });
const service = (handler: string) => ({ service: { handler } });

/** Gives `step` a compensation boundary event associated with the undo step `undo` (a service task unless `asUserTask`). */
function undoable(b: IrBuilder, step: string, undo: string, parentId?: string, asUserTask = false): IrBuilder {
  const where = parentId === undefined ? {} : { parentId };
  b.node(`${step}-undo-boundary`, 'boundaryEvent', { ...where, attachedTo: step, trigger: compensate({ handler: undo }) });
  if (asUserTask) return b.node(undo, 'userTask', { ...where, isForCompensation: true, owner: team('A') });
  return b.node(undo, 'serviceTask', { ...where, isForCompensation: true, ...service(`undo-${step}`) });
}

function finishActivity(run: Driver, nodeId: string, output: Record<string, unknown> = {}): Driver {
  return run.send({ type: 'activityCompleted', taskId: run.activityId(nodeId), output });
}

/** s → flight (service) → escort (user) → [throw] → after (user) → e, both bookings undoable. */
function bookings(throwTrigger: Trigger, escortUndoIsUserTask = false) {
  const b = ir()
    .node('s', 'startEvent')
    .node('flight', 'serviceTask', { ...service('book-flight'), captures: ['ticketReference'] })
    .node('escort', 'userTask', { owner: team('A'), form: [{ name: 'escortReference', label: 'Escort reference', type: 'string', required: true, options: [] }] })
    .node('throw', 'intermediateThrowEvent', { trigger: throwTrigger })
    .node('after', 'userTask', { owner: team('A') })
    .node('e', 'endEvent')
    .seq('s', 'flight', 'escort', 'throw', 'after', 'e');
  undoable(b, 'flight', 'cancel-flight');
  undoable(b, 'escort', 'cancel-escort', undefined, escortUndoIsUserTask);
  return b.build();
}

function bookedBoth(process: ReturnType<typeof bookings>): Driver {
  const run = new Driver(process);
  finishActivity(run, 'flight', { ticketReference: 'TK-1' });
  return run.complete('escort', { escortReference: 'ES-1' });
}

describe('compensation', () => {
  it('undoes the completed steps newest first, one at a time, and waits for them before going on', () => {
    // when
    const run = bookedBoth(bookings(compensate()));
    // then the escort, booked last, is cancelled first
    expect(run.allOf('scheduleActivity').map((a) => a.nodeId)).toEqual(['flight', 'cancel-escort']);
    expect(run.waitingAt()).toEqual(['cancel-escort', 'throw']);
    // when
    finishActivity(run, 'cancel-escort');
    // then
    expect(run.lastOf('scheduleActivity').map((a) => a.nodeId)).toEqual(['cancel-flight']);
    expect(run.waitingAt()).toEqual(['cancel-flight', 'throw']);
    // when
    finishActivity(run, 'cancel-flight');
    // then
    expect(run.waitingAt()).toEqual(['after']);
  });

  it('hands each undo step the data its step left when it completed', () => {
    // given
    const run = bookedBoth(bookings(compensate()));
    finishActivity(run, 'cancel-escort');
    // then
    expect(run.lastOf('scheduleActivity')[0]?.input).toMatchObject({ ticketReference: 'TK-1', escortReference: 'ES-1' });
  });

  it('runs an undo step that is a user task, and goes on when a caseworker completes it', () => {
    // given
    const run = bookedBoth(bookings(compensate(), true));
    expect(run.waitingAt()).toEqual(['cancel-escort', 'throw']);
    // when
    run.complete('cancel-escort');
    finishActivity(run, 'cancel-flight');
    // then
    expect(run.waitingAt()).toEqual(['after']);
  });

  it('undoes only the step its activityRef names, and that step only once', () => {
    // given
    const b = ir()
      .node('s', 'startEvent')
      .node('flight', 'serviceTask', service('book-flight'))
      .node('escort', 'serviceTask', service('book-escort'))
      .node('undo-flight', 'intermediateThrowEvent', { trigger: compensate({ activityRef: 'flight' }) })
      .node('undo-all', 'intermediateThrowEvent', { trigger: compensate() })
      .node('e', 'endEvent')
      .seq('s', 'flight', 'escort', 'undo-flight', 'undo-all', 'e');
    undoable(b, 'flight', 'cancel-flight');
    undoable(b, 'escort', 'cancel-escort');
    const run = new Driver(b.build());
    finishActivity(run, 'flight');
    // when
    finishActivity(run, 'escort');
    finishActivity(run, 'cancel-flight');
    // then the second throw finds only the escort still to undo
    expect(run.lastOf('scheduleActivity').map((a) => a.nodeId)).toEqual(['cancel-escort']);
    finishActivity(run, 'cancel-escort');
    expect(run.allOf('scheduleActivity').map((a) => a.nodeId)).toEqual(['flight', 'escort', 'cancel-flight', 'cancel-escort']);
    expect(run.state.status).toBe('completed');
  });

  it('undoes a step that ran several times once per completion, newest first, each with its own data', () => {
    // given: book → more? (loop back while more) → throw → e
    const b = ir()
      .node('s', 'startEvent')
      .node('book', 'userTask', { owner: team('A'), captures: ['bookingReference'] })
      .node('more', 'exclusiveGateway', { defaultFlow: 'done' })
      .node('throw', 'intermediateThrowEvent', { trigger: compensate() })
      .node('e', 'endEvent')
      .seq('s', 'book', 'more')
      .flow('more', 'book', { condition: 'another = true' })
      .flow('more', 'throw', { id: 'done' })
      .seq('throw', 'e');
    undoable(b, 'book', 'cancel-booking');
    const run = new Driver(b.build());
    // when
    run.complete('book', { bookingReference: 'A', another: true }).complete('book', { bookingReference: 'B', another: false });
    const first = run.lastOf('scheduleActivity')[0];
    finishActivity(run, 'cancel-booking');
    const second = run.lastOf('scheduleActivity')[0];
    finishActivity(run, 'cancel-booking');
    // then
    expect([first?.input.bookingReference, second?.input.bookingReference]).toEqual(['B', 'A']);
    expect(run.state.status).toBe('completed');
  });

  it('inside a sub-process undoes only the steps of that sub-process', () => {
    // given: outer → sub { s1 → inner → throw → e1 } → after
    const b = ir()
      .node('s', 'startEvent')
      .node('outer', 'serviceTask', service('book-outer'))
      .node('sub', 'subProcess')
      .node('s1', 'startEvent', { parentId: 'sub' })
      .node('inner', 'serviceTask', { parentId: 'sub', ...service('book-inner') })
      .node('throw', 'intermediateThrowEvent', { parentId: 'sub', trigger: compensate() })
      .node('e1', 'endEvent', { parentId: 'sub' })
      .node('after', 'userTask', { owner: team('A') })
      .node('e', 'endEvent')
      .seq('s', 'outer', 'sub', 'after', 'e')
      .seq('s1', 'inner', 'throw', 'e1');
    undoable(b, 'outer', 'cancel-outer');
    undoable(b, 'inner', 'cancel-inner', 'sub');
    const run = new Driver(b.build());
    finishActivity(run, 'outer');
    // when
    finishActivity(run, 'inner');
    finishActivity(run, 'cancel-inner');
    // then
    expect(run.allOf('scheduleActivity').map((a) => a.nodeId)).toEqual(['outer', 'inner', 'cancel-inner']);
    expect(run.waitingAt()).toEqual(['after']);
  });

  it('undoes a completed sub-process as a unit, at its place in the order, through the steps inside it', () => {
    // given: first → sub { inner1 → inner2 } → last → throw → e
    const b = ir()
      .node('s', 'startEvent')
      .node('first', 'serviceTask', service('book-first'))
      .node('sub', 'subProcess')
      .node('s1', 'startEvent', { parentId: 'sub' })
      .node('inner1', 'serviceTask', { parentId: 'sub', ...service('book-1') })
      .node('inner2', 'serviceTask', { parentId: 'sub', ...service('book-2') })
      .node('e1', 'endEvent', { parentId: 'sub' })
      .node('last', 'serviceTask', service('book-last'))
      .node('throw', 'endEvent', { trigger: compensate() })
      .seq('s', 'first', 'sub', 'last', 'throw')
      .seq('s1', 'inner1', 'inner2', 'e1');
    for (const step of ['first', 'last']) undoable(b, step, `undo-${step}`);
    for (const step of ['inner1', 'inner2']) undoable(b, step, `undo-${step}`, 'sub');
    const run = new Driver(b.build());
    for (const step of ['first', 'inner1', 'inner2', 'last']) finishActivity(run, step);
    // when
    for (const undo of ['undo-last', 'undo-inner2', 'undo-inner1']) {
      expect(run.state.status).toBe('running');
      finishActivity(run, undo);
    }
    finishActivity(run, 'undo-first');
    // then the compensation end event ends the case only once every undo step is done
    expect(run.allOf('scheduleActivity').slice(4).map((a) => a.nodeId)).toEqual(['undo-last', 'undo-inner2', 'undo-inner1', 'undo-first']);
    expect(run.state.status).toBe('completed');
  });

  it('undoes a completed sub-process through its own undo step, when it has one, instead of the steps inside it', () => {
    // given: sub { inner } (both undoable) → throw → e
    const b = ir()
      .node('s', 'startEvent')
      .node('sub', 'subProcess')
      .node('s1', 'startEvent', { parentId: 'sub' })
      .node('inner', 'serviceTask', { parentId: 'sub', ...service('book-inner') })
      .node('e1', 'endEvent', { parentId: 'sub' })
      .node('throw', 'intermediateThrowEvent', { trigger: compensate() })
      .node('e', 'endEvent')
      .seq('s', 'sub', 'throw', 'e')
      .seq('s1', 'inner', 'e1');
    undoable(b, 'sub', 'undo-sub');
    undoable(b, 'inner', 'undo-inner', 'sub');
    const run = new Driver(b.build());
    // when
    finishActivity(run, 'inner');
    finishActivity(run, 'undo-sub');
    // then
    expect(run.allOf('scheduleActivity').map((a) => a.nodeId)).toEqual(['inner', 'undo-sub']);
    expect(run.state.status).toBe('completed');
  });

  it('goes straight on when nothing has completed that can be undone', () => {
    // given: throw before any step completes
    const b = ir()
      .node('s', 'startEvent')
      .node('throw', 'intermediateThrowEvent', { trigger: compensate() })
      .node('flight', 'serviceTask', service('book-flight'))
      .node('e', 'endEvent')
      .seq('s', 'throw', 'flight', 'e');
    undoable(b, 'flight', 'cancel-flight');
    // when
    const run = new Driver(b.build());
    // then
    expect(run.waitingAt()).toEqual(['flight']);
    expect(run.state.compensation?.runs).toEqual({});
  });

  it('does not undo a step that was cancelled rather than completed', () => {
    // given: flight is interrupted by a timer, then compensation is thrown on the timer path
    const b = ir()
      .node('s', 'startEvent')
      .node('flight', 'serviceTask', service('book-flight'))
      .node('late', 'boundaryEvent', { attachedTo: 'flight', trigger: { type: 'timer', timer: { type: 'duration', expression: 'P1D', feel: false } } })
      .node('throw', 'endEvent', { trigger: compensate() })
      .node('e', 'endEvent')
      .seq('s', 'flight', 'e')
      .seq('late', 'throw');
    undoable(b, 'flight', 'cancel-flight');
    const run = new Driver(b.build());
    // when
    run.fire('late');
    // then
    expect(run.allOf('scheduleActivity').map((a) => a.nodeId)).toEqual(['flight']);
    expect(run.state.status).toBe('completed');
  });

  it('lets the path go on at once when the throw event does not wait for completion', () => {
    // when
    const run = bookedBoth(bookings(compensate({ waitForCompletion: false })));
    // then
    expect(run.waitingAt()).toEqual(['after', 'cancel-escort', 'throw'].sort());
    // when
    finishActivity(run, 'cancel-escort');
    finishActivity(run, 'cancel-flight');
    run.complete('after');
    // then
    expect(run.state.status).toBe('completed');
  });

  it('stops the undo steps when the case is cancelled', () => {
    // given
    const run = bookedBoth(bookings(compensate()));
    const cancelEscort = run.activityId('cancel-escort');
    // when
    run.send({ type: 'cancel', reason: 'withdrawn' });
    // then
    expect(run.last).toContainEqual({ type: 'cancelActivity', taskId: cancelEscort });
    expect(run.state.status).toBe('cancelled');
  });

  it('keeps its log and pending undo steps in a state that survives a round trip through the schema', () => {
    // given
    const run = bookedBoth(bookings(compensate()));
    // when
    const reread = EngineState.parse(JSON.parse(JSON.stringify(run.state)));
    // then
    expect(reread.compensation?.runs).toEqual(run.state.compensation?.runs);
    expect(Object.values(reread.compensation?.runs ?? {})[0]?.pending.map((p) => p.nodeId)).toEqual(['flight']);
  });

  it('adds nothing to the state of a case with nothing to undo, so states from before compensation read the same', () => {
    // given
    const plain = ir().node('s', 'startEvent').node('task', 'userTask', { owner: team('A') }).node('e', 'endEvent').seq('s', 'task', 'e').build();
    // when
    const run = new Driver(plain).complete('task');
    // then
    expect(run.state.status).toBe('completed');
    expect('compensation' in run.state).toBe(false);
    expect(EngineState.safeParse(run.state).success).toBe(true);
  });
});
