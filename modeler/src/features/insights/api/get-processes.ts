// GET /api/definitions and /api/definitions/:id/versions: the processes to analyse and their versions.
import { DefinitionList } from '../../../../../domain/contract/definition.ts';
import { apiGet } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export { useVersionList as useVersions } from '../../../shared/api/get-versions.ts';

export function useProcesses() {
  return useApiQuery(resourceKeys.definitions, () => apiGet('/api/definitions', DefinitionList));
}
