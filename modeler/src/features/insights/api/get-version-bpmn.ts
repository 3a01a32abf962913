// GET /api/definitions/:id/versions/:version/bpmn: the diagram the heatmap is drawn on.
import { apiGetText } from '../../../shared/api/http.ts';
import { useResource } from '../../../shared/hooks/use-resource.ts';

export function useVersionBpmn(definitionId: string, version: number) {
  return useResource(() => apiGetText(`/api/definitions/${encodeURIComponent(definitionId)}/versions/${version}/bpmn`), [definitionId, version]);
}
