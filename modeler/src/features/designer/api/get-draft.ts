// GET /api/definitions/:id/draft: the saved draft, to reopen it in the modeller. Asked only for
// processes the list marks as having one (a missing draft is a 404).
import { Draft } from '../../../../../domain/contract/definition.ts';
import { apiGet } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export { Draft };

export function getDraft(definitionId: string) {
  return apiGet(`/api/definitions/${encodeURIComponent(definitionId)}/draft`, Draft);
}

export function useDraft(definitionId: string) {
  return useApiQuery([...resourceKeys.definitions, definitionId, 'draft'], () => getDraft(definitionId));
}
