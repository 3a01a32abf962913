// Service-task handlers by the name a diagram gives them (`casework:handler`). Handlers talk to
// systems outside Casemap; each must be idempotent on (caseId, taskId) because activities retry.
import { ApplicationFailure } from '@temporalio/common';
import type { CaseData } from '../../domain/engine/contract.ts';

export interface ServiceTaskRequest {
  caseId: string;
  taskId: string;
  handler: string;
  input: CaseData;
}

export type ServiceHandler = (request: ServiceTaskRequest) => Promise<CaseData>;

export function createServiceTaskActivities(handlers: Record<string, ServiceHandler>) {
  const registry = new Map(Object.entries(handlers));
  return {
    async runServiceTask(request: ServiceTaskRequest): Promise<CaseData> {
      const handler = registry.get(request.handler) ?? (request.handler.startsWith('send-message:') ? registry.get('send-message') : undefined);
      if (!handler) {
        throw ApplicationFailure.create({
          type: 'UnknownServiceHandler',
          nonRetryable: true,
          message: `No service handler named "${request.handler}" is registered on this worker (known: ${[...registry.keys()].join(', ') || 'none'}).`,
        });
      }
      return handler(request);
    },
  };
}

export type ServiceTaskActivities = ReturnType<typeof createServiceTaskActivities>;
