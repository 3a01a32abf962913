// GET /api/insights/logs/:id/discovery: a process map mined from a kept log, as laid-out BPMN to open as a new draft.
import { DiscoveredProcessMap } from '../../../../../domain/insights/discovery/discover-process-map.ts';
import { apiGet } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export function useDiscoveredMap(logId: string) {
  return useApiQuery([...resourceKeys.insights, 'kept-logs', logId, 'discovery'], () => apiGet(`/api/insights/logs/${encodeURIComponent(logId)}/discovery`, DiscoveredProcessMap));
}
