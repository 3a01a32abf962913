// When a timer start event starts cases: its timer read at deploy time into a first instant and a
// repeat (a cycle's interval and count), the shape a Temporal schedule needs. Deterministic: the
// deploy instant is passed in.
import type { Node, ProcessIR } from '../process/ir.ts';
import { planFromText } from '../engine/timers.ts';
import { durationMs } from '../time/elapsed-time.ts';

export interface TimerStartPlan {
  startEventId: string;
  /** The first firing, ISO 8601 UTC. */
  firstAt: string;
  /** Milliseconds between firings; undefined for a single firing (a date or a duration). */
  everyMs?: number;
  /** How many cases it starts in all; null for an unbounded cycle (R/P1D). */
  times: number | null;
}

export interface TimerStartSkipped {
  startEventId: string;
  reason: string;
}

/** The top-level timer start events of the main process: what each will start, or why it will not. */
export function planTimerStarts(ir: ProcessIR, deployedAt: string): { plans: TimerStartPlan[]; skipped: TimerStartSkipped[] } {
  const plans: TimerStartPlan[] = [];
  const skipped: TimerStartSkipped[] = [];
  const starts = ir.nodes.filter((node): node is Node & { trigger: { type: 'timer' } } =>
    node.kind === 'startEvent' && node.processId === ir.mainProcessId && node.parentId === undefined && node.trigger?.type === 'timer',
  );
  for (const start of starts) {
    const timer = start.trigger.timer;
    if (timer.feel) {
      // There is no case yet whose data a FEEL expression could read.
      skipped.push({ startEventId: start.id, reason: `its timer "${timer.expression}" is a FEEL expression, and a timer start has no case data to evaluate it over; write an ISO 8601 date or cycle` });
      continue;
    }
    const plan = planFromText(timer.type, timer.expression, deployedAt);
    if (!plan) {
      skipped.push({ startEventId: start.id, reason: `its timer "${timer.expression}" cannot be read` });
      continue;
    }
    if (Date.parse(plan.fireAt) <= Date.parse(deployedAt) && !plan.cycle) {
      skipped.push({ startEventId: start.id, reason: `its date ${plan.fireAt} has already passed` });
      continue;
    }
    const everyMs = plan.cycle ? durationMs(plan.cycle.interval) : undefined;
    if (plan.cycle && (everyMs === undefined || everyMs < 1000)) {
      skipped.push({ startEventId: start.id, reason: `its cycle "${timer.expression}" repeats more often than once a second` });
      continue;
    }
    const times = plan.cycle ? (plan.cycle.remaining === null ? null : plan.cycle.remaining + 1) : 1;
    plans.push({ startEventId: start.id, firstAt: plan.fireAt, ...(everyMs !== undefined ? { everyMs } : {}), times });
  }
  return { plans, skipped };
}
