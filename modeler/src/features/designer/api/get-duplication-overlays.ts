// GET /api/duplication/definitions/:id: per element of a deployed process, the duplication
// clusters it belongs to and where else the same work is done (the Designer's overlays).
import { DefinitionDuplication, ElementDuplication } from '../../../../../domain/contract/duplication.ts';
import { apiGet } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export { DefinitionDuplication, ElementDuplication };

export function getDuplicationOverlays(definitionId: string) {
  return apiGet(`/api/duplication/definitions/${encodeURIComponent(definitionId)}`, DefinitionDuplication);
}

/** No process (a new diagram or a draft) has no overlays and asks the server nothing. */
export function useDefinitionDuplication(definitionId: string | undefined) {
  return useApiQuery([...resourceKeys.duplication, 'definitions', definitionId ?? ''], async (): Promise<DefinitionDuplication> =>
    definitionId ? getDuplicationOverlays(definitionId) : { definitionId: '', elements: {} },
  );
}
