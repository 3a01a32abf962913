// Starting and cancelling cases through Temporal. A case id is derived from an Idempotency-Key
// when one is given, so a retried start finds the case it already made instead of a second one.
import { createHash, randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { Database } from '../../storage/database.ts';
import { findDeployedVersion } from '../../storage/definition-store.ts';
import { validateFormData } from '../../domain/forms/validate-form-data.ts';
import { cancelCaseSignal, startedUpdate, workflowIdForCase, type NextSteps } from '../../workflows/case-api.ts';
import { notFound, Problem } from '../problems/problem.ts';

export interface CaseServiceDeps {
  db: Database;
  client: Client;
  taskQueue: string;
}

export interface StartCaseRequest {
  definitionId: string;
  version?: number;
  data: Record<string, unknown>;
  startedBy: string;
  idempotencyKey?: string;
}

export function caseIdFor(startedBy: string, idempotencyKey?: string): string {
  if (!idempotencyKey) return randomUUID();
  return createHash('sha256').update(`${startedBy}\u0000${idempotencyKey}`).digest('hex').slice(0, 32);
}

export async function startCase(deps: CaseServiceDeps, request: StartCaseRequest): Promise<{ caseId: string; version: number; next: NextSteps }> {
  const definition = await findDeployedVersion(deps.db, request.definitionId, request.version);
  if (!definition) throw notFound(`A deployed version of process ${request.definitionId}`);
  const main = definition.ir.mainProcessId;
  const startEvent = definition.ir.nodes.find((node) => node.kind === 'startEvent' && node.processId === main && !node.parentId);
  if (startEvent && startEvent.form.length > 0) {
    const validation = validateFormData(startEvent.form, request.data);
    if (!validation.ok) throw new Problem('invalid-form-data', `The case data does not fit the start form of ${definition.name}.`, validation.issues);
  }
  const caseId = caseIdFor(request.startedBy, request.idempotencyKey);
  const next = await deps.client.workflow.executeUpdateWithStart(startedUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation('caseWorkflow', {
      workflowId: workflowIdForCase(caseId),
      taskQueue: deps.taskQueue,
      workflowIdConflictPolicy: 'USE_EXISTING',
      args: [{ caseId, definitionId: definition.definitionId, version: definition.version, ir: definition.ir, data: request.data, startedBy: request.startedBy }],
    }),
  });
  return { caseId, version: definition.version, next };
}

export async function cancelCase(deps: CaseServiceDeps, caseId: string, reason: string, actor: string): Promise<void> {
  await deps.client.workflow.getHandle(workflowIdForCase(caseId)).signal(cancelCaseSignal, { reason, actor });
}
