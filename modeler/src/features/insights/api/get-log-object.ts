// GET /api/insights/logs/:id/objects/:objectId: one object of a kept OCEL log, with its attribute history, relations and events.
import { OcelObjectDetail } from '../../../../../domain/insights/ocel-objects.ts';
import { apiGet } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export function useLogObject(logId: string, objectId: string) {
  return useApiQuery([...resourceKeys.insights, 'object', logId, objectId], () => apiGet(`/api/insights/logs/${encodeURIComponent(logId)}/objects/${encodeURIComponent(objectId)}`, OcelObjectDetail));
}
