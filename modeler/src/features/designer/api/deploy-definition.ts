// POST /api/definitions/deploy: compiles and checks the diagram on the server and stores a new
// version; a 422 lists the elements at fault.
import { z } from 'zod';
import { apiPost } from '../../../shared/api/http.ts';

const DeployResult = z.object({
  definitionId: z.string(),
  version: z.number(),
  irHash: z.string().nullish(),
  created: z.boolean(),
  warnings: z.array(z.object({ elementId: z.string().nullish(), code: z.string().nullish(), message: z.string() })).nullish(),
});
export type DeployResult = z.infer<typeof DeployResult>;

export function deployDefinition(request: { id: string; name?: string; xml: string; note?: string }) {
  return apiPost('/api/definitions/deploy', request, DeployResult);
}
