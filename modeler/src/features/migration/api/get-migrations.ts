// GET /api/definitions/:id/migrations: the migrations run on a process, to reopen one's outcome.
import { MigrationList } from '../../../../../domain/contract/migration.ts';
import { apiGet } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export function useMigrations(definitionId: string) {
  return useApiQuery([...resourceKeys.migrations, 'of', definitionId], () => apiGet(`/api/definitions/${encodeURIComponent(definitionId)}/migrations`, MigrationList));
}
