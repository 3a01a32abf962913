// GET /api/definitions/:id/migration-plan?from=&to=: the mapping the server proposes from one
// version to another (same id, then same name and type), for the designer to check and edit.
import { MigrationProposal } from '../../../../../domain/contract/migration.ts';
import { apiGet, query } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

/** `enabled: false` until the view knows the two versions. */
export function useMigrationProposal(definitionId: string, from: number, to: number, { enabled = true }: { enabled?: boolean } = {}) {
  return useApiQuery(
    [...resourceKeys.definitions, definitionId, 'migration-plan', from, to],
    () => apiGet(`/api/definitions/${encodeURIComponent(definitionId)}/migration-plan${query({ from, to })}`, MigrationProposal),
    { enabled },
  );
}
