// Call activities: the called process runs as a child case workflow on its latest deployed version.
import { ChildWorkflowFailure, executeChild, workflowInfo } from '@temporalio/workflow';
import type { EngineCommand, EngineEvent } from '../domain/engine/contract.ts';
import type { ProjectionActivities } from '../activities/projection-activities.ts';
import { caseWorkflowArgs, workflowIdForCase, type CaseView, type CaseWorkflowArgs, type CaseWorkflowInput } from './case-api.ts';

type StartChildCase = Extract<EngineCommand, { type: 'startChildCase' }>;

export async function runChildCase(parent: CaseWorkflowInput, command: StartChildCase, projection: ProjectionActivities): Promise<EngineEvent> {
  const called = await projection.resolveCalledDefinition(command.calledElement);
  if (!called) return { type: 'childCaseFailed', childId: command.childId, reason: `No deployed process "${command.calledElement}" to call.` };
  const childCaseId = `${parent.caseId}.${command.childId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  try {
    const result = await executeChild<(...args: CaseWorkflowArgs) => Promise<CaseView>>('caseWorkflow', {
      workflowId: workflowIdForCase(childCaseId),
      taskQueue: workflowInfo().taskQueue,
      args: caseWorkflowArgs({ caseId: childCaseId, definitionId: called.definitionId, version: called.version, data: command.input, startedBy: parent.startedBy }, called.ir),
    });
    if (result.status !== 'completed') {
      // A child ended by an uncaught error end passes its code on, so the call activity's boundary
      // naming that code catches it (a child recorded before codes were passed has none: catch-all).
      const coded = result.errorCode === undefined ? {} : { errorCode: result.errorCode };
      return { type: 'childCaseFailed', childId: command.childId, reason: `Called case ended ${result.status}.`, ...coded };
    }
    return { type: 'childCaseCompleted', childId: command.childId, data: result.data };
  } catch (error) {
    if (error instanceof ChildWorkflowFailure) return { type: 'childCaseFailed', childId: command.childId, reason: error.message };
    throw error;
  }
}
