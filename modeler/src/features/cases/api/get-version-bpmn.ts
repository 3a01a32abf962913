// GET /api/definitions/:id/versions/:version/bpmn: the diagram a case runs on.
import { apiGetText } from '../../../shared/api/http.ts';
import { useResource } from '../../../shared/hooks/use-resource.ts';

export function getVersionBpmn(definitionId: string, version: number) {
  return apiGetText(`/api/definitions/${encodeURIComponent(definitionId)}/versions/${version}/bpmn`);
}

export function useVersionBpmn(definitionId: string, version: number) {
  return useResource(() => getVersionBpmn(definitionId, version), [definitionId, version]);
}
