// A user task in each of its forms: as the case workflow holds it (OpenTask), as the inbox lists
// it (TaskRecord), the actions caseworkers take on it (and the bodies the API takes for them), and
// what every action answers (NextSteps).
import { z } from 'zod';
import { FormField } from '../process/ir.ts';
import { OpenTask as EngineOpenTask, TaskInstance } from '../engine/engine-state.ts';
import { CaseData } from './case-data.ts';
import { CaseStatus } from './case-status.ts';
import { DataRecord } from './request-fields.ts';

/** A handover to another team, who must accept it (by `acceptBy`, when set). */
export const Handoff = z.object({ fromTeam: z.string(), toTeam: z.string(), acceptBy: z.string().optional() });
export type Handoff = z.infer<typeof Handoff>;

/**
 * A user task as a case view shows it: the engine's own open task (domain/engine/engine-state.ts,
 * the one definition), with its opening instant named `createdAt` and its handoff without the
 * engine's bookkeeping flag.
 */
export const OpenTask = EngineOpenTask.omit({ openedAt: true, handoff: true }).extend({
  handoff: Handoff.extend({ acceptedBy: z.string().optional() }).optional(),
  createdAt: z.string(),
});
export type OpenTask = z.infer<typeof OpenTask>;

/** What a caseworker sees after acting: the case's state and the tasks that opened as a result. */
export const NextSteps = z.object({
  status: CaseStatus,
  opened: z.array(OpenTask),
  ownerTeam: z.string().optional(),
  /**
   * The case log position the workflow had written when it answered: the API confirms the log
   * through it (docs/architecture.md, "Record") and does not pass it on. Absent in answers from
   * workflow code before it.
   */
  logPosition: z.number().int().nonnegative().optional(),
});
export type NextSteps = z.infer<typeof NextSteps>;

/** Who is acting, as established by the authenticated API; the workflow re-checks it. */
export const Actor = z.object({
  userId: z.string(),
  teams: z.array(z.string()),
  /** Teams this user leads (may reassign their tasks). */
  leadOf: z.array(z.string()),
  roles: z.array(z.string()),
});
export type Actor = z.infer<typeof Actor>;

export const TaskAction = z.object({ taskId: z.string(), actor: Actor });
export type TaskAction = z.infer<typeof TaskAction>;
export const CompleteTaskRequest = TaskAction.extend({ data: CaseData });
export type CompleteTaskRequest = z.infer<typeof CompleteTaskRequest>;
export const ReassignTaskRequest = TaskAction.extend({ toUser: z.string().optional(), toTeam: z.string().optional() });
export type ReassignTaskRequest = z.infer<typeof ReassignTaskRequest>;

export const TaskStatus = z.enum(['open', 'claimed', 'completed', 'cancelled']);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** A task as the inbox and the case page list it (its id is `<caseId>:<taskId>`). */
export const TaskRecord = z.object({
  id: z.string(),
  caseId: z.string(),
  nodeId: z.string(),
  name: z.string(),
  team: z.string(),
  role: z.string().nullable(),
  assignee: z.string().nullable(),
  status: TaskStatus,
  form: z.array(FormField),
  handoffFrom: z.string().nullable(),
  acceptBy: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  priority: z.number(),
  createdAt: z.string(),
  claimedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  completedBy: z.string().nullable(),
  /** A multi-instance task's place in its step and how many of its instances are done ("2 of 5, 1 done"). */
  instance: TaskInstance.omit({ bodyId: true }).nullable().optional(),
});
export type TaskRecord = z.infer<typeof TaskRecord>;

/** One page of an inbox view. */
export const TaskPage = z.object({ items: z.array(TaskRecord), total: z.number().int() });
export type TaskPage = z.infer<typeof TaskPage>;

/** What claim, return, accept, complete and reassign answer. */
export const TaskActionReply = z.object({ taskId: z.string(), next: NextSteps });
export type TaskActionReply = z.infer<typeof TaskActionReply>;

/** What the API takes to complete a task: the step's form data (checked by the workflow against its form). */
export const CompleteTaskBody = z.object({ data: DataRecord.default({}) }).strict();
export type CompleteTaskBody = z.input<typeof CompleteTaskBody>;

export const ReassignTaskBody = z
  .object({ toUser: z.string().min(1).max(200).optional(), toTeam: z.string().min(1).max(200).optional() })
  .strict()
  // An empty toUser is already refused by its own field; only a body naming neither is at fault as a whole.
  .refine((body) => body.toUser !== undefined || body.toTeam !== undefined, { message: 'Give toUser, toTeam or both' });
export type ReassignTaskBody = z.input<typeof ReassignTaskBody>;
