// GET /api/health: the Temporal Web UI address, when the API offers it (the link is hidden otherwise).
import { z } from 'zod';
import { apiGet } from '../../../shared/api/http.ts';
import { useResource } from '../../../shared/hooks/use-resource.ts';

const Health = z.object({ temporalUiUrl: z.url().nullish(), temporalUi: z.url().nullish() }).loose();

export async function getTemporalUiUrl(): Promise<string | undefined> {
  try {
    const health = await apiGet('/api/health', Health);
    return (health.temporalUiUrl ?? health.temporalUi ?? undefined)?.replace(/\/$/, '');
  } catch {
    return undefined;
  }
}

export function useTemporalUiUrl() {
  return useResource(getTemporalUiUrl, []);
}
