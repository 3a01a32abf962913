// The case workflow's public surface: its input, the Updates caseworkers drive it with, the
// Signals other systems send, and the Query for live state. The API and tests import these.
import { ApplicationFailure, defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CaseData } from '../domain/engine/contract.ts';
import type { EngineState } from '../domain/engine/engine-state.ts';
import type { ProcessIR } from '../domain/process/ir.ts';
import type { CaseView } from '../domain/contract/case-view.ts';
import type { CompleteTaskRequest, NextSteps, OpenTask, ReassignTaskRequest, TaskAction } from '../domain/contract/task.ts';
import type { CaseMigrationPreview, ElementMapping } from '../domain/contract/migration.ts';

// The shapes that cross the workflow's boundary are declared once, in domain/contract.
export type { Actor, CompleteTaskRequest, NextSteps, OpenTask, ReassignTaskRequest, TaskAction } from '../domain/contract/task.ts';
export type { CaseView } from '../domain/contract/case-view.ts';

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
  carried?: CarriedState | LegacyCarriedState;
  /** Migrations already applied to the case (docs/migration.md), carried so a repeated request is answered, not applied twice. */
  migrations?: string[];
}

/** The engine holds the whole case (tokens, open tasks, timers, waits, data); the log's numbering goes beside it. */
export interface CarriedState {
  engine: EngineState;
  logSeq: number;
}

/**
 * What runs carried before the engine owned open tasks: the shell's own copy of them (who had
 * claimed each, its form, a team it was reassigned to, who accepted its handoff). Still read, so
 * such a run resumes (workflows/carried-state.ts).
 */
export interface LegacyCarriedState {
  engine: unknown;
  tasks: OpenTask[];
  logSeq: number;
}

export interface IncomingMessage {
  messageId: string;
  messageName: string;
  correlationKey?: string;
  data: CaseData;
}

/** A broadcast signal as a case receives it; every delivery of one broadcast carries the same `broadcastId`. */
export interface IncomingSignal {
  broadcastId: string;
  signalName: string;
  data: CaseData;
}

/** What a signal broadcast workflow is started with (workflows/signal-broadcast-workflow.ts). */
export interface SignalBroadcastInput {
  broadcastId: string;
  signalName: string;
  data: CaseData;
  /** Who broadcast it through the API, the starter of any case it starts; absent for a signal a case throws. */
  sentBy?: string;
  /** Set by continue-as-new: the last case id already handled, and how many cases were signalled. */
  after?: string;
  signalled?: number;
}

export interface SignalBroadcastResult {
  broadcastId: string;
  signalName: string;
  /** Cases the signal was delivered to (a case closed meanwhile is not counted). */
  signalled: number;
  /** What the broadcast did at top-level signal start events, once the waiting cases had it. */
  starts: SignalStarts;
}

/** The cases a broadcast started, one per process with a signal start for its name, and the starts refused. */
export interface SignalStarts {
  startedCases: { caseId: string; definitionId: string; version: number }[];
  /** A start whose form refused the broadcast's data: nothing was started for that process. */
  refusedStarts: { definitionId: string; startEventId: string; refusal: { readonly code: string } }[];
}

export const claimTaskUpdate = defineUpdate<NextSteps, [TaskAction]>('claimTask');
export const completeTaskUpdate = defineUpdate<NextSteps, [CompleteTaskRequest]>('completeTask');
export const returnTaskUpdate = defineUpdate<NextSteps, [TaskAction]>('returnTask');
export const reassignTaskUpdate = defineUpdate<NextSteps, [ReassignTaskRequest]>('reassignTask');
export const acceptHandoffUpdate = defineUpdate<NextSteps, [TaskAction]>('acceptHandoff');
/** Resolves once the case's first steps are in the projection: used to start a case and answer at once. */
export const startedUpdate = defineUpdate<NextSteps, []>('started');

export const messageSignal = defineSignal<[IncomingMessage]>('message');
export const bpmnSignal = defineSignal<[IncomingSignal]>('bpmnSignal');
export const cancelCaseSignal = defineSignal<[{ reason: string; actor?: string }]>('cancelCase');

export const caseViewQuery = defineQuery<CaseView>('caseView');

/** Moves the case to another version of its process under a migration plan (docs/migration.md). */
export interface MigrateCaseRequest {
  migrationId: string;
  definitionId: string;
  fromVersion: number;
  toVersion: number;
  mappings: ElementMapping[];
  /** Who started the migration, for the case log. */
  actor: string;
}

export interface CaseMigrated {
  caseId: string;
  fromVersion: number;
  toVersion: number;
  preview: CaseMigrationPreview;
  /** The case had already been moved by this migration: nothing was done again. */
  alreadyMigrated?: boolean;
  /** The case log position written when it answered, confirmed by whoever has the answer (docs/architecture.md, "Record"). */
  logPosition?: number;
}

/** The new version's IR is its own argument, so the claim-check codec stores it once per version. */
export const migrateCaseUpdate = defineUpdate<CaseMigrated, [MigrateCaseRequest, ProcessIR]>('migrateCase');

/** The engine's state and the version it runs: what a migration preview reads. Never shown to people (it holds case data). */
export interface CaseEngineSnapshot {
  definitionId: string;
  version: number;
  engine: EngineState;
}
export const engineStateQuery = defineQuery<CaseEngineSnapshot>('engineState');

/** The failure type of a refused migration; its first detail is `{ refusals: MigrationRefusal[] }`. */
export const MIGRATION_REFUSED = 'case-migration-refused';

/** Stable codes of refused Updates (the one refusal vocabulary, shared with the API). */
export { TaskRefusal } from '../domain/contract/task-refusal-code.ts';

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

/** One workflow per broadcast, so a broadcast asked for twice (a replayed throw, a resent request) runs once. */
export function workflowIdForBroadcast(broadcastId: string): string {
  return `signal-broadcast-${broadcastId}`;
}
