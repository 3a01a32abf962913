// GET /api/definitions/:id/versions: a process's versions with their notes and dates, newest first.
import { VersionList, type VersionSummary } from '../../../../../domain/contract/definition.ts';
import { apiGet } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export type VersionInfo = VersionSummary & { definitionId: string };

export async function getVersions(definitionId: string): Promise<VersionInfo[]> {
  const { items } = await apiGet(`/api/definitions/${encodeURIComponent(definitionId)}/versions`, VersionList);
  return items.map((item) => ({ ...item, definitionId }));
}

/** Every version of a process, newest first; `latest` is in the key so a new deploy shows at once. */
export function useVersions(definitionId: string, latest: number) {
  return useApiQuery([...resourceKeys.definitions, definitionId, 'versions', latest], () => getVersions(definitionId));
}
