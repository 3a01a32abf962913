// A timer start event firing. The event's Temporal schedule (runtime/timer-start-schedules.ts)
// starts this workflow at each firing; it starts the case as an abandoned child, so the case
// outlives it, under a case id made from this firing's own workflow id: a firing repeated by the
// scheduler or replayed after a crash finds its case instead of starting a second one.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, startChild, workflowInfo } from '@temporalio/workflow';
import { caseWorkflowArgs, pinnedProcess, workflowIdForCase, type CaseView, type CaseWorkflowArgs, type CaseWorkflowInput } from './case-api.ts';

/** What the schedule passes: the case's input without its id, which each firing makes. */
export type TimerStartInput = Omit<CaseWorkflowInput, 'caseId' | 'carried'> & { startEventId: string };

/** The schedule's workflow id prefix; Temporal appends the firing's time to it. */
export const timerStartWorkflowIdPrefix = (definitionId: string, startEventId: string): string => `timer-start-${definitionId}-${startEventId}`;

export async function timerStartWorkflow(input: TimerStartInput): Promise<{ caseId: string }> {
  // `timer-start-referral-Start_weekly-2026-11-30T09:00:00Z` → a case id of the allowed characters.
  const caseId = workflowInfo().workflowId.replace(/[^A-Za-z0-9._-]/g, '');
  try {
    const started: CaseWorkflowInput = { ...input, caseId };
    await startChild<(...args: CaseWorkflowArgs) => Promise<CaseView>>('caseWorkflow', {
      workflowId: workflowIdForCase(caseId),
      taskQueue: workflowInfo().taskQueue,
      parentClosePolicy: ParentClosePolicy.ABANDON,
      // The IR as its own argument: one stored copy for every firing (the schedule holds it once).
      args: caseWorkflowArgs(started, pinnedProcess(started, undefined)),
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  return { caseId };
}
