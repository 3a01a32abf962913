import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProcessIR } from '../process/ir.ts';
import type { EngineCommand, EngineEvent } from './contract.ts';
import type { EngineState } from './engine-state.ts';
import { plainDays, T0 } from './engine-driver.testing.ts';
import { start, step } from './index.ts';
import { compileShape, dataArb, shapeArb } from './process-shapes.testing.ts';

interface Turn { event?: EngineEvent; before: EngineState; after: EngineState; commands: EngineCommand[]; rejected?: string }

/** Every event the shell could send now, in a stable order. */
function possibleEvents(state: EngineState): EngineEvent[] {
  return [
    ...Object.values(state.userTasks).map((t): EngineEvent => ({ type: 'userTaskCompleted', taskId: t.taskId, data: {}, actor: 'x' })),
    ...Object.values(state.userTasks).filter((t) => t.handoff && !t.handoff.accepted).map((t): EngineEvent => ({ type: 'handoffAccepted', taskId: t.taskId, actor: 'x' })),
    ...Object.values(state.activities).map((a): EngineEvent => ({ type: 'activityCompleted', taskId: a.taskId, output: {} })),
    ...Object.values(state.timers).map((t): EngineEvent => ({ type: 'timerFired', timerId: t.timerId })),
    ...Object.values(state.subscriptions).map((s): EngineEvent => ({ type: 'messageReceived', subscriptionId: s.subscriptionId, messageName: s.messageName, data: {} })),
  ];
}

function simulate(process: ProcessIR, data: Record<string, unknown>, choices: number[], roundTrip = false): Turn[] {
  const started = start(process, { caseId: 'c', data }, T0, plainDays);
  const turns: Turn[] = [{ before: started.state, after: started.state, commands: started.commands }];
  let state = started.state;
  for (let i = 0; i < 400 && state.status === 'running'; i += 1) {
    const events = possibleEvents(state);
    if (events.length === 0) break;
    const event = events[(choices[i % Math.max(choices.length, 1)] ?? 0) % events.length] as EngineEvent;
    const given = roundTrip ? (JSON.parse(JSON.stringify(state)) as EngineState) : state;
    const result = step(process, given, event, T0, plainDays);
    turns.push({ event, before: state, after: result.state, commands: result.commands, ...(result.rejected ? { rejected: result.rejected } : {}) });
    state = result.state;
  }
  return turns;
}

const emitted = (commands: EngineCommand[], kind: string) =>
  commands.flatMap((c) => (c.type === 'emit' && c.event.kind === kind && 'instanceId' in c.event ? [c.event.instanceId] : []));

const sorted = (values: Iterable<string>) => [...values].sort();

function scopeOf(state: EngineState, hostId: string): Set<string> {
  const inside = new Set([hostId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of Object.values(state.tokens)) {
      if (inside.has(t.scopeId) && !inside.has(t.id)) {
        inside.add(t.id);
        grew = true;
      }
    }
  }
  return inside;
}

const runs = fc.tuple(shapeArb, dataArb, fc.array(fc.nat(1000), { minLength: 1, maxLength: 40 }));

describe('the engine on random well-formed processes', () => {
  it('conserves tokens: every live token was entered by a move and every ended one was completed or cancelled', () => {
    fc.assert(
      fc.property(runs, ([shape, data, choices]) => {
        const live = new Set<string>();
        const seen = new Set<string>();
        for (const turn of simulate(compileShape(shape), data, choices)) {
          expect(turn.rejected).toBeUndefined();
          for (const id of emitted(turn.commands, 'element-entered')) {
            expect(seen.has(id)).toBe(false);
            seen.add(id);
            live.add(id);
          }
          for (const id of [...emitted(turn.commands, 'element-completed'), ...emitted(turn.commands, 'element-cancelled')]) {
            expect(live.delete(id)).toBe(true);
          }
          expect(sorted(live)).toEqual(sorted(Object.keys(turn.after.tokens)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the shell\'s view of tasks, activities and timers equal to its own', () => {
    fc.assert(
      fc.property(runs, ([shape, data, choices]) => {
        const tasks = new Set<string>();
        const activities = new Set<string>();
        const timers = new Set<string>();
        for (const turn of simulate(compileShape(shape), data, choices)) {
          const e = turn.event;
          if (e?.type === 'userTaskCompleted') tasks.delete(e.taskId);
          if (e?.type === 'activityCompleted') activities.delete(e.taskId);
          if (e?.type === 'timerFired') timers.delete(e.timerId);
          for (const c of turn.commands) {
            if (c.type === 'openUserTask') tasks.add(c.taskId);
            if (c.type === 'closeUserTask') expect(tasks.delete(c.taskId)).toBe(true);
            if (c.type === 'scheduleActivity') activities.add(c.taskId);
            if (c.type === 'cancelActivity') expect(activities.delete(c.taskId)).toBe(true);
            if (c.type === 'startTimer') timers.add(c.timerId);
            if (c.type === 'cancelTimer') expect(timers.delete(c.timerId)).toBe(true);
          }
          expect(sorted(tasks)).toEqual(sorted(Object.keys(turn.after.userTasks)));
          expect(sorted(activities)).toEqual(sorted(Object.keys(turn.after.activities)));
          expect(sorted(timers)).toEqual(sorted(Object.keys(turn.after.timers)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('ends every run completed or terminated, and never stalls while nothing is awaited', () => {
    fc.assert(
      fc.property(runs, ([shape, data, choices]) => {
        const turns = simulate(compileShape(shape), data, choices);
        const last = turns.at(-1) as Turn;
        expect(['completed', 'terminated']).toContain(last.after.status);
        expect(last.commands.at(-1)).toEqual({ type: 'complete', data: last.after.data });
        for (const turn of turns) {
          if (turn.after.status !== 'running') continue;
          expect(Object.values(turn.after.tokens).every((t) => t.wait !== 'none')).toBe(true);
          expect(possibleEvents(turn.after).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('ends all work when a terminate end event ends the case', () => {
    fc.assert(
      fc.property(runs, ([shape, data, choices]) => {
        for (const turn of simulate(compileShape({ ...shape, killer: shape.killer ?? { t: 'step', step: 'timer' } }), data, choices)) {
          if (turn.after.status !== 'terminated') continue;
          const s = turn.after;
          expect([s.tokens, s.userTasks, s.activities, s.timers, s.subscriptions, s.childCases]).toEqual([{}, {}, {}, {}, {}, {}]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('cancels exactly the scope of an interrupting boundary event, nothing outside it', () => {
    fc.assert(
      fc.property(runs, ([shape, data, choices]) => {
        const process = compileShape(shape);
        for (const turn of simulate(process, data, choices)) {
          const timer = turn.event?.type === 'timerFired' ? turn.before.timers[turn.event.timerId] : undefined;
          const boundary = timer?.purpose === 'boundary' ? process.nodes.find((n) => n.id === timer.nodeId) : undefined;
          if (!timer || !boundary || boundary.cancelActivity === false) continue;
          const terminated = turn.commands.some((c) => c.type === 'emit' && c.event.kind === 'element-entered' && process.nodes.find((n) => n.id === c.event.nodeId)?.trigger?.type === 'terminate');
          const scope = scopeOf(turn.before, timer.tokenId);
          const cancelled = new Set(emitted(turn.commands, 'element-cancelled'));
          for (const id of scope) expect(cancelled.has(id)).toBe(true);
          if (!terminated) expect(sorted(cancelled)).toEqual(sorted(scope));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic: the same events give the same states and commands, even through JSON', () => {
    fc.assert(
      fc.property(runs, ([shape, data, choices]) => {
        const process = compileShape(shape);
        const first = simulate(process, data, choices);
        const again = simulate(compileShape(shape), data, choices, true);
        expect(again.map((t) => [t.after, t.commands])).toEqual(first.map((t) => [t.after, t.commands]));
      }),
      { numRuns: 100 },
    );
  });
});
