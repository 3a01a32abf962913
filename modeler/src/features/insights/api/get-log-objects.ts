// GET /api/insights/logs/:id/objects: a page of a kept OCEL log's objects, of one type and with ids holding `q` if asked.
import { OcelObjectPage } from '../../../../../domain/insights/ocel-objects.ts';
import type { LogObjectsQuery } from '../../../../../domain/contract/insights.ts';
import { apiGet, query } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export function useLogObjects(logId: string, filter: LogObjectsQuery) {
  return useApiQuery([...resourceKeys.insights, 'objects', logId, filter], () => apiGet(`/api/insights/logs/${encodeURIComponent(logId)}/objects${query({ ...filter })}`, OcelObjectPage));
}
