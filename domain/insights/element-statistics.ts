// Per element: how many cases and executions, and how long work waited, was worked on and stayed.
import type { AnalysisContext } from './analysis-context.ts';
import type { CaseTrace } from './case-traces.ts';
import { summarise } from './duration-stats.ts';
import type { ElementStatistics } from './report.ts';

interface Accumulator {
  kind: 'task' | 'element';
  cases: number;
  lastCase: string;
  executions: number;
  completed: number;
  waiting: number[];
  processing: number[];
  sojourn: number[];
  teams: Map<string, number>;
}

/**
 * Tasks: waiting = ready → first claim, processing = first claim → completion, sojourn = ready →
 * completion (so waiting + processing = sojourn). Other elements: sojourn = entered → completed.
 * Unfinished work counts as an execution but adds no duration sample.
 */
export function elementStatistics(traces: readonly CaseTrace[], ctx: AnalysisContext): ElementStatistics[] {
  const byNode = new Map<string, Accumulator>();
  const accumulator = (nodeId: string, kind: 'task' | 'element', caseId: string): Accumulator => {
    let acc = byNode.get(nodeId);
    if (!acc) {
      acc = { kind, cases: 0, lastCase: '', executions: 0, completed: 0, waiting: [], processing: [], sojourn: [], teams: new Map() };
      byNode.set(nodeId, acc);
    }
    if (acc.lastCase !== caseId) {
      acc.cases += 1;
      acc.lastCase = caseId;
    }
    acc.executions += 1;
    return acc;
  };
  const { measure } = ctx;
  for (const trace of traces) {
    for (const task of trace.tasks) {
      const acc = accumulator(task.nodeId, 'task', trace.caseId);
      acc.kind = 'task';
      acc.teams.set(task.team, (acc.teams.get(task.team) ?? 0) + 1);
      if (!Number.isNaN(task.claimedAt)) acc.waiting.push(measure(task.readyAt, task.claimedAt));
      if (Number.isNaN(task.completedAt)) continue;
      acc.completed += 1;
      acc.sojourn.push(measure(task.readyAt, task.completedAt));
      if (!Number.isNaN(task.claimedAt)) acc.processing.push(measure(task.claimedAt, task.completedAt));
    }
    for (const visit of trace.elements) {
      const acc = accumulator(visit.nodeId, 'element', trace.caseId);
      if (Number.isNaN(visit.completedAt)) continue;
      acc.completed += 1;
      acc.sojourn.push(measure(visit.enteredAt, visit.completedAt));
    }
  }
  const result: ElementStatistics[] = [];
  for (const [nodeId, acc] of byNode) {
    let team: string | undefined;
    let most = 0;
    for (const [name, count] of acc.teams) if (count > most || (count === most && team !== undefined && name < team)) [team, most] = [name, count];
    result.push({
      nodeId, name: ctx.nameOf(nodeId), kind: acc.kind, ...(team === undefined ? {} : { team }),
      cases: acc.cases, executions: acc.executions, completed: acc.completed,
      waiting: summarise(acc.waiting), processing: summarise(acc.processing), sojourn: summarise(acc.sojourn),
    });
  }
  // Bottlenecks first: the elements where cases spend the most time in total.
  const total = (e: ElementStatistics) => (e.sojourn.mean ?? 0) * e.sojourn.count;
  return result.sort((a, b) => total(b) - total(a) || a.nodeId.localeCompare(b.nodeId));
}
