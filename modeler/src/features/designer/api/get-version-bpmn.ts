// GET /api/definitions/:id/versions/:version/bpmn: a deployed version's diagram, to open in the modeller.
import { apiGetText } from '../../../shared/api/http.ts';

export function getVersionBpmn(definitionId: string, version: number) {
  return apiGetText(`/api/definitions/${encodeURIComponent(definitionId)}/versions/${version}/bpmn`);
}
