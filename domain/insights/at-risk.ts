// Open cases that will miss a deadline at the current pace: a step's own due date, or a date held in case data.
import { z } from 'zod';
import type { AnalysisContext } from './analysis-context.ts';
import type { CaseTrace } from './case-traces.ts';
import { quantile } from './duration-stats.ts';
import type { AtRiskItem } from './report.ts';

const HOUR = 3_600_000;

/** A case-level deadline read from case data: the date in `field`, moved by `offsetMs`. */
export const CaseDeadline = z.object({
  field: z.string().min(1),
  name: z.string().min(1),
  offsetMs: z.number().default(0),
  /** The step that must be done by the deadline; without it, the end of the case. */
  untilNodeId: z.string().optional(),
});
export type CaseDeadline = z.infer<typeof CaseDeadline>;

/** The FNO and removals deadlines: the ERS date, ERS eligibility, and the 72-hour point before removal. */
export const defaultCaseDeadlines: CaseDeadline[] = [
  { field: 'ersDate', name: 'Early Removal Scheme date', offsetMs: 0 },
  { field: 'ersEligibilityDate', name: 'ERS eligibility date', offsetMs: 0 },
  { field: 'removalDate', name: '72-hour point before removal', offsetMs: -72 * HOUR },
];

/**
 * The median time still to go for work that has already taken `elapsed`: the median of
 * (sample − elapsed) over the historic samples longer than `elapsed`. NaN when no sample is.
 */
export function medianRemaining(sorted: Float64Array, elapsed: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= elapsed) lo = mid + 1;
    else hi = mid;
  }
  if (lo === sorted.length) return Number.NaN;
  return quantile(sorted.subarray(lo), 0.5) - elapsed;
}

function sortedSamples(groups: Map<string, number[]>): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const [key, values] of groups) out.set(key, Float64Array.from(values).sort());
  return out;
}

function push(groups: Map<string, number[]>, key: string, value: number): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}

const CASE_END = '\u0000end';

/**
 * Predicted completion = now + the median remaining time (from finished history, in calendar time)
 * for work of the same age; flagged when it falls after the deadline. Work older than anything in
 * history, or with no history, is predicted to finish now (`basis: 'no-history'`), so it is flagged
 * only once overdue. History comes from every case given, open or not.
 */
export function atRisk(traces: readonly CaseTrace[], ctx: AnalysisContext, deadlines: readonly CaseDeadline[] = defaultCaseDeadlines): AtRiskItem[] {
  const taskSamples = new Map<string, number[]>();
  const untilSamples = new Map<string, number[]>();
  const targets = new Set(deadlines.map((d) => d.untilNodeId).filter((id): id is string => id !== undefined));
  for (const trace of traces) {
    for (const task of trace.completions) push(taskSamples, task.nodeId, task.completedAt - task.readyAt);
    if (trace.outcome === 'completed') push(untilSamples, CASE_END, trace.endedAt - trace.startedAt);
    if (targets.size === 0) continue;
    const reached = new Set<string>();
    for (const task of trace.completions) {
      if (!targets.has(task.nodeId) || reached.has(task.nodeId)) continue;
      reached.add(task.nodeId);
      push(untilSamples, task.nodeId, task.completedAt - trace.startedAt);
    }
  }
  const taskHistory = sortedSamples(taskSamples);
  const untilHistory = sortedSamples(untilSamples);
  const { now } = ctx;
  const items: AtRiskItem[] = [];
  const predict = (history: Float64Array | undefined, elapsed: number) => {
    const remaining = history ? medianRemaining(history, elapsed) : Number.NaN;
    return Number.isNaN(remaining) ? { at: now, basis: 'no-history' as const } : { at: now + remaining, basis: 'history' as const };
  };
  for (const trace of traces) {
    if (trace.outcome !== 'open') continue;
    for (const task of trace.tasks) {
      if (Number.isNaN(task.dueAt) || !Number.isNaN(task.completedAt) || !Number.isNaN(task.cancelledAt)) continue;
      const predicted = predict(taskHistory.get(task.nodeId), now - task.readyAt);
      if (predicted.at <= task.dueAt) continue;
      items.push({
        caseId: trace.caseId, scope: 'task', deadline: new Date(task.dueAt).toISOString(), deadlineName: `Deadline of "${task.name}"`,
        nodeId: task.nodeId, taskId: task.taskId, name: task.name, team: task.team, predictedAt: new Date(predicted.at).toISOString(),
        lateByMs: predicted.at - task.dueAt, alreadyOverdue: now > task.dueAt, basis: predicted.basis,
      });
    }
    for (const deadline of deadlines) {
      const value = trace.data[deadline.field];
      const date = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      if (Number.isNaN(date)) continue;
      const due = date + deadline.offsetMs;
      const until = deadline.untilNodeId;
      if (until !== undefined && trace.completions.some((task) => task.nodeId === until)) continue;
      const predicted = predict(untilHistory.get(until ?? CASE_END), now - trace.startedAt);
      if (predicted.at <= due) continue;
      items.push({
        caseId: trace.caseId, scope: 'case', deadline: new Date(due).toISOString(), deadlineName: deadline.name,
        ...(until === undefined ? {} : { nodeId: until, name: ctx.nameOf(until) }),
        predictedAt: new Date(predicted.at).toISOString(), lateByMs: predicted.at - due, alreadyOverdue: now > due, basis: predicted.basis,
      });
    }
  }
  return items.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.caseId.localeCompare(b.caseId) || (a.taskId ?? '').localeCompare(b.taskId ?? ''));
}
