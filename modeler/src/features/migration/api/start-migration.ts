// POST /api/definitions/:id/migrations: moves the cases onto the new version in batches on Temporal;
// answers 202 with the run's progress at once. The Idempotency-Key makes a retried click (or a
// reply lost on the way) start one migration, not two.
import { MigrationProgress, type MigrationPlan } from '../../../../../domain/contract/migration.ts';
import { apiPost } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiMutation } from '../../../shared/hooks/use-api-mutation.ts';

export interface StartMigrationRequest {
  plan: MigrationPlan;
  idempotencyKey: string;
}

export function useStartMigration(definitionId: string) {
  return useApiMutation(
    ({ plan, idempotencyKey }: StartMigrationRequest) => apiPost(`/api/definitions/${encodeURIComponent(definitionId)}/migrations`, plan, MigrationProgress, { idempotencyKey }),
    { invalidates: [resourceKeys.migrations] },
  );
}
