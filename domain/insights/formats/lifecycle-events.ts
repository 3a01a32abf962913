// The task lifecycle view of a case log that CSV and XES exports share: one entry per ready, claim, completion or cancellation.
import type { CaseLogEvent } from '../../events/case-log-event.ts';
import { buildTraces, type CaseOutcome } from '../case-traces.ts';

export interface LifecycleEvent {
  caseId: string;
  activity: string;
  at: string;
  /** XES standard lifecycle: schedule (ready), start (claimed), complete, withdraw / ate_abort (cancelled before / after a claim). */
  lifecycle: 'schedule' | 'start' | 'complete' | 'withdraw' | 'ate_abort';
  resource: string | undefined;
  team: string | undefined;
  nodeId: string;
  taskId: string;
  eventId: string;
}

export interface TraceInfo {
  caseId: string;
  definitionId: string | undefined;
  version: number | undefined;
  outcome: CaseOutcome;
  events: LifecycleEvent[];
}

/** Cases in order of first appearance, each with its task lifecycle events in time order. */
export function lifecycleTraces(log: readonly CaseLogEvent[]): TraceInfo[] {
  const traces = new Map(buildTraces(log).map((t) => [t.caseId, t]));
  const byCase = new Map<string, TraceInfo>();
  const tasks = new Map<string, { name: string; nodeId: string; team: string; claimed: boolean }>();
  for (const event of [...log].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    let info = byCase.get(event.caseId);
    if (!info) {
      const trace = traces.get(event.caseId);
      info = { caseId: event.caseId, definitionId: trace?.definitionId, version: trace?.version, outcome: trace?.outcome ?? 'open', events: [] };
      byCase.set(event.caseId, info);
    }
    const key = `${event.caseId}\u0000${event.taskId ?? ''}`;
    let lifecycle: LifecycleEvent['lifecycle'];
    if (event.kind === 'task-ready' && event.taskId) {
      tasks.set(key, { name: event.task?.name ?? event.nodeId ?? event.taskId, nodeId: event.nodeId ?? event.taskId, team: event.task?.team ?? event.team ?? '', claimed: false });
      lifecycle = 'schedule';
    } else if (event.kind === 'task-claimed') lifecycle = 'start';
    else if (event.kind === 'task-completed') lifecycle = 'complete';
    else if (event.kind === 'task-cancelled') lifecycle = tasks.get(key)?.claimed ? 'ate_abort' : 'withdraw';
    else continue;
    const task = tasks.get(key);
    if (!task || !event.taskId) continue;
    if (lifecycle === 'start') task.claimed = true;
    info.events.push({ caseId: event.caseId, activity: task.name, at: event.at, lifecycle, resource: event.actor, team: event.team ?? task.team, nodeId: task.nodeId, taskId: event.taskId, eventId: event.id });
  }
  return [...byCase.values()];
}

export function lifecycleEvents(log: readonly CaseLogEvent[]): LifecycleEvent[] {
  return lifecycleTraces(log).flatMap((t) => t.events);
}
