// GET /api/definitions/:id/migrations: the migrations run on a process, to reopen one's outcome.
import { MigrationProgress } from '../../../../../domain/contract/migration.ts';
import { z } from 'zod';
import { apiGet } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

const MigrationList = z.object({ items: z.array(MigrationProgress) });

export function useMigrations(definitionId: string) {
  return useApiQuery([...resourceKeys.migrations, 'of', definitionId], () => apiGet(`/api/definitions/${encodeURIComponent(definitionId)}/migrations`, MigrationList));
}
