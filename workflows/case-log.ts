// Collects a case's log events with stable ids (`<caseId>:<n>`, counted by the workflow itself,
// so replays and retries produce the same ids) and writes them through the projection activity,
// one batch at a time and in order.
import { condition } from '@temporalio/workflow';
import type { CaseEvent } from '../domain/engine/contract.ts';
import type { CaseLogEvent, CaseLogEventKind } from '../domain/events/case-log-event.ts';
import type { OpenTask } from './case-api.ts';
import { taskAssignment } from './case-view.ts';

type NewEvent = Omit<CaseLogEvent, 'id' | 'caseId' | 'at' | 'data'> & { data?: Record<string, unknown> };

export class CaseLog {
  private pending: CaseLogEvent[] = [];
  private writing = false;
  private writtenSeq: number;

  constructor(
    private readonly caseId: string,
    private readonly write: (events: CaseLogEvent[]) => Promise<unknown>,
    private seq: number,
  ) {
    this.writtenSeq = seq;
  }

  get sequence(): number {
    return this.seq;
  }

  /** The last position whose write has returned: what an Update's answer tells the API to confirm. */
  get written(): number {
    return this.writtenSeq;
  }

  add(event: NewEvent): void {
    this.seq += 1;
    this.pending.push({ ...event, data: event.data ?? {}, id: `${this.caseId}:${this.seq}`, caseId: this.caseId, at: new Date().toISOString() });
  }

  taskReady(task: OpenTask): void {
    this.add({
      kind: 'task-ready',
      taskId: task.taskId,
      nodeId: task.nodeId,
      team: task.team,
      task: {
        ...taskAssignment(task),
        handoffFrom: task.handoff?.fromTeam,
        acceptBy: task.handoff?.acceptBy,
        priority: 0,
        instance: task.instance && { index: task.instance.index, count: task.instance.count, bodyId: task.instance.bodyId },
      },
    });
  }

  /** Translates the engine's facts into log entries. */
  engineEvent(event: CaseEvent): void {
    const kind: CaseLogEventKind = event.kind === 'message-correlated' ? 'message-received' : event.kind;
    const { nodeId } = event;
    switch (event.kind) {
      case 'ownership-changed':
        return this.add({ kind, nodeId, team: event.toTeam, data: { fromTeam: event.fromTeam, toTeam: event.toTeam } });
      case 'sla-breached':
      case 'handoff-overdue':
        return this.add({ kind, nodeId, taskId: event.taskId, team: event.team });
      case 'reminder-due':
        return this.add({ kind, nodeId, taskId: event.taskId, team: event.team, data: { hostNodeId: event.hostNodeId, timerId: event.timerId, firing: event.firing, remaining: event.remaining } });
      case 'escalation-raised':
        return this.add({ kind, nodeId, data: { escalationCode: event.escalationCode, caught: event.caught } });
      case 'error-raised':
        return this.add({ kind, nodeId, data: { errorCode: event.errorCode, caught: event.caught } });
      case 'message-correlated':
        return this.add({ kind, nodeId, data: { messageName: event.messageName, correlated: true } });
      case 'signal-received':
      case 'signal-thrown':
        return this.add({ kind, nodeId, data: { signalName: event.signalName, broadcastId: event.broadcastId } });
      case 'event-sub-process-triggered':
        return this.add({ kind, nodeId, data: { startEventId: event.startEventId, interrupting: event.interrupting } });
      case 'timer-fired':
        return this.add({ kind, nodeId, data: { timerId: event.timerId } });
      case 'decision-evaluated':
        return this.add({ kind, nodeId, data: { decisionId: event.decisionId, decisionName: event.decisionName, resultVariable: event.resultVariable, matchedRules: event.matchedRules, output: event.output, required: event.required } });
      // A caseworker's action names the task, not the step (task-completed also carries the step and the form).
      case 'task-claimed':
      case 'task-returned':
      case 'handoff-accepted':
        return this.add({ kind, taskId: event.taskId, actor: event.actor, team: event.team });
      case 'task-reassigned':
        return this.add({ kind, taskId: event.taskId, actor: event.actor, team: event.team, data: { toUser: event.toUser, toTeam: event.toTeam } });
      case 'task-completed':
        return this.add({ kind, taskId: event.taskId, actor: event.actor, team: event.team, nodeId, data: event.data });
      default:
        return this.add({ kind, nodeId, data: { instanceId: event.instanceId } });
    }
  }

  /** Writes everything pending; concurrent callers wait their turn so batches stay in order. */
  async flush(): Promise<void> {
    await condition(() => !this.writing);
    if (this.pending.length === 0) return;
    this.writing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, 200);
        await this.write(batch);
        // Events added while the batch was written wait in `pending`, after it.
        this.writtenSeq = this.seq - this.pending.length;
      }
    } finally {
      this.writing = false;
    }
  }
}
