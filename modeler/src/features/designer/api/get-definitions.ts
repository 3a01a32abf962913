// GET /api/definitions: the deployed processes, each with its latest version.
import { DefinitionList, DefinitionSummary } from '../../../../../domain/contract/definition.ts';
import { apiGet } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export { DefinitionSummary };

export function getDefinitions() {
  return apiGet('/api/definitions', DefinitionList);
}

export function useDefinitions() {
  return useApiQuery(resourceKeys.definitions, getDefinitions);
}
