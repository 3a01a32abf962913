// SLA breach rates per step and per team: of the tasks that had a deadline, how many missed it.
import type { AnalysisContext } from './analysis-context.ts';
import type { CaseTrace, TaskTrace } from './case-traces.ts';
import type { BreachRate, SlaBreachReport } from './report.ts';

/**
 * A task had a deadline when its task-ready carried `dueAt` (or an `sla-breached` event says so).
 * It breached when an `sla-breached` event was logged, it was completed after `dueAt`, or it is
 * still open after `dueAt` at `now`. Cancelled tasks count as breached only by the first rule.
 */
export function isBreached(task: TaskTrace, now: number): boolean {
  if (task.breachLogged) return true;
  if (Number.isNaN(task.dueAt)) return false;
  if (!Number.isNaN(task.completedAt)) return task.completedAt > task.dueAt;
  if (!Number.isNaN(task.cancelledAt)) return false;
  return now > task.dueAt;
}

interface Counter {
  tasks: number;
  withDeadline: number;
  breached: number;
}

const rate = (c: Counter): BreachRate => ({ ...c, rate: c.withDeadline === 0 ? null : c.breached / c.withDeadline });

export function slaBreaches(traces: readonly CaseTrace[], ctx: AnalysisContext): SlaBreachReport {
  const overall: Counter = { tasks: 0, withDeadline: 0, breached: 0 };
  const byElement = new Map<string, Counter>();
  const byTeam = new Map<string, Counter>();
  const counter = (map: Map<string, Counter>, key: string): Counter => {
    let c = map.get(key);
    if (!c) {
      c = { tasks: 0, withDeadline: 0, breached: 0 };
      map.set(key, c);
    }
    return c;
  };
  for (const trace of traces) {
    for (const task of trace.tasks) {
      const hasDeadline = !Number.isNaN(task.dueAt) || task.breachLogged;
      const breached = hasDeadline && isBreached(task, ctx.now);
      for (const c of [overall, counter(byElement, task.nodeId), counter(byTeam, task.team)]) {
        c.tasks += 1;
        if (hasDeadline) c.withDeadline += 1;
        if (breached) c.breached += 1;
      }
    }
  }
  const byRate = (a: BreachRate, b: BreachRate) => (b.rate ?? -1) - (a.rate ?? -1) || b.breached - a.breached;
  return {
    overall: rate(overall),
    byElement: [...byElement].map(([nodeId, c]) => ({ nodeId, name: ctx.nameOf(nodeId), ...rate(c) })).sort((a, b) => byRate(a, b) || a.nodeId.localeCompare(b.nodeId)),
    byTeam: [...byTeam].map(([team, c]) => ({ team, ...rate(c) })).sort((a, b) => byRate(a, b) || a.team.localeCompare(b.team)),
  };
}
