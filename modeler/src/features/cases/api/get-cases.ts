// GET /api/cases: case search by process, status and owning team.
import { CasePage, CaseRecord as CaseSummary, CaseSearchStatus, type CaseSearchQuery } from '../../../../../domain/contract/case-record.ts';
import { apiGet, query } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export { CaseSummary, CaseSearchStatus };

/** The part of case search this page offers; the page size is fixed. */
export type CaseFilter = Pick<CaseSearchQuery, 'definitionId' | 'status' | 'ownerTeam' | 'offset'>;

export const CASE_PAGE_SIZE = 25;

export function getCases(filter: CaseFilter) {
  return apiGet(`/api/cases${query({ ...filter, limit: CASE_PAGE_SIZE })}`, CasePage);
}

export function useCases(filter: CaseFilter) {
  return useApiQuery([...resourceKeys.cases, 'search', { definitionId: filter.definitionId, status: filter.status, ownerTeam: filter.ownerTeam, offset: filter.offset }], () => getCases(filter));
}
