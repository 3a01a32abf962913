// POST /api/definitions/deploy: compiles and checks the diagram on the server and stores a new
// version; a 422 lists the elements at fault.
import { DeployReply } from '../../../../../domain/contract/definition.ts';
import { apiPost } from '../../../shared/api/http.ts';
import { invalidate, resourceKeys } from '../../../shared/api/query-client.ts';

export type DeployResult = DeployReply;

export async function deployDefinition(request: { id: string; name?: string; xml: string; note?: string }) {
  const result = await apiPost('/api/definitions/deploy', request, DeployReply);
  // A new version changes the process list, its versions and the duplication across the library.
  await invalidate(resourceKeys.definitions, resourceKeys.duplication, resourceKeys.insights);
  return result;
}
