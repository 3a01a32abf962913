// GET /api/cases/:caseId: the case, its live state from the workflow, its tasks and its timeline.
import { z } from 'zod';
import { apiGet } from '../../../shared/api/http.ts';
import { useResource } from '../../../shared/hooks/use-resource.ts';
import { CaseSummary } from './get-cases.ts';

export const CaseEvent = z.object({
  seq: z.number(),
  id: z.string(),
  kind: z.string(),
  nodeId: z.string().nullish(),
  taskId: z.string().nullish(),
  team: z.string().nullish(),
  actor: z.string().nullish(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()).nullish(),
});
export type CaseEvent = z.infer<typeof CaseEvent>;

export const CaseTask = z.object({
  id: z.string(),
  nodeId: z.string(),
  name: z.string(),
  team: z.string(),
  assignee: z.string().nullish(),
  status: z.string(),
  handoffFrom: z.string().nullish(),
  acceptBy: z.string().nullish(),
  acceptedAt: z.string().nullish(),
  dueAt: z.string().nullish(),
  createdAt: z.string(),
  completedAt: z.string().nullish(),
  completedBy: z.string().nullish(),
});
export type CaseTask = z.infer<typeof CaseTask>;

const LiveState = z.object({
  status: z.string(),
  ownerTeam: z.string().nullish(),
  timers: z.array(z.object({ timerId: z.string(), fireAt: z.string() })).default([]),
  waitingFor: z.array(z.object({ messageName: z.string(), correlationKey: z.string().nullish() })).default([]),
});

export const CaseDetail = z.object({
  case: CaseSummary,
  live: LiveState.nullish(),
  tasks: z.array(CaseTask),
  timeline: z.array(CaseEvent),
  ownership: z.array(CaseEvent),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export function getCase(caseId: string) {
  return apiGet(`/api/cases/${encodeURIComponent(caseId)}`, CaseDetail);
}

export function useCase(caseId: string) {
  return useResource(() => getCase(caseId), [caseId]);
}
