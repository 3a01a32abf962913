// A business outcome a service handler reports as a BPMN error, caught by error boundary events.
import { ApplicationFailure } from '@temporalio/common';

export const BPMN_ERROR_TYPE = 'BpmnError';

export function bpmnError(errorCode: string, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: BPMN_ERROR_TYPE, message, nonRetryable: true, details: [errorCode] });
}
