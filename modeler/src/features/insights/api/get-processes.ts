// GET /api/definitions and /api/definitions/:id/versions: the processes to analyse and their versions.
import { z } from 'zod';
import { apiGet } from '../../../shared/api/http.ts';
import { useResource } from '../../../shared/hooks/use-resource.ts';

const ProcessList = z.object({ items: z.array(z.object({ id: z.string(), name: z.string().nullish(), latestVersion: z.number().nullish() })) });
const VersionList = z.object({ items: z.array(z.object({ version: z.number(), note: z.string().nullish(), deployedAt: z.string() })) });

export function useProcesses() {
  return useResource(() => apiGet('/api/definitions', ProcessList), []);
}

export function useVersions(definitionId: string | undefined) {
  return useResource(async () => (definitionId ? apiGet(`/api/definitions/${encodeURIComponent(definitionId)}/versions`, VersionList) : { items: [] }), [definitionId]);
}
