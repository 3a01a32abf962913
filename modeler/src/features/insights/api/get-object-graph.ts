// GET /api/insights/logs/:id/object-graph: a kept OCEL log's object model, relations counted between object types and between activities and object types.
import { OcelObjectGraph } from '../../../../../domain/insights/ocel-objects.ts';
import { apiGet } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export function useObjectGraph(logId: string) {
  return useApiQuery([...resourceKeys.insights, 'object-graph', logId], () => apiGet(`/api/insights/logs/${encodeURIComponent(logId)}/object-graph`, OcelObjectGraph));
}
