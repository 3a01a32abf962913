// GET /api/insights/report: the bottleneck report of a process under the view's filters.
import { BottleneckReport } from '../../../../../domain/contract/insights.ts';
import { apiGet, query } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';
import { reportQuery, type InsightsFilter } from '../lib/insights-filter.ts';

export function useReport(filter: InsightsFilter & { definitionId: string }) {
  const params = reportQuery(filter);
  return useApiQuery([...resourceKeys.insights, 'report', params], () => apiGet(`/api/insights/report${query(params)}`, BottleneckReport));
}
