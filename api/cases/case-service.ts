// Starting and cancelling cases through Temporal. A case id is derived from an Idempotency-Key
// when one is given, so a retried start finds the case it already made instead of a second one.
import { createHash, randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Database } from '../../services/database.ts';
import { deployedVersion } from '../../services/definitions.ts';
import { validateFormData } from '../../domain/forms/validate-form-data.ts';
import { cancelCaseSignal, caseViewQuery, caseWorkflowArgs, startedUpdate, workflowIdForCase, type CaseWorkflowInput, type NextSteps } from '../../workflows/case-api.ts';
import type { ProcessIR } from '../../domain/process/ir.ts';
import type { UserRecord } from '../../services/accounts.ts';
import { checkStart } from '../access/access-policy.ts';
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
  /** Begin at this top-level start event (a message start); the plain start event otherwise. */
  startEventId?: string;
  /**
   * The person starting the case through the API: checked against the process's starting teams,
   * and held to its start form (no form, no data), so nobody seeds data a later gateway reads.
   * Absent for starts Casemap makes itself (messages, timers, the demo load).
   */
  person?: UserRecord;
}

export function caseIdFor(startedBy: string, idempotencyKey?: string): string {
  if (!idempotencyKey) return randomUUID();
  return createHash('sha256').update(`${startedBy}\u0000${idempotencyKey}`).digest('hex').slice(0, 32);
}

/** A start checked and ready to send: the case id, the workflow input and the version's IR. */
export interface PreparedStart {
  caseId: string;
  version: number;
  input: CaseWorkflowInput;
  ir: ProcessIR;
}

/** Finds the version and checks the data against its start form; throws a 4xx problem, changes nothing. */
export async function prepareStart(deps: Pick<CaseServiceDeps, 'db'>, request: StartCaseRequest): Promise<PreparedStart> {
  const definition = await deployedVersion(deps.db, request.definitionId, request.version);
  if (!definition) throw notFound(`A deployed version of process ${request.definitionId}`);
  const main = definition.ir.mainProcessId;
  const starts = definition.ir.nodes.filter((node) => node.kind === 'startEvent' && node.processId === main && !node.parentId);
  // The same choice the engine makes: the named start event, else the plain one, else the first.
  const startEvent = request.startEventId
    ? starts.find((node) => node.id === request.startEventId)
    : (starts.find((node) => !node.trigger || node.trigger.type === 'none') ?? starts[0]);
  if (request.startEventId && !startEvent) throw notFound(`Start event ${request.startEventId} of process ${request.definitionId}`);
  if (request.person) {
    checkStart(request.person, definition, startEvent);
    const keys = Object.keys(request.data);
    if ((!startEvent || startEvent.form.length === 0) && keys.length > 0) {
      throw new Problem('invalid-form-data', `${definition.name} has no start form, so a case of it starts with no data.`, keys.map((key) => ({ field: key, message: 'The start event has no form field of this name' })));
    }
  }
  if (startEvent && startEvent.form.length > 0) {
    const validation = validateFormData(startEvent.form, request.data);
    if (!validation.ok) throw new Problem('invalid-form-data', `The case data does not fit the start form of ${definition.name}.`, validation.issues);
  }
  const caseId = caseIdFor(request.startedBy, request.idempotencyKey);
  return {
    caseId,
    version: definition.version,
    input: {
      caseId,
      definitionId: definition.definitionId,
      version: definition.version,
      data: request.data,
      startedBy: request.startedBy,
      ...(request.startEventId ? { startEventId: request.startEventId } : {}),
    },
    ir: definition.ir,
  };
}

/** Starts a prepared case, or finds it running when it was started before (the same case id). */
export async function startPrepared(deps: CaseServiceDeps, prepared: PreparedStart): Promise<{ caseId: string; version: number; next: NextSteps }> {
  const workflowId = workflowIdForCase(prepared.caseId);
  try {
    const next = await deps.client.workflow.executeUpdateWithStart(startedUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation('caseWorkflow', {
        workflowId,
        taskQueue: deps.taskQueue,
        // A running case with this id is the one a retried start made; a closed one must not be
        // started again (that would be a second case under the same id).
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        // The IR travels as its own argument, so the claim-check codec stores it once per version.
        args: caseWorkflowArgs(prepared.input, prepared.ir),
      }),
    });
    return { caseId: prepared.caseId, version: prepared.version, next };
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    const view = await deps.client.workflow.getHandle(workflowId).query(caseViewQuery);
    return { caseId: prepared.caseId, version: prepared.version, next: { status: view.status, opened: view.tasks, ...(view.ownerTeam ? { ownerTeam: view.ownerTeam } : {}) } };
  }
}

export async function startCase(deps: CaseServiceDeps, request: StartCaseRequest): Promise<{ caseId: string; version: number; next: NextSteps }> {
  return startPrepared(deps, await prepareStart(deps, request));
}

export async function cancelCase(deps: CaseServiceDeps, caseId: string, reason: string, actor: string): Promise<void> {
  await deps.client.workflow.getHandle(workflowIdForCase(caseId)).signal(cancelCaseSignal, { reason, actor });
}
