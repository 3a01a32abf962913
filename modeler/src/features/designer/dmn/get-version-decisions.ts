// GET /api/definitions/:id/versions/:version, read for the DMN deployed with that version (kept in
// its compiled process), so the Decisions panel opens the tables the version runs.
import { DeployedVersion } from '../../../../../domain/contract/definition.ts';
import { apiGet } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

/** The version's DMN XML, or null when it was deployed without decisions. */
export function useVersionDecisions(definitionId: string, version: number | undefined) {
  return useApiQuery(
    [...resourceKeys.definitions, definitionId, 'versions', version ?? 0, 'decisions'],
    async () => {
      const found = await apiGet(`/api/definitions/${encodeURIComponent(definitionId)}/versions/${version ?? 0}`, DeployedVersion);
      return found.ir.decisions?.[0]?.xml ?? null;
    },
    { enabled: version !== undefined },
  );
}
