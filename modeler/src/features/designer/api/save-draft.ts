// PUT /api/definitions/:id/draft: keeps work in progress on the server, unchecked and undeployed.
import { Draft, type DraftRequest } from '../../../../../domain/contract/definition.ts';
import { apiPut } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiMutation } from '../../../shared/hooks/use-api-mutation.ts';

/** The draft's body, and the process it is kept under (the path names it). */
export type DraftToSave = DraftRequest & { definitionId: string };

export function useSaveDraft() {
  // The list marks processes with a draft, and the draft itself is cached.
  return useApiMutation(({ definitionId, ...draft }: DraftToSave) => apiPut(`/api/definitions/${encodeURIComponent(definitionId)}/draft`, draft, Draft), {
    invalidates: [resourceKeys.definitions],
  });
}
