// GET /api/migrations/:migrationId: a migration's progress, fetched again every second until it
// has completed.
import { MigrationProgress } from '../../../../../domain/contract/migration.ts';
import { apiGet } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

const POLL_MS = 1000;

export function useMigrationProgress(migrationId: string) {
  return useApiQuery([...resourceKeys.migrations, 'run', migrationId], () => apiGet(`/api/migrations/${encodeURIComponent(migrationId)}`, MigrationProgress), {
    pollEvery: (latest) => (latest?.status === 'completed' ? false : POLL_MS),
  });
}
