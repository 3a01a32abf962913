// GET /api/definitions/:id/versions: a process's deployed versions, newest first, for the pickers
// of the views that work on one or two versions (Insights, migration).
import { VersionList } from '../../../../domain/contract/definition.ts';
import { useApiQuery } from '../hooks/use-api-query.ts';
import { apiGet } from './http.ts';
import { resourceKeys } from './query-client.ts';

export function useVersionList(definitionId: string | undefined) {
  return useApiQuery([...resourceKeys.definitions, definitionId ?? '', 'versions'], async () =>
    definitionId ? apiGet(`/api/definitions/${encodeURIComponent(definitionId)}/versions`, VersionList) : { items: [] },
  );
}
