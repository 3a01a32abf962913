// GET /api/insights/at-risk: open cases that will miss a deadline (team leads see their teams' only).
import { AtRiskList, type AtRiskQuery } from '../../../../../domain/contract/insights.ts';
import { apiGet, query } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export function useAtRisk(definitionId: string, team: string | undefined) {
  const asked: AtRiskQuery = { definitionId, team };
  return useApiQuery([...resourceKeys.insights, 'at-risk', { definitionId, team }], () => apiGet(`/api/insights/at-risk${query(asked)}`, AtRiskList));
}
