// The engine's state: plain JSON the Temporal workflow stores, answers queries from and carries
// through continue-as-new. The zod schema lets the shell check a state it reads back. Workflow code
// imports only types from here (values it needs live in empty-state.ts): a value import would make
// the SDK build every schema below again for each new workflow.
import { z } from 'zod';
import { FormField } from '../process/ir.ts';

export const CaseStatus = z.enum(['running', 'completed', 'terminated', 'failed', 'cancelled']);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** What a token is waiting for, so a query can say why a case is not moving. */
export const WaitKind = z.enum(['none', 'user-task', 'activity', 'timer', 'message', 'signal', 'child-case', 'sub-process', 'join', 'event-gateway', 'compensation', 'multi-instance']);
export type WaitKind = z.infer<typeof WaitKind>;

/** Left by an inclusive split on each token it forks, so the matching join knows how many to await. */
export const ForkTag = z.object({ forkId: z.string(), width: z.number().int().positive() });
export type ForkTag = z.infer<typeof ForkTag>;

/**
 * The body of a multi-instance step (domain/engine/multi-instance.ts): how many instances it runs,
 * how many have started and completed, and what it keeps between them.
 */
export const LoopBody = z.object({
  count: z.number().int().nonnegative(),
  started: z.number().int().nonnegative(),
  completed: z.number().int().nonnegative(),
  /** A sequential body's input collection, read once on entry; a parallel body hands each item out at once. */
  items: z.array(z.unknown()).optional(),
  /** The output collection being gathered, one slot per instance in instance order (null until it completes). */
  outputs: z.array(z.unknown()).optional(),
  /** The completion condition held: no further instance starts. */
  done: z.boolean().optional(),
});
export type LoopBody = z.infer<typeof LoopBody>;

export const Token = z.object({
  /** Also the element instance id, the task id of a user task or activity and a child case id. */
  id: z.string(),
  nodeId: z.string(),
  scopeId: z.string(),
  /** The sequence flow the token arrived by; parallel joins count arrivals per flow. */
  via: z.string().optional(),
  forks: z.array(ForkTag),
  wait: WaitKind,
  /** Variables local to this element instance (a multi-instance instance's item and loopCounter); absent on most tokens. */
  vars: z.record(z.string(), z.unknown()).optional(),
  /** Set on the body of a multi-instance step, whose scope holds its instances. */
  loop: LoopBody.optional(),
});
export type Token = z.infer<typeof Token>;

/** Where a task stands in its multi-instance step; `bodyId` names the step's run, shared by its instances. */
export const TaskInstance = z.object({
  index: z.number().int().positive(),
  count: z.number().int().positive(),
  completed: z.number().int().nonnegative(),
  bodyId: z.string(),
});
export type TaskInstance = z.infer<typeof TaskInstance>;

/** A user task while it is open: what the step asks for, the team holding it, who has claimed it. */
export const OpenTask = z.object({
  taskId: z.string(),
  nodeId: z.string(),
  name: z.string(),
  /** Starts as the step's team; a lead's reassignment moves it. */
  team: z.string(),
  role: z.string().optional(),
  assignee: z.string().optional(),
  /** The fields the caseworker fills in, checked when the task is completed. */
  form: z.array(FormField),
  openedAt: z.string(),
  dueAt: z.string().optional(),
  handoff: z
    .object({ fromTeam: z.string(), toTeam: z.string(), acceptBy: z.string().optional(), accepted: z.boolean(), acceptedBy: z.string().optional() })
    .optional(),
  /** The caseworker working on it; absent while it waits in its team's queue. */
  claimedBy: z.string().optional(),
  /** When the task is one instance of a multi-instance step: which (from 1), of how many, how many are done. */
  instance: TaskInstance.optional(),
});
export type OpenTask = z.infer<typeof OpenTask>;

export const RunningActivity = z.object({ taskId: z.string(), nodeId: z.string(), handler: z.string() });
export type RunningActivity = z.infer<typeof RunningActivity>;

export const ActiveTimer = z.object({
  timerId: z.string(),
  nodeId: z.string(),
  purpose: z.enum(['boundary', 'intermediate', 'event-gateway', 'sla', 'handoff', 'watchdog', 'event-sub-process']),
  fireAt: z.string(),
  /**
   * The token the timer belongs to (the host of a boundary timer, the task of an SLA timer); for
   * an event sub-process's start, the scope it listens in (`root` or the sub-process's host token).
   */
  tokenId: z.string(),
  /** A cycle (R<n>/<duration>) still to repeat; `remaining: null` repeats without end. */
  cycle: z
    .object({
      interval: z.string(),
      remaining: z.number().int().nonnegative().nullable(),
      /** Which firing of the cycle this timer is, counting from 1 (absent in states from before reminders were counted). */
      firing: z.number().int().positive().optional(),
    })
    .optional(),
});
export type ActiveTimer = z.infer<typeof ActiveTimer>;

export const MessageSubscription = z.object({
  subscriptionId: z.string(),
  nodeId: z.string(),
  messageName: z.string(),
  correlationKey: z.string().optional(),
  /** As for timers: the waiting token, or for an event sub-process's start the scope it listens in. */
  tokenId: z.string(),
  purpose: z.enum(['catch', 'boundary', 'event-gateway', 'event-sub-process']),
  /**
   * An event sub-process start whose correlation key has no value yet (e.g. a case reference keyed
   * later): it takes no message until the key has one, so it never catches another case's message.
   */
  keyPending: z.boolean().optional(),
});
export type MessageSubscription = z.infer<typeof MessageSubscription>;

/** A wait for a broadcast signal (catch event, boundary, event-based gateway or event sub-process start). */
export const SignalSubscription = z.object({
  subscriptionId: z.string(),
  nodeId: z.string(),
  signalName: z.string(),
  tokenId: z.string(),
  purpose: MessageSubscription.shape.purpose,
});
export type SignalSubscription = z.infer<typeof SignalSubscription>;

export const ChildCase = z.object({ childId: z.string(), nodeId: z.string(), calledElement: z.string() });
export type ChildCase = z.infer<typeof ChildCase>;

/** A completed step that can be undone: its undo step, the data it left (BPMN's snapshot) and, for a sub-process, the steps inside it. */
export interface CompensableStep {
  instanceId: string;
  nodeId: string;
  /** The compensation activity that undoes it; absent for a sub-process undone through the steps inside it. */
  handler?: string;
  data: Record<string, unknown>;
  inner?: CompensableStep[];
}
export const CompensableStep: z.ZodType<CompensableStep> = z.lazy(() =>
  z.object({
    instanceId: z.string(),
    nodeId: z.string(),
    handler: z.string().optional(),
    data: z.record(z.string(), z.unknown()),
    inner: z.array(CompensableStep).optional(),
  }),
);

/** One undo step still to run for a compensation throw: the step it undoes and the data that step left. */
export const PendingUndo = z.object({ instanceId: z.string(), nodeId: z.string(), handler: z.string(), data: z.record(z.string(), z.unknown()) });
export type PendingUndo = z.infer<typeof PendingUndo>;

export const Compensation = z.object({
  /** Per scope (`root` or a sub-process instance), the steps completed there that can be undone, oldest first. */
  log: z.record(z.string(), z.array(CompensableStep)),
  /** Per compensation throw or end event waiting on them, the undo steps still to run, next first. */
  runs: z.record(z.string(), z.object({ pending: z.array(PendingUndo), waits: z.boolean() })),
});
export type Compensation = z.infer<typeof Compensation>;

export const EngineState = z.object({
  stateVersion: z.literal(1),
  caseId: z.string(),
  processId: z.string(),
  status: CaseStatus,
  data: z.record(z.string(), z.unknown()),
  /** The team that currently owns the case; undefined until a step or lane names one. */
  owner: z.string().optional(),
  /** Source of every id the engine makes, so a replay makes the same ids. */
  counter: z.number().int().nonnegative(),
  tokens: z.record(z.string(), Token),
  userTasks: z.record(z.string(), OpenTask),
  activities: z.record(z.string(), RunningActivity),
  timers: z.record(z.string(), ActiveTimer),
  subscriptions: z.record(z.string(), MessageSubscription),
  childCases: z.record(z.string(), ChildCase),
  /** Signal waits (absent in states from before signals ran). */
  signals: z.record(z.string(), SignalSubscription).optional(),
  /**
   * Ids of the latest broadcasts this case received, so a broadcast delivered again (its fan-out
   * retried after a crash) is recognised and ignored; absent until the first signal arrives.
   */
  broadcastsReceived: z.array(z.string()).optional(),
  /** Why the case failed; `errorCode` when an uncaught BPMN error ended it (a calling case's boundary can catch that code). */
  failure: z.object({ reason: z.string(), nodeId: z.string().optional(), errorCode: z.string().optional() }).optional(),
  /** Absent until a step that can be undone completes (and in states from before compensation ran). */
  compensation: Compensation.optional(),
});
export type EngineState = z.infer<typeof EngineState>;

/** Adds an SLA or handoff duration to an instant, in working or calendar days. */
export type AddDuration = (startIso: string, isoDuration: string, mode: 'working-days' | 'calendar-days') => string;

export interface EngineOptions {
  addDuration?: AddDuration;
}
