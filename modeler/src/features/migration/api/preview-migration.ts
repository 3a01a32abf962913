// POST /api/definitions/:id/migrations/preview: what a plan would do to each running case. A POST
// because the plan is the body; it changes nothing, so no cached resource goes stale.
import { MigrationPreview, type MigrationPlan } from '../../../../../domain/contract/migration.ts';
import { apiPost } from '../../../shared/api/http.ts';
import { useApiMutation } from '../../../shared/hooks/use-api-mutation.ts';

export function usePreviewMigration(definitionId: string) {
  return useApiMutation((plan: MigrationPlan) => apiPost(`/api/definitions/${encodeURIComponent(definitionId)}/migrations/preview`, plan, MigrationPreview), { invalidates: [] });
}
