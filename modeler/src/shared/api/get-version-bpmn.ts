// GET /api/definitions/:id/versions/:version/bpmn: a deployed version's diagram, which the designer
// opens and diffs, a case page draws its progress on and Insights draws its heatmap on.
import { useResource } from '../hooks/use-resource.ts';
import { apiGetText } from './http.ts';

export function getVersionBpmn(definitionId: string, version: number): Promise<string> {
  return apiGetText(`/api/definitions/${encodeURIComponent(definitionId)}/versions/${version}/bpmn`);
}

export function useVersionBpmn(definitionId: string, version: number) {
  return useResource(() => getVersionBpmn(definitionId, version), [definitionId, version]);
}
