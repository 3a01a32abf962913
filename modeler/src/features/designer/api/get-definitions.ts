// GET /api/definitions: the deployed processes, each with its latest version.
import { z } from 'zod';
import { apiGet } from '../../../shared/api/http.ts';
import { useResource } from '../../../shared/hooks/use-resource.ts';

export const DefinitionSummary = z.object({
  id: z.string(),
  name: z.string().nullish(),
  latestVersion: z.number().nullish(),
  deployedAt: z.string().nullish(),
  hasDraft: z.boolean().nullish(),
});
export type DefinitionSummary = z.infer<typeof DefinitionSummary>;

const DefinitionList = z.object({ items: z.array(DefinitionSummary) });

export function getDefinitions() {
  return apiGet('/api/definitions', DefinitionList);
}

export function useDefinitions() {
  return useResource(getDefinitions, []);
}
