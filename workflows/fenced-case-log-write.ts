// The case log's write as a local activity: it runs inside the workflow task that logged the
// events and leaves one marker in history, instead of a scheduled activity's three events and a
// further workflow task. Safe only because each write is fenced by the task attempt that made it
// (storage/fenced-case-log-store.ts: a lost attempt's events are replaced by its retry's) and its
// rows stay out of the inbox until confirmed to be in history (storage/case-log-confirm.ts).
import { proxyLocalActivities, workflowInfo } from '@temporalio/workflow';
import type { ProjectionActivities } from '../activities/projection-activities.ts';
import type { CaseLogEvent } from '../domain/events/case-log-event.ts';
import type { CaseLogFence } from '../domain/events/case-log-fence.ts';

// A write is a few milliseconds. A local activity that outlives the workflow task is carried over
// into further tasks by the SDK, with the same input and so the same fence.
const local = proxyLocalActivities<ProjectionActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/**
 * Which attempt of which workflow task is writing. A retried task sees a longer history (the lost
 * attempt's timeout is recorded) or, when it does not, starts later; a new run starts later still.
 * Replays compute the same fence as the attempt history recorded, so a rerun write repeats it.
 */
export function currentFence(): CaseLogFence {
  const info = workflowInfo();
  return { runStartedMs: info.runStartTime.getTime(), historyLength: info.historyLength, taskStartedMs: Date.now() };
}

/** `confirmationExpected`: an Update's answer or the run's next write will confirm these rows (domain/events/case-log-fence.ts). */
export async function writeFencedCaseLog(events: CaseLogEvent[], confirmationExpected: boolean): Promise<void> {
  const info = workflowInfo();
  const result = await local.recordFencedCaseEvents({ fence: currentFence(), events, run: { workflowId: info.workflowId, runId: info.runId }, confirmationExpected });
  // A newer attempt of this case has written: this one is stale and history will never keep it.
  // A plain Error fails the workflow task (not the case), so Temporal drops or retries the attempt.
  if (result.outcome === 'refused') {
    throw new Error(`Case log write of ${events[0]?.id ?? 'no event'} refused: a newer workflow task attempt (${JSON.stringify(result.recorded)}) has written this case's log.`);
  }
}
