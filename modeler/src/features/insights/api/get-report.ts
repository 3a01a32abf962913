// GET /api/insights/report: the bottleneck report of a process under the view's filters.
import { BottleneckReport } from '../../../../../domain/insights/report.ts';
import { apiGet, query } from '../../../shared/api/http.ts';
import { useResource } from '../../../shared/hooks/use-resource.ts';
import { reportQuery, type InsightsFilter } from '../lib/insights-filter.ts';

export function useReport(filter: InsightsFilter & { definitionId: string }) {
  const params = reportQuery(filter);
  return useResource(() => apiGet(`/api/insights/report${query(params)}`, BottleneckReport), [JSON.stringify(params)]);
}
