// GET /api/definitions/:id/versions/:version/bpmn: a deployed version's diagram, which the designer
// opens and diffs, a case page draws its progress on and Insights draws its heatmap on.
import { useApiQuery } from '../hooks/use-api-query.ts';
import { apiGetText } from './http.ts';
import { queryClient, resourceKeys } from './query-client.ts';

const versionBpmnKey = (definitionId: string, version: number) => [...resourceKeys.definitions, definitionId, 'versions', version, 'bpmn'];

function getVersionBpmn(definitionId: string, version: number): Promise<string> {
  return apiGetText(`/api/definitions/${encodeURIComponent(definitionId)}/versions/${version}/bpmn`);
}

/** A deployed version never changes, so its diagram is fetched once per session. */
export function useVersionBpmn(definitionId: string, version: number) {
  return useApiQuery(versionBpmnKey(definitionId, version), () => getVersionBpmn(definitionId, version), { staleTime: Infinity });
}

/** The same cached diagram for code that needs it outside a view (e.g. to diff two versions). */
export function fetchVersionBpmn(definitionId: string, version: number): Promise<string> {
  return queryClient.ensureQueryData({ queryKey: versionBpmnKey(definitionId, version), queryFn: () => getVersionBpmn(definitionId, version), staleTime: Infinity });
}
