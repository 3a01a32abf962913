// One entry of the case event log: every lifecycle fact of a case, with a stable id chosen by the
// workflow so a retried write never duplicates it. Insights and duplication analyses read these.
import { z } from 'zod';
import { TaskInstance } from '../engine/engine-state.ts';
import { FormField } from '../process/ir.ts';

export const CaseLogEventKind = z.enum([
  'case-started',
  'task-ready',
  'task-claimed',
  'task-returned',
  'task-reassigned',
  'handoff-accepted',
  'task-completed',
  'task-cancelled',
  'ownership-changed',
  'sla-breached',
  /** The case watchdog: no progress on the case for its process's `casework:watchdog` period. */
  'case-stalled',
  'handoff-overdue',
  /**
   * A missed step SLA or handoff acceptance passed to the lead of the team holding the task
   * (`team`); `data.reason` says which deadline, `data.dueAt` when it was.
   */
  'escalated-to-lead',
  /** A firing of a non-interrupting cycle timer on a step (R3/P1D): a reminder to the step's team. */
  'reminder-due',
  'timer-fired',
  'message-received',
  /** The case now waits for a message (name + correlation key); lets the API route messages to it. */
  'message-awaited',
  'message-wait-ended',
  /** The case now waits for a broadcast signal (`data.signalName`); lets a broadcast find it. */
  'signal-awaited',
  'signal-wait-ended',
  /** A broadcast signal (`data.broadcastId`) fired the wait at `nodeId`: one entry per wait it fired. */
  'signal-received',
  /** A signal throw or end event asked for a broadcast (`data.broadcastId`). */
  'signal-thrown',
  /** An event sub-process began (`data.startEventId`), cancelling the rest of its scope's work when `data.interrupting`. */
  'event-sub-process-triggered',
  'escalation-raised',
  'error-raised',
  /** A business rule task's DMN decision: `data` holds the decision, the rules that matched and the output. */
  'decision-evaluated',
  'element-entered',
  'element-completed',
  'element-cancelled',
  'case-completed',
  'case-failed',
  'case-cancelled',
  /** The case moved to another version of its process (docs/migration.md): `data` is CaseMigratedData. */
  'case-migrated',
]);
export type CaseLogEventKind = z.infer<typeof CaseLogEventKind>;

/** What the inbox needs to show a task that has just become ready. */
export const ReadyTask = z.object({
  name: z.string(),
  team: z.string(),
  role: z.string().optional(),
  assignee: z.string().optional(),
  form: z.array(FormField),
  dueAt: z.string().optional(),
  handoffFrom: z.string().optional(),
  acceptBy: z.string().optional(),
  priority: z.number().int().default(0),
  /** Set when the task is one instance of a multi-instance step. */
  instance: TaskInstance.omit({ completed: true }).optional(),
});
export type ReadyTask = z.infer<typeof ReadyTask>;

export const CaseLogEvent = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: CaseLogEventKind,
  at: z.string(),
  nodeId: z.string().optional(),
  taskId: z.string().optional(),
  team: z.string().optional(),
  actor: z.string().optional(),
  data: z.record(z.string(), z.unknown()).default({}),
  task: ReadyTask.optional(),
});
export type CaseLogEvent = z.infer<typeof CaseLogEvent>;

/** The case facts that `case-started` carries, so the projection can create the case row. */
export const CaseStartedData = z.object({
  definitionId: z.string(),
  version: z.number().int(),
  workflowId: z.string(),
  data: z.record(z.string(), z.unknown()),
  startedBy: z.string().optional(),
});

/** What `case-migrated` carries: the versions, where each token went, and each kept task as it now reads. */
export const CaseMigratedData = z.object({
  migrationId: z.string(),
  fromVersion: z.number().int(),
  toVersion: z.number().int(),
  moves: z.array(z.object({ from: z.string(), to: z.string().nullable() })),
  tasksKept: z.array(z.object({ taskId: z.string(), nodeId: z.string(), name: z.string(), team: z.string(), role: z.string().optional(), form: z.array(FormField), dueAt: z.string().optional() })),
});
export type CaseMigratedData = z.infer<typeof CaseMigratedData>;
