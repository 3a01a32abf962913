// GET /api/cases: case search by process, status and owning team.
import { z } from 'zod';
import { apiGet, query } from '../../../shared/api/http.ts';
import { useResource } from '../../../shared/hooks/use-resource.ts';

export const CaseSummary = z.object({
  id: z.string(),
  definitionId: z.string(),
  version: z.number(),
  status: z.string(),
  ownerTeam: z.string().nullish(),
  ownerUser: z.string().nullish(),
  data: z.record(z.string(), z.unknown()).nullish(),
  startedAt: z.string(),
  updatedAt: z.string().nullish(),
  endedAt: z.string().nullish(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

const CaseList = z.object({ items: z.array(CaseSummary), total: z.number() });

export interface CaseFilter {
  definitionId?: string;
  status?: string;
  ownerTeam?: string;
  offset?: number;
}

export const CASE_PAGE_SIZE = 25;

export function getCases(filter: CaseFilter) {
  return apiGet(`/api/cases${query({ ...filter, limit: CASE_PAGE_SIZE })}`, CaseList);
}

export function useCases(filter: CaseFilter) {
  return useResource(() => getCases(filter), [filter.definitionId, filter.status, filter.ownerTeam, filter.offset]);
}
