// The case workflow's public surface: its input, the Updates caseworkers drive it with, the
// Signals other systems send, and the Query for live state. The API and tests import these.
import { ApplicationFailure, defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CaseData, EngineCommand } from '../domain/engine/contract.ts';
import type { ProcessIR } from '../domain/process/ir.ts';

/** Who is acting, as established by the authenticated API; the workflow re-checks it. */
export interface Actor {
  userId: string;
  teams: string[];
  /** Teams this user leads (may reassign their tasks). */
  leadOf: string[];
  roles: string[];
}

export interface CaseWorkflowInput {
  caseId: string;
  definitionId: string;
  version: number;
  /** The hash of the compiled process the case is pinned to (absent in inputs recorded before it). */
  irHash?: string;
  /**
   * Only in inputs recorded before the IR became the workflow's second argument. As its own
   * payload the IR is claim-checked once per version (runtime/claim-check-codec.ts); inside this
   * input every case would store its own copy.
   */
  ir?: ProcessIR;
  data: CaseData;
  startedBy?: string;
  /**
   * The top-level start event the case begins at: a message start event when a message started
   * the case. Absent means the process's plain start event.
   */
  startEventId?: string;
  /** Set only by continue-as-new: everything needed to carry on where the last run stopped. */
  carried?: CarriedState;
}

/** Timers, message waits and the owning team travel inside `engine` (runs before 0.1.0 also carried copies). */
export interface CarriedState {
  engine: unknown;
  tasks: OpenTask[];
  logSeq: number;
}

type OpenUserTask = Extract<EngineCommand, { type: 'openUserTask' }>;

/** A user task as the workflow keeps it: what the engine opened, plus who holds it. */
export interface OpenTask extends Omit<OpenUserTask, 'type' | 'handoff'> {
  claimedBy?: string;
  handoff?: NonNullable<OpenUserTask['handoff']> & { acceptedBy?: string };
  createdAt: string;
}

export interface TaskAction {
  taskId: string;
  actor: Actor;
}

export interface CompleteTaskRequest extends TaskAction {
  data: CaseData;
}

export interface ReassignTaskRequest extends TaskAction {
  toUser?: string;
  toTeam?: string;
}

export interface CaseView {
  caseId: string;
  status: 'running' | 'completed' | 'terminated' | 'failed' | 'cancelled';
  ownerTeam?: string;
  tasks: OpenTask[];
  timers: { timerId: string; fireAt: string }[];
  waitingFor: { subscriptionId: string; messageName: string; correlationKey?: string }[];
  data: CaseData;
  /** The code of the uncaught BPMN error that failed the case, passed to a calling case. */
  errorCode?: string;
}

/** What a caseworker sees after acting: the case's state and the tasks that opened as a result. */
export interface NextSteps {
  status: CaseView['status'];
  opened: OpenTask[];
  ownerTeam?: string;
}

export interface IncomingMessage {
  messageId: string;
  messageName: string;
  correlationKey?: string;
  data: CaseData;
}

export const claimTaskUpdate = defineUpdate<NextSteps, [TaskAction]>('claimTask');
export const completeTaskUpdate = defineUpdate<NextSteps, [CompleteTaskRequest]>('completeTask');
export const returnTaskUpdate = defineUpdate<NextSteps, [TaskAction]>('returnTask');
export const reassignTaskUpdate = defineUpdate<NextSteps, [ReassignTaskRequest]>('reassignTask');
export const acceptHandoffUpdate = defineUpdate<NextSteps, [TaskAction]>('acceptHandoff');
/** Resolves once the case's first steps are in the projection: used to start a case and answer at once. */
export const startedUpdate = defineUpdate<NextSteps, []>('started');

export const messageSignal = defineSignal<[IncomingMessage]>('message');
export const cancelCaseSignal = defineSignal<[{ reason: string; actor?: string }]>('cancelCase');

export const caseViewQuery = defineQuery<CaseView>('caseView');

/** Stable codes of refused Updates; the API maps them to HTTP statuses. */
export const TaskRefusal = {
  notFound: 'task-not-found',
  notOpen: 'task-not-open',
  notAllowed: 'task-not-allowed',
  notClaimedByActor: 'task-not-claimed-by-you',
  alreadyClaimed: 'task-already-claimed',
  invalidForm: 'invalid-form-data',
  noHandoff: 'task-has-no-handoff',
} as const;

/** The case workflow's arguments: the input naming the version, then the version's IR. */
export type CaseWorkflowArgs = [input: CaseWorkflowInput, ir: ProcessIR];

export function caseWorkflowArgs(input: CaseWorkflowInput, ir: ProcessIR): CaseWorkflowArgs {
  const named = { ...input, irHash: ir.hash };
  delete named.ir;
  return [named, ir];
}

/** The process a case runs: its second argument, or inside the input of a case recorded before. */
export function pinnedProcess(input: CaseWorkflowInput, ir: ProcessIR | undefined): ProcessIR {
  const pinned = ir ?? input.ir;
  if (!pinned) throw ApplicationFailure.nonRetryable(`Case ${input.caseId} was started without version ${input.version} of process ${input.definitionId}.`, 'case-process-missing');
  return pinned;
}

export function workflowIdForCase(caseId: string): string {
  return `case-${caseId}`;
}
