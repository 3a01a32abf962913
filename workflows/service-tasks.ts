// Runs a service task as an activity with the step's retry policy, and turns a BPMN error from
// the handler into the engine event that lets error boundary events catch it.
import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { EngineCommand, EngineEvent } from '../domain/engine/contract.ts';
import type { ServiceTaskActivities } from '../activities/service-handlers/registry.ts';

type ScheduleActivity = Extract<EngineCommand, { type: 'scheduleActivity' }>;

const BPMN_ERROR_TYPE = 'BpmnError';

function activitiesFor(command: ScheduleActivity) {
  const retry = command.retry;
  return proxyActivities<ServiceTaskActivities>({
    startToCloseTimeout: '5 minutes',
    retry: {
      initialInterval: retry?.initialInterval ?? '1 second',
      backoffCoefficient: retry?.backoffCoefficient ?? 2,
      maximumInterval: retry?.maximumInterval ?? '5 minutes',
      maximumAttempts: retry?.maximumAttempts,
      nonRetryableErrorTypes: [BPMN_ERROR_TYPE, ...(retry?.nonRetryableErrors ?? [])],
    },
  });
}

export async function runServiceTask(caseId: string, command: ScheduleActivity): Promise<EngineEvent> {
  try {
    const output = await activitiesFor(command).runServiceTask({ caseId, taskId: command.taskId, handler: command.handler, input: command.input });
    return { type: 'activityCompleted', taskId: command.taskId, output };
  } catch (error) {
    if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) {
      const cause = error.cause;
      const errorCode = cause.type === BPMN_ERROR_TYPE ? String(cause.details?.[0] ?? '') : (cause.type ?? 'service-task-failed');
      return { type: 'activityFailed', taskId: command.taskId, errorCode, message: cause.message };
    }
    throw error;
  }
}
