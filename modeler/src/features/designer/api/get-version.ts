// GET /api/definitions/:id/versions/:version: a deployed version's name, note and date.
import { z } from 'zod';
import { apiGet } from '../../../shared/api/http.ts';
import { useResource } from '../../../shared/hooks/use-resource.ts';

const VersionInfo = z.object({
  definitionId: z.string(),
  version: z.number(),
  name: z.string().nullish(),
  note: z.string().nullish(),
  deployedAt: z.string().nullish(),
});
export type VersionInfo = z.infer<typeof VersionInfo>;

export function getVersion(definitionId: string, version: number) {
  return apiGet(`/api/definitions/${encodeURIComponent(definitionId)}/versions/${version}`, VersionInfo);
}

/** Every version of a process, newest first (versions are numbered 1..latest). */
export function useVersions(definitionId: string, latest: number) {
  return useResource(() => Promise.all(Array.from({ length: latest }, (_, index) => getVersion(definitionId, latest - index))), [definitionId, latest]);
}
