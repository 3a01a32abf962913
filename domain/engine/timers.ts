// BPMN timers (durations, dates, cycles; ISO 8601 or FEEL) turned into instants, and the timers a
// case keeps running. Only a cycle's first firing is planned; non-interrupting boundaries re-arm,
// and each of their firings is a reminder to the team of the step they sit on.
import type { TimerSpec } from '../process/ir.ts';
import type { CaseData, TimerPurpose } from './contract.ts';
import type { ActiveTimer, Token } from './engine-state.ts';
import { failCase } from './case-outcome.ts';
import { evaluateFeel, feelText } from './feel.ts';
import { addElapsed } from '../time/elapsed-time.ts';
import { isoInstant, isTimeTextError, parseIsoCycle, parseIsoDuration } from '../time/iso8601.ts';
import { emit, issue, nextId, type Run } from './run.ts';

export interface TimerPlan {
  fireAt: string;
  cycle?: { interval: string; remaining: number | null; firing?: number };
}

/** When an ISO 8601 timer first fires after `now`, and how it repeats; undefined when unreadable. */
export function planFromText(type: TimerSpec['type'], text: string, now: string): TimerPlan | undefined {
  if (type === 'date') {
    const at = isoInstant(text);
    return at === undefined ? undefined : { fireAt: at };
  }
  if (type === 'duration') {
    const duration = parseIsoDuration(text);
    return isTimeTextError(duration) ? undefined : { fireAt: addElapsed(now, duration) };
  }
  const cycle = parseIsoCycle(text);
  if (isTimeTextError(cycle)) return undefined;
  // The end of R<n>/<duration>/<end> is not enforced: the cycle stops after its repetitions.
  const remaining = cycle.repetitions === null ? null : cycle.repetitions - 1;
  return { fireAt: cycle.start?.instant ?? addElapsed(now, cycle.interval), cycle: { interval: cycle.intervalText, remaining, firing: 1 } };
}

/** When a timer first fires; fails the case (naming the element) when its definition cannot be read. */
/** `data`: what a FEEL timer reads (the case data unless the timer sits inside a multi-instance step). */
export function planTimer(run: Run, spec: TimerSpec, nodeId: string, data: CaseData = run.state.data): TimerPlan | undefined {
  let text: string | undefined = spec.expression;
  if (spec.feel) {
    const outcome = evaluateFeel(spec.expression, data, run.now);
    text = outcome.ok ? feelText(outcome.value) : undefined;
  }
  const plan = text === undefined ? undefined : planFromText(spec.type, text, run.now);
  if (!plan) {
    failCase(
      run,
      `The timer on ${run.ir.label(nodeId)} cannot be read: "${spec.expression}" is not a ${spec.type} such as ${
        spec.type === 'date' ? '2026-01-01T09:00:00Z' : spec.type === 'duration' ? 'PT72H or P1D' : 'R3/P1D'
      }.`,
      nodeId,
    );
  }
  return plan;
}

export function startTimer(run: Run, nodeId: string, purpose: TimerPurpose, tokenId: string, plan: TimerPlan): ActiveTimer {
  const timer: ActiveTimer = { timerId: nextId(run, nodeId), nodeId, purpose, fireAt: plan.fireAt, tokenId };
  if (plan.cycle) timer.cycle = plan.cycle;
  run.state.timers[timer.timerId] = timer;
  issue(run, { type: 'startTimer', timerId: timer.timerId, nodeId, purpose, fireAt: timer.fireAt });
  return timer;
}

/** The next firing of a cycle, counted from the planned instant so firings never drift. */
export function rearmCycle(run: Run, fired: ActiveTimer): void {
  const cycle = fired.cycle;
  if (!cycle || cycle.remaining === 0) return;
  const interval = parseIsoDuration(cycle.interval);
  if (isTimeTextError(interval)) return;
  startTimer(run, fired.nodeId, fired.purpose, fired.tokenId, {
    fireAt: addElapsed(fired.fireAt, interval),
    cycle: { interval: cycle.interval, remaining: cycle.remaining === null ? null : cycle.remaining - 1, firing: (cycle.firing ?? 1) + 1 },
  });
}

/** A cycle's firing on a step reminds whoever holds the step: its task's team, else the case's owner. */
export function reportReminder(run: Run, fired: ActiveTimer, host: Token): void {
  if (!fired.cycle) return;
  const task = run.state.userTasks[host.id];
  const team = task?.team ?? run.state.owner;
  emit(run, {
    kind: 'reminder-due',
    nodeId: fired.nodeId,
    hostNodeId: host.nodeId,
    timerId: fired.timerId,
    ...(team === undefined ? {} : { team }),
    ...(task ? { taskId: task.taskId } : {}),
    firing: fired.cycle.firing ?? 1,
    remaining: fired.cycle.remaining,
  });
}

export function cancelTimersOf(run: Run, tokenId: string, purpose: TimerPurpose): void {
  for (const timer of Object.values(run.state.timers)) {
    if (timer.tokenId !== tokenId || timer.purpose !== purpose) continue;
    issue(run, { type: 'cancelTimer', timerId: timer.timerId });
    delete run.state.timers[timer.timerId];
  }
}
