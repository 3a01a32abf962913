// Groups a case event log by case once and rebuilds each case's tasks, element visits and handoffs.
import type { CaseLogEvent } from '../events/case-log-event.ts';
import { groupByCase } from './group-by-case.ts';
import { parseInstant } from './iso-instant.ts';

export type CaseOutcome = 'open' | 'completed' | 'failed' | 'cancelled';

/** One user task instance, identified by (caseId, taskId). Instants are epoch ms; NaN = did not happen. */
export interface TaskTrace {
  taskId: string;
  nodeId: string;
  name: string;
  team: string;
  readyAt: number;
  claimedAt: number;
  completedAt: number;
  cancelledAt: number;
  dueAt: number;
  /** An `sla-breached` event was logged for the task. */
  breachLogged: boolean;
  /** Position of the completion in the case's log, to order completions at the same instant. */
  completionSeq: number;
}

/** One pass of a non-task element (event, gateway, service task…), from element-entered to completed/cancelled. */
export interface ElementVisit {
  nodeId: string;
  instanceId: string;
  enteredAt: number;
  completedAt: number;
  cancelledAt: number;
}

/** A change of owning team (ownership-changed with a fromTeam) and when the receiving team took it up. */
export interface HandoffTrace {
  nodeId: string | undefined;
  fromTeam: string;
  toTeam: string;
  at: number;
  /** First task-claimed or handoff-accepted by the receiving team afterwards; NaN if none yet. */
  acceptedAt: number;
  overdue: boolean;
}

export interface CaseTrace {
  caseId: string;
  definitionId: string | undefined;
  version: number | undefined;
  /** case-started, else the first event. */
  startedAt: number;
  endedAt: number;
  lastEventAt: number;
  outcome: CaseOutcome;
  /** Start data merged with every completed step's data, as the case record holds it. */
  data: Record<string, unknown>;
  tasks: TaskTrace[];
  /** Completed tasks in order of completion. */
  completions: TaskTrace[];
  elements: ElementVisit[];
  handoffs: HandoffTrace[];
  events: number;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function findTask(tasks: TaskTrace[], taskId: string | undefined): TaskTrace | undefined {
  if (taskId === undefined) return undefined;
  for (let i = tasks.length - 1; i >= 0; i -= 1) if ((tasks[i] as TaskTrace).taskId === taskId) return tasks[i];
  return undefined;
}

function resolveHandoffs(handoffs: HandoffTrace[], team: string | undefined, at: number): void {
  if (team === undefined) return;
  for (const handoff of handoffs) if (handoff.toTeam === team && Number.isNaN(handoff.acceptedAt) && handoff.at <= at) handoff.acceptedAt = at;
}

/** Builds one case's trace from its events, which must be in time order. */
export function buildTrace(caseId: string, events: readonly CaseLogEvent[], times: Float64Array): CaseTrace {
  const trace: CaseTrace = {
    caseId, definitionId: undefined, version: undefined, startedAt: Number.NaN, endedAt: Number.NaN, lastEventAt: Number.NaN,
    outcome: 'open', data: {}, tasks: [], completions: [], elements: [], handoffs: [], events: events.length,
  };
  const { tasks, elements, handoffs } = trace;
  for (let i = 0; i < events.length; i += 1) {
    const event = events[i] as CaseLogEvent;
    const at = times[i] as number;
    switch (event.kind) {
      case 'case-started': {
        trace.startedAt = at;
        trace.definitionId = str(event.data.definitionId);
        const version = event.data.version;
        if (typeof version === 'number') trace.version = version;
        const data = event.data.data;
        if (data && typeof data === 'object') Object.assign(trace.data, data);
        break;
      }
      case 'task-ready': {
        const nodeId = event.nodeId ?? event.taskId ?? '?';
        const dueAt = event.task?.dueAt ? parseInstant(event.task.dueAt) : Number.NaN;
        tasks.push({
          taskId: event.taskId ?? `${nodeId}#${i}`, nodeId, name: event.task?.name ?? nodeId, team: event.task?.team ?? event.team ?? 'unassigned',
          readyAt: at, claimedAt: Number.NaN, completedAt: Number.NaN, cancelledAt: Number.NaN, dueAt, breachLogged: false, completionSeq: -1,
        });
        break;
      }
      case 'task-claimed': {
        const task = findTask(tasks, event.taskId);
        if (task && Number.isNaN(task.claimedAt)) task.claimedAt = at;
        resolveHandoffs(handoffs, event.team ?? task?.team, at);
        break;
      }
      case 'handoff-accepted':
        resolveHandoffs(handoffs, event.team ?? findTask(tasks, event.taskId)?.team, at);
        break;
      case 'task-reassigned': {
        const task = findTask(tasks, event.taskId);
        const toTeam = str(event.data.toTeam);
        if (task && toTeam) task.team = toTeam;
        break;
      }
      case 'task-completed': {
        const task = findTask(tasks, event.taskId);
        if (task && Number.isNaN(task.completedAt)) {
          task.completedAt = at;
          task.completionSeq = i;
          trace.completions.push(task);
        }
        Object.assign(trace.data, event.data);
        break;
      }
      case 'task-cancelled': {
        const task = findTask(tasks, event.taskId);
        if (task && Number.isNaN(task.completedAt)) task.cancelledAt = at;
        break;
      }
      case 'sla-breached': {
        const task = findTask(tasks, event.taskId);
        if (task) task.breachLogged = true;
        break;
      }
      case 'ownership-changed': {
        const fromTeam = str(event.data.fromTeam);
        const toTeam = str(event.data.toTeam) ?? event.team;
        if (fromTeam !== undefined && toTeam !== undefined && fromTeam !== toTeam) handoffs.push({ nodeId: event.nodeId, fromTeam, toTeam, at, acceptedAt: Number.NaN, overdue: false });
        break;
      }
      case 'handoff-overdue':
        for (const handoff of handoffs) if (handoff.toTeam === event.team && Number.isNaN(handoff.acceptedAt)) handoff.overdue = true;
        break;
      case 'element-entered':
        if (event.nodeId !== undefined) elements.push({ nodeId: event.nodeId, instanceId: str(event.data.instanceId) ?? `${event.nodeId}#${i}`, enteredAt: at, completedAt: Number.NaN, cancelledAt: Number.NaN });
        break;
      case 'element-completed':
      case 'element-cancelled': {
        const instanceId = str(event.data.instanceId);
        for (let k = elements.length - 1; k >= 0; k -= 1) {
          const visit = elements[k] as ElementVisit;
          if (visit.nodeId !== event.nodeId || (instanceId !== undefined && visit.instanceId !== instanceId) || !Number.isNaN(visit.completedAt) || !Number.isNaN(visit.cancelledAt)) continue;
          if (event.kind === 'element-completed') visit.completedAt = at;
          else visit.cancelledAt = at;
          break;
        }
        break;
      }
      case 'case-completed':
      case 'case-failed':
      case 'case-cancelled':
        trace.endedAt = at;
        trace.outcome = event.kind === 'case-completed' ? 'completed' : event.kind === 'case-failed' ? 'failed' : 'cancelled';
        break;
      default:
        break;
    }
  }
  if (events.length > 0) {
    if (Number.isNaN(trace.startedAt)) trace.startedAt = times[0] as number;
    trace.lastEventAt = times[events.length - 1] as number;
  }
  if (tasks.length > 0 && elements.length > 0) {
    // A user task's element visit duplicates its task (same instance id): the task's figures are finer.
    const taskIds = new Set(tasks.map((task) => task.taskId));
    trace.elements = elements.filter((visit) => !taskIds.has(visit.instanceId));
  }
  return trace;
}

function idSequence(id: string): number {
  const colon = id.lastIndexOf(':');
  const n = colon < 0 ? Number.NaN : Number(id.slice(colon + 1));
  return Number.isInteger(n) ? n : 0;
}

/** Groups events by case (in log order) and builds every trace; a case logged out of time order is sorted first. */
export function buildTraces(events: readonly CaseLogEvent[]): CaseTrace[] {
  const byCase = groupByCase(events);
  const traces: CaseTrace[] = [];
  for (const [caseId, list] of byCase) {
    let times = new Float64Array(list.length);
    let ordered = true;
    for (let i = 0; i < list.length; i += 1) {
      times[i] = parseInstant((list[i] as CaseLogEvent).at);
      if (i > 0 && (times[i] as number) < (times[i - 1] as number)) ordered = false;
    }
    let caseEvents: CaseLogEvent[] = list;
    if (!ordered) {
      // Events at the same instant keep the workflow's own numbering (`<caseId>:<n>`), else log order.
      const seq = list.map((event) => idSequence(event.id));
      const order = list.map((_, i) => i).sort((a, b) => (times[a] as number) - (times[b] as number) || (seq[a] as number) - (seq[b] as number) || a - b);
      caseEvents = order.map((i) => list[i] as CaseLogEvent);
      times = Float64Array.from(order, (i) => times[i] as number);
    }
    traces.push(buildTrace(caseId, caseEvents, times));
  }
  return traces;
}
