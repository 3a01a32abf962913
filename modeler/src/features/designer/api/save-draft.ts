// PUT /api/definitions/:id/draft: keeps work in progress on the server, unchecked and undeployed.
import { apiPut } from '../../../shared/api/http.ts';
import { Draft } from './get-draft.ts';

export function saveDraft(definitionId: string, draft: { name: string; xml: string; svg?: string }) {
  return apiPut(`/api/definitions/${encodeURIComponent(definitionId)}/draft`, draft, Draft);
}
