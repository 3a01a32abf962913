// PUT /api/definitions/:id/draft: keeps work in progress on the server, unchecked and undeployed.
import { Draft } from '../../../../../domain/contract/definition.ts';
import { apiPut } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiMutation } from '../../../shared/hooks/use-api-mutation.ts';

export type DraftToSave = { definitionId: string; name: string; xml: string; svg?: string };

export function useSaveDraft() {
  // The list marks processes with a draft, and the draft itself is cached.
  return useApiMutation(({ definitionId, ...draft }: DraftToSave) => apiPut(`/api/definitions/${encodeURIComponent(definitionId)}/draft`, draft, Draft), {
    invalidates: [resourceKeys.definitions],
  });
}
