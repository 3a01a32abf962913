// Runs a service task as an activity with the step's retry policy, and turns a BPMN error from
// the handler into the engine event that lets error boundary events catch it.
import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { EngineCommand, EngineEvent } from '../domain/engine/contract.ts';
import { durationMs } from '../domain/time/elapsed-time.ts';
import type { ServiceTaskActivities } from '../activities/service-handlers/registry.ts';

type ScheduleActivity = Extract<EngineCommand, { type: 'scheduleActivity' }>;

const BPMN_ERROR_TYPE = 'BpmnError';

/**
 * A worker that dies mid-call stops heartbeating (activities/service-handlers/registry.ts beats
 * every second), so the attempt is retried after this, not after the whole attempt's time. Each
 * handler limits its own attempt in the registry; the start-to-close ceiling only catches a worker
 * that keeps beating for a handler that never returns past its limit.
 */
const SERVICE_HEARTBEAT_TIMEOUT = '10 seconds';
const SERVICE_ATTEMPT_CEILING = '1 hour';

function intervalMs(text: string | undefined): number | undefined {
  return text === undefined ? undefined : durationMs(text);
}

function activitiesFor(command: ScheduleActivity) {
  const retry = command.retry;
  return proxyActivities<ServiceTaskActivities>({
    startToCloseTimeout: SERVICE_ATTEMPT_CEILING,
    heartbeatTimeout: SERVICE_HEARTBEAT_TIMEOUT,
    retry: {
      // The diagram writes ISO 8601 (PT30S); Temporal reads milliseconds or its own "30 seconds".
      initialInterval: intervalMs(retry?.initialInterval) ?? '1 second',
      backoffCoefficient: retry?.backoffCoefficient ?? 2,
      maximumInterval: intervalMs(retry?.maximumInterval) ?? '5 minutes',
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
