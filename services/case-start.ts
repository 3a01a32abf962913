// Starting a case: the version and start event are found, the start is checked (who may start the
// process, the start form) and the case workflow is started through Temporal. A refused start is a
// value with a stable code, never an HTTP problem: api/ words it, and nothing was started or written.
import { createHash, randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Database } from '../storage/database.ts';
import { deployedVersion } from './definitions.ts';
import { validateFormData, type FormIssue } from '../domain/forms/validate-form-data.ts';
import { startingTeams } from '../domain/process/starters.ts';
import type { ProcessIR } from '../domain/process/ir.ts';
import type { StartedCase } from '../domain/contract/case-record.ts';
import { confirmAnswered } from './case-log-confirm.ts';
import { caseViewQuery, caseWorkflowArgs, startedUpdate, workflowIdForCase, type CaseWorkflowInput } from '../workflows/case-api.ts';

export interface CaseStartDeps {
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
   * Set when a person starts the case through the API. The access policy answers whether they may
   * start a process these teams start (api/ decides who may; this service only asks), and they are
   * held to the start form (no form, no data), so nobody seeds data a later gateway reads. Absent
   * for starts Casemap makes itself (messages, timers, the demo load).
   */
  person?: { mayStart(startingTeams: readonly string[]): boolean };
}

/** Why a start was refused, with what the answer needs to name the value at fault. */
export type StartRefusal =
  | { readonly code: 'version-not-deployed'; readonly definitionId: string }
  | { readonly code: 'start-event-not-found'; readonly definitionId: string; readonly startEventId: string }
  | { readonly code: 'not-a-starting-team'; readonly processName: string; readonly startingTeams: readonly string[] }
  | { readonly code: 'start-takes-no-data'; readonly processName: string; readonly fields: readonly string[] }
  | { readonly code: 'start-data-invalid'; readonly processName: string; readonly issues: readonly FormIssue[] };
export type StartRefusalCode = StartRefusal['code'];

/** A start checked and ready to send: the case id, the workflow input and the version's IR. */
export interface PreparedStart {
  caseId: string;
  version: number;
  input: CaseWorkflowInput;
  ir: ProcessIR;
}

export type StartCheck = { ok: true; start: PreparedStart } | { ok: false; refusal: StartRefusal };
export type StartOutcome = { ok: true; started: StartedCase } | { ok: false; refusal: StartRefusal };

/** A retried start with the same Idempotency-Key (from the same starter) names the same case. */
export function caseIdFor(startedBy: string, idempotencyKey?: string): string {
  if (!idempotencyKey) return randomUUID();
  return createHash('sha256').update(`${startedBy}\u0000${idempotencyKey}`).digest('hex').slice(0, 32);
}

/** Finds the version and checks the start; changes nothing. */
export async function prepareStart(db: Database, request: StartCaseRequest): Promise<StartCheck> {
  const refuse = (refusal: StartRefusal): StartCheck => ({ ok: false, refusal });
  const definition = await deployedVersion(db, request.definitionId, request.version);
  if (!definition) return refuse({ code: 'version-not-deployed', definitionId: request.definitionId });
  const main = definition.ir.mainProcessId;
  const starts = definition.ir.nodes.filter((node) => node.kind === 'startEvent' && node.processId === main && !node.parentId);
  // The same choice the engine makes: the named start event, else the plain one, else the first.
  const startEvent = request.startEventId
    ? starts.find((node) => node.id === request.startEventId)
    : (starts.find((node) => !node.trigger || node.trigger.type === 'none') ?? starts[0]);
  if (request.startEventId && !startEvent) return refuse({ code: 'start-event-not-found', definitionId: request.definitionId, startEventId: request.startEventId });
  if (request.person) {
    const teams = startingTeams(definition.ir, startEvent);
    if (!request.person.mayStart(teams)) return refuse({ code: 'not-a-starting-team', processName: definition.name, startingTeams: teams });
    const fields = Object.keys(request.data);
    if ((!startEvent || startEvent.form.length === 0) && fields.length > 0) return refuse({ code: 'start-takes-no-data', processName: definition.name, fields });
  }
  if (startEvent && startEvent.form.length > 0) {
    const validation = validateFormData(startEvent.form, request.data);
    if (!validation.ok) return refuse({ code: 'start-data-invalid', processName: definition.name, issues: validation.issues });
  }
  const caseId = caseIdFor(request.startedBy, request.idempotencyKey);
  const input: CaseWorkflowInput = {
    caseId,
    definitionId: definition.definitionId,
    version: definition.version,
    data: request.data,
    startedBy: request.startedBy,
    ...(request.startEventId ? { startEventId: request.startEventId } : {}),
  };
  return { ok: true, start: { caseId, version: definition.version, input, ir: definition.ir } };
}

/**
 * Starts a prepared case, or finds it running when it was started before (the same case id).
 * Temporal being unreachable is not a refusal: it throws, and nothing was started.
 */
export async function startPrepared(deps: CaseStartDeps, prepared: PreparedStart): Promise<StartedCase> {
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
    // The answer comes once the first steps are written and their task recorded: confirm them, so the
    // starter's inbox shows the first task as soon as the start answers.
    return { caseId: prepared.caseId, version: prepared.version, next: await confirmAnswered(deps.db, prepared.caseId, next) };
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    const view = await deps.client.workflow.getHandle(workflowId).query(caseViewQuery);
    return { caseId: prepared.caseId, version: prepared.version, next: { status: view.status, opened: view.tasks, ...(view.ownerTeam ? { ownerTeam: view.ownerTeam } : {}) } };
  }
}

export async function startCase(deps: CaseStartDeps, request: StartCaseRequest): Promise<StartOutcome> {
  const checked = await prepareStart(deps.db, request);
  return checked.ok ? { ok: true, started: await startPrepared(deps, checked.start) } : checked;
}

/**
 * A start Casemap makes itself (the demo load, benchmarks), with data it wrote: a refusal there is
 * a fault in the caller, not an answer for anyone, so it throws.
 */
export async function startOwnCase(deps: CaseStartDeps, request: Omit<StartCaseRequest, 'person'>): Promise<StartedCase> {
  const outcome = await startCase(deps, request);
  if (!outcome.ok) throw new Error(`Casemap's own start of a ${request.definitionId} case was refused: ${JSON.stringify(outcome.refusal)}`);
  return outcome.started;
}
