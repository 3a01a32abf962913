// A simulated run written as a case event log, in the same shape the workflow writes, so the
// insights reports (and a second fit) read simulated cases exactly as they read real ones.
import type { CaseEvent } from '../engine/contract.ts';
import type { CaseLogEvent } from '../events/case-log-event.ts';

export class SimulatedLog {
  readonly events: CaseLogEvent[] = [];
  private readonly counters = new Map<string, number>();

  add(caseId: string, at: number, entry: Omit<CaseLogEvent, 'id' | 'caseId' | 'at' | 'data'> & { data?: CaseLogEvent['data'] }): void {
    const n = (this.counters.get(caseId) ?? 0) + 1;
    this.counters.set(caseId, n);
    this.events.push({ ...entry, id: `${caseId}:${n}`, caseId, at: new Date(at).toISOString(), data: entry.data ?? {} });
  }

  /** The engine's own events that the analyses read; the rest (reminders, decisions…) are left out. */
  engineEvent(caseId: string, at: number, event: CaseEvent): void {
    switch (event.kind) {
      case 'element-entered':
      case 'element-completed':
      case 'element-cancelled':
        return this.add(caseId, at, { kind: event.kind, nodeId: event.nodeId, data: { instanceId: event.instanceId } });
      case 'task-claimed':
        return this.add(caseId, at, { kind: event.kind, nodeId: event.nodeId, taskId: event.taskId, team: event.team, actor: event.actor });
      case 'task-completed':
        return this.add(caseId, at, { kind: event.kind, nodeId: event.nodeId, taskId: event.taskId, team: event.team, actor: event.actor, data: event.data });
      case 'sla-breached':
      case 'handoff-overdue':
        return this.add(caseId, at, { kind: event.kind, nodeId: event.nodeId, taskId: event.taskId, team: event.team });
      case 'message-correlated':
        return this.add(caseId, at, { kind: 'message-received', nodeId: event.nodeId, data: { messageName: event.messageName, correlated: true } });
      case 'ownership-changed':
        return this.add(caseId, at, { kind: event.kind, nodeId: event.nodeId, team: event.toTeam, data: { fromTeam: event.fromTeam, toTeam: event.toTeam } });
      default:
        return;
    }
  }
}
