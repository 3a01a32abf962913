// Where the time of one Update goes, read from the workflow's Temporal history and the caller's
// own clock: admission, workflow tasks (waiting for the worker, running), the projection write's
// activity (dispatch, run) and the reply. Pure, so it is unit-tested on made-up histories.

/** The few fields of a Temporal history event this reads (structurally the SDK's `IHistoryEvent`). */
export interface HistoryEventLike {
  eventId?: { toNumber(): number } | number | null;
  eventTime?: { seconds?: { toNumber(): number } | number | null; nanos?: number | null } | null;
  workflowTaskScheduledEventAttributes?: object | null;
  workflowTaskStartedEventAttributes?: object | null;
  workflowTaskCompletedEventAttributes?: object | null;
  activityTaskScheduledEventAttributes?: { activityId?: string | null; workflowTaskCompletedEventId?: { toNumber(): number } | number | null } | null;
  activityTaskStartedEventAttributes?: { scheduledEventId?: { toNumber(): number } | number | null } | null;
  activityTaskCompletedEventAttributes?: { scheduledEventId?: { toNumber(): number } | number | null } | null;
  workflowExecutionUpdateAcceptedEventAttributes?: { acceptedRequest?: { meta?: { updateId?: string | null } | null; input?: { name?: string | null } | null } | null } | null;
  workflowExecutionUpdateCompletedEventAttributes?: { meta?: { updateId?: string | null } | null } | null;
}

/** The caller's clock for one Update (epoch ms): sent, answered, and the next task seen in the inbox. */
export interface CallerTimes {
  sentMs: number;
  answeredMs: number;
  /** When a read of the inbox first showed the next task (the answer's time when there is none). */
  visibleMs: number;
}

export const SegmentKeys = [
  'admission',
  'workflowTaskWait',
  'workflowTaskRun',
  'activityDispatch',
  'activityRun',
  'activityToWorkflowTask',
  'reply',
  'inboxRead',
] as const;
export type SegmentKey = (typeof SegmentKeys)[number];

export const segmentLabels: Record<SegmentKey, string> = {
  admission: 'request sent → first workflow task scheduled (HTTP + auth + task lookup, or the SDK call; Temporal admits the Update)',
  workflowTaskWait: 'workflow task scheduled → picked up by the worker (all workflow tasks of the Update)',
  workflowTaskRun: 'workflow task started → completed (worker CPU, activation, round trip)',
  activityDispatch: 'activity scheduled → started (the projection write waits for an activity slot/poll)',
  activityRun: 'activity started → completed (of which the database time is shown apart)',
  activityToWorkflowTask: 'activity completed → next workflow task scheduled',
  reply: 'Update completed in history → answer received by the caller',
  inboxRead: 'answer received → the next task visible in an inbox read',
};

export interface CompletionSegments {
  segments: Record<SegmentKey, number>;
  /** Workflow tasks and activities on the Update's path (from the accepting workflow task to its completion). */
  workflowTasks: number;
  activities: number;
  /** The activity ids on the path (to join with database timings). */
  activityIds: string[];
  /** Sent → visible, the number a caseworker feels. */
  totalMs: number;
  /** totalMs minus the sum of the segments: only rounding and clock differences should remain. */
  unaccountedMs: number;
}

const num = (value: { toNumber(): number } | number | null | undefined): number => (value == null ? 0 : typeof value === 'number' ? value : value.toNumber());

export function eventTimeMs(event: HistoryEventLike): number {
  const time = event.eventTime;
  return num(time?.seconds) * 1000 + (time?.nanos ?? 0) / 1e6;
}

type Kind = 'wftScheduled' | 'wftStarted' | 'wftCompleted' | 'activityScheduled' | 'activityStarted' | 'activityCompleted' | 'updateAccepted' | 'updateCompleted' | 'other';

function kindOf(event: HistoryEventLike): Kind {
  if (event.workflowTaskScheduledEventAttributes) return 'wftScheduled';
  if (event.workflowTaskStartedEventAttributes) return 'wftStarted';
  if (event.workflowTaskCompletedEventAttributes) return 'wftCompleted';
  if (event.activityTaskScheduledEventAttributes) return 'activityScheduled';
  if (event.activityTaskStartedEventAttributes) return 'activityStarted';
  if (event.activityTaskCompletedEventAttributes) return 'activityCompleted';
  if (event.workflowExecutionUpdateAcceptedEventAttributes) return 'updateAccepted';
  if (event.workflowExecutionUpdateCompletedEventAttributes) return 'updateCompleted';
  return 'other';
}

/**
 * The segments of the `occurrence`-th (0-based) accepted Update named `updateName`. The path starts
 * at the workflow task that accepted it and follows, workflow task by workflow task, the activities
 * each one scheduled (the slowest decides when the next workflow task is scheduled) until the
 * workflow task that completed the Update.
 */
export function completionSegments(events: readonly HistoryEventLike[], updateName: string, occurrence: number, caller: CallerTimes): CompletionSegments {
  const list = events.map((event) => ({ event, id: num(event.eventId), kind: kindOf(event), at: eventTimeMs(event) }));
  const accepted = list.filter((entry) => entry.kind === 'updateAccepted' && entry.event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === updateName)[occurrence];
  if (!accepted) throw new Error(`No accepted Update "${updateName}" number ${occurrence + 1} in the history.`);
  const updateId = accepted.event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId;
  const completed = list.find((entry) => entry.kind === 'updateCompleted' && entry.id > accepted.id && entry.event.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId === updateId);
  if (!completed) throw new Error(`Update "${updateName}" number ${occurrence + 1} never completed in the history.`);
  const segments = Object.fromEntries(SegmentKeys.map((key) => [key, 0])) as Record<SegmentKey, number>;
  const activityIds: string[] = [];
  let workflowTasks = 0;

  const before = (id: number, kind: Kind) => [...list].reverse().find((entry) => entry.id < id && entry.kind === kind);
  const after = (id: number, kind: Kind) => list.find((entry) => entry.id > id && entry.kind === kind);
  // The accepting workflow task: the last one completed before the acceptance.
  let wftCompleted = before(accepted.id, 'wftCompleted');
  if (!wftCompleted) throw new Error(`No workflow task accepted Update "${updateName}".`);
  let first = true;
  for (;;) {
    const started = before(wftCompleted.id, 'wftStarted')!;
    const scheduled = before(started.id, 'wftScheduled')!;
    if (first) segments.admission = scheduled.at - caller.sentMs;
    first = false;
    workflowTasks += 1;
    segments.workflowTaskWait += started.at - scheduled.at;
    segments.workflowTaskRun += wftCompleted.at - started.at;
    const nextScheduled = after(wftCompleted.id, 'wftScheduled');
    // The Update completed in this workflow task's batch (its events follow the task's completion).
    if (!nextScheduled || completed.id < nextScheduled.id) break;
    // The activity that completed last before the next workflow task was scheduled is the one it waited for.
    const done = [...list].reverse().find((entry) => entry.kind === 'activityCompleted' && entry.id > wftCompleted!.id && entry.id < nextScheduled.id);
    const activityScheduled = done && list.find((entry) => entry.id === num(done.event.activityTaskCompletedEventAttributes?.scheduledEventId));
    const critical = done && activityScheduled ? { entry: activityScheduled, done } : undefined;
    if (critical) {
      const activityStarted = list.find((other) => other.kind === 'activityStarted' && num(other.event.activityTaskStartedEventAttributes?.scheduledEventId) === critical.entry.id)!;
      activityIds.push(critical.entry.event.activityTaskScheduledEventAttributes?.activityId ?? '');
      segments.activityDispatch += activityStarted.at - critical.entry.at;
      segments.activityRun += critical.done.at - activityStarted.at;
      segments.activityToWorkflowTask += nextScheduled.at - critical.done.at;
    } else {
      // Woken by something else (a signal, a timer, another Update): counted as waiting for the worker.
      segments.workflowTaskWait += nextScheduled.at - wftCompleted.at;
    }
    wftCompleted = after(nextScheduled.id, 'wftCompleted');
    if (!wftCompleted) throw new Error(`The workflow task after event ${nextScheduled.id} never completed.`);
  }
  segments.reply = caller.answeredMs - completed.at;
  segments.inboxRead = caller.visibleMs - caller.answeredMs;
  const totalMs = caller.visibleMs - caller.sentMs;
  const sum = SegmentKeys.reduce((total, key) => total + segments[key], 0);
  return { segments, workflowTasks, activities: activityIds.length, activityIds, totalMs, unaccountedMs: totalMs - sum };
}
