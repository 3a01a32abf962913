// PUT /api/definitions/:id/draft: keeps work in progress on the server, unchecked and undeployed.
import { Draft } from '../../../../../domain/contract/definition.ts';
import { apiPut } from '../../../shared/api/http.ts';
import { invalidate, resourceKeys } from '../../../shared/api/query-client.ts';

export async function saveDraft(definitionId: string, draft: { name: string; xml: string; svg?: string }) {
  const saved = await apiPut(`/api/definitions/${encodeURIComponent(definitionId)}/draft`, draft, Draft);
  // The list marks processes with a draft, and the draft itself is cached.
  await invalidate(resourceKeys.definitions);
  return saved;
}
