// Timeline entries in words a caseworker reads: "Tom claimed Make deportation decision".
import type { CaseEvent } from '../api/get-case.ts';

const KIND_TEXT: Record<string, string> = {
  'case-started': 'Case started',
  'task-ready': 'Task ready',
  'task-claimed': 'Task claimed',
  'task-returned': 'Task returned to the queue',
  'task-reassigned': 'Task reassigned',
  'handoff-accepted': 'Handoff accepted',
  'task-completed': 'Task completed',
  'task-cancelled': 'Task cancelled',
  'ownership-changed': 'Case handed to another team',
  'sla-breached': 'Deadline missed',
  'handoff-overdue': 'Handoff not accepted in time',
  'escalated-to-lead': 'Escalated to the team lead',
  'reminder-due': 'Reminder',
  'case-stalled': 'No progress for too long',
  'message-awaited': 'Waiting for a message',
  'message-wait-ended': 'Stopped waiting for a message',
  'timer-fired': 'Timer fired',
  'message-received': 'Message received',
  'escalation-raised': 'Escalation raised',
  'error-raised': 'Error raised',
  'decision-evaluated': 'Decision made',
  'element-entered': 'Step entered',
  'element-completed': 'Step completed',
  'element-cancelled': 'Step cancelled',
  'case-completed': 'Case completed',
  'case-failed': 'Case failed',
  'case-cancelled': 'Case cancelled',
};

export function kindText(kind: string): string {
  return KIND_TEXT[kind] ?? kind.replace(/-/g, ' ');
}

/** Steps of the diagram (element-*) are many and technical; the timeline hides them by default. */
export const isDiagramStep = (event: CaseEvent): boolean => event.kind.startsWith('element-');

/** What an event is about: the task or message name, else the step's name from `names`, else its id. */
export function eventSubject(event: CaseEvent, names: ReadonlyMap<string, string> = new Map()): string {
  const data = event.data ?? {};
  const name = typeof data.name === 'string' ? data.name : typeof data.taskName === 'string' ? data.taskName : undefined;
  const messageName = typeof data.messageName === 'string' ? data.messageName : undefined;
  const decisionName = typeof data.decisionName === 'string' ? data.decisionName : undefined;
  return name ?? messageName ?? decisionName ?? (event.nodeId ? (names.get(event.nodeId) ?? event.nodeId) : '');
}

export const isAlarm = (event: CaseEvent): boolean =>
  ['sla-breached', 'handoff-overdue', 'escalated-to-lead', 'case-stalled', 'escalation-raised', 'error-raised', 'case-failed'].includes(event.kind);
