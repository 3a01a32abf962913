// POST /api/definitions/deploy: compiles and checks the diagram on the server and stores a new
// version; a 422 lists the elements at fault.
import { DeployReply, type DeployRequest } from '../../../../../domain/contract/definition.ts';
import { apiPost } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiMutation } from '../../../shared/hooks/use-api-mutation.ts';

export type DeployResult = DeployReply;
export type { DeployRequest };

export function useDeployDefinition() {
  // A new version changes the process list, its versions and the duplication across the library.
  return useApiMutation((request: DeployRequest) => apiPost('/api/definitions/deploy', request, DeployReply), {
    invalidates: [resourceKeys.definitions, resourceKeys.duplication, resourceKeys.insights],
  });
}
