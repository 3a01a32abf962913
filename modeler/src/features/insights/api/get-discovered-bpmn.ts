// GET /api/insights/logs/:id/discovery: the process map discovered from a kept log, for analysts without the Designer to download as BPMN.
import { DiscoveredProcessMap } from '../../../../../domain/insights/discovery/discover-process-map.ts';
import { apiGet } from '../../../shared/api/http.ts';

export function getDiscoveredMap(logId: string) {
  return apiGet(`/api/insights/logs/${encodeURIComponent(logId)}/discovery`, DiscoveredProcessMap);
}
