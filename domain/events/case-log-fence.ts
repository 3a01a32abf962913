// The fence a case log write carries: which workflow-task attempt made it. A local activity writes
// before Temporal records its task, so the store must tell a later attempt from a lost or stale one.
import { z } from 'zod';
import { CaseLogEvent } from './case-log-event.ts';

/**
 * Ordered field by field. `runStartedMs` grows with each continue-as-new run; `historyLength` with
 * every workflow task and with the first retry of a lost one; `taskStartedMs` (the workflow task's
 * start on Temporal's clock) tells apart retries that see the same history length (a second lost
 * attempt, or a speculative Update task redone after a server restart).
 */
export const CaseLogFence = z.object({
  runStartedMs: z.number().int().nonnegative(),
  historyLength: z.number().int().nonnegative(),
  taskStartedMs: z.number().int().nonnegative(),
});
export type CaseLogFence = z.infer<typeof CaseLogFence>;

/** The run that wrote, so the reconciler can ask its history whether the write's task was recorded. */
export const CaseLogRun = z.object({ workflowId: z.string().min(1), runId: z.string().min(1) });
export type CaseLogRun = z.infer<typeof CaseLogRun>;

export const FencedCaseLogWrite = z.object({
  fence: CaseLogFence,
  events: z.array(CaseLogEvent).min(1),
  /** Absent in writes recorded before the reconciler (storage/case-log-reconciler-store.ts) needed it. */
  run: CaseLogRun.optional(),
  /**
   * Whether something else is expected to confirm the rows soon: an Update under way, whose answer
   * confirms them (path 2), or an activity or child case under way, whose result the run writes
   * next (path 1). Then the reconciler need not hurry; a write nothing follows (a timer opening a
   * task, a signal, a service task's last result) is looked at soon. A hint for timing only:
   * confirming never trusts it.
   */
  confirmationExpected: z.boolean().optional(),
});
export type FencedCaseLogWrite = z.infer<typeof FencedCaseLogWrite>;

/** What history keeps of a written batch (a local activity's marker holds its result, not its input). */
export interface CaseLogReceipt {
  id: string;
  kind: string;
  taskId?: string;
}

export type FencedWriteResult =
  /**
   * `fence` goes into the local activity's marker with the receipt: a marker carrying the fence of
   * the attempt that wrote a case's tentative rows proves that attempt's workflow task is in history.
   */
  | { outcome: 'written'; inserted: number; skipped: number; replaced: number; receipt: CaseLogReceipt[]; fence?: CaseLogFence }
  /** A newer attempt of this case already wrote: this attempt is lost or a zombie and must not go on. */
  | { outcome: 'refused'; recorded: CaseLogFence };

/** Negative when `a` was made by an earlier attempt than `b`, zero for the same attempt. */
export function compareFences(a: CaseLogFence, b: CaseLogFence): number {
  return a.runStartedMs - b.runStartedMs || a.historyLength - b.historyLength || a.taskStartedMs - b.taskStartedMs;
}

/** The position `n` of an event id `<caseId>:<n>`, or undefined for an id of another shape. */
export function logPosition(caseId: string, eventId: string): number | undefined {
  const prefix = `${caseId}:`;
  if (!eventId.startsWith(prefix)) return undefined;
  const rest = eventId.slice(prefix.length);
  return /^[0-9]+$/.test(rest) ? Number(rest) : undefined;
}
