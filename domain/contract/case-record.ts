// A case as the API lists and shows it: the projection's row (with how much of it the reader may
// see), its event log, the case page, and what starting, searching and cancelling cases take and answer.
import { z } from 'zod';
import { DataFilters } from './case-data-filter.ts';
import { BodyVersionNumber, DataRecord, DefinitionId, Instant, Page } from './request-fields.ts';
import { CaseLogEventKind } from '../events/case-log-event.ts';
import { CaseData } from './case-data.ts';
import { CaseStatus } from './case-status.ts';
import { CaseView } from './case-view.ts';
import { NextSteps, TaskRecord } from './task.ts';

/**
 * How much of a case the reader may see: all of it, or a summary (that it exists, where it is, who
 * owns it) for a team that once held one of its tasks. A summary has empty data and no owner user.
 */
export const CaseAccess = z.enum(['full', 'summary']);
export type CaseAccess = z.infer<typeof CaseAccess>;

export const CaseRecord = z.object({
  id: z.string(),
  definitionId: z.string(),
  version: z.number().int(),
  workflowId: z.string(),
  status: CaseStatus,
  ownerTeam: z.string().nullable(),
  ownerUser: z.string().nullable(),
  data: CaseData,
  startedBy: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  updatedAt: z.string(),
  access: CaseAccess,
});
export type CaseRecord = z.infer<typeof CaseRecord>;

/** One page of a case search. */
export const CasePage = z.object({ items: z.array(CaseRecord), total: z.number().int() });
export type CasePage = z.infer<typeof CasePage>;

/** One entry of a case's event log as the API shows it. */
export const CaseEvent = z.object({
  seq: z.number().int(),
  id: z.string(),
  kind: CaseLogEventKind,
  nodeId: z.string().nullable(),
  taskId: z.string().nullable(),
  team: z.string().nullable(),
  actor: z.string().nullable(),
  at: z.string(),
  data: CaseData,
});
export type CaseEvent = z.infer<typeof CaseEvent>;

export const CaseEventList = z.object({ items: z.array(CaseEvent) });
export type CaseEventList = z.infer<typeof CaseEventList>;

/** The case page: projection, live state (null when the history was archived or for a summary), tasks, timeline and ownership chain. */
export const CaseDetail = z.object({
  case: CaseRecord,
  access: CaseAccess,
  live: CaseView.nullable(),
  tasks: z.array(TaskRecord),
  timeline: z.array(CaseEvent),
  ownership: z.array(CaseEvent),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** What starting a case answers: its id, the version it runs and its first steps. */
export const StartedCase = z.object({ caseId: z.string(), version: z.number().int(), next: NextSteps });
export type StartedCase = z.infer<typeof StartedCase>;

/** Cancelling is asynchronous: the workflow cancels its open work, then the case ends. */
export const CancellingCase = z.object({ caseId: z.string(), status: z.literal('cancelling') });
export type CancellingCase = z.infer<typeof CancellingCase>;

export const StartCaseBody = z.object({ definitionId: DefinitionId, version: BodyVersionNumber.optional(), data: DataRecord.default({}) }).strict();
export type StartCaseBody = z.input<typeof StartCaseBody>;

/** The statuses a case search filters by (a case's own status, as its workflow reports it). */
export const CaseSearchStatus = z.enum(['running', 'completed', 'failed', 'cancelled', 'terminated']);
export type CaseSearchStatus = z.infer<typeof CaseSearchStatus>;

export const CaseSearchQuery = z
  .object({
    definitionId: DefinitionId.optional(),
    status: CaseSearchStatus.optional(),
    ownerTeam: z.string().max(200).optional(),
    ownerUser: z.string().max(200).optional(),
    data: DataFilters.optional(),
    dueBefore: Instant.optional(),
    sort: z.enum(['updated', 'started', 'due']).default('updated'),
    ...Page,
  })
  .strict();
export type CaseSearchQuery = z.input<typeof CaseSearchQuery>;

export const CancelCaseBody = z.object({ reason: z.string().min(1).max(2000) }).strict();
export type CancelCaseBody = z.input<typeof CancelCaseBody>;
