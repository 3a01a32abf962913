// GET /api/health: where the Temporal Web UI is and which namespace cases run in, when the API
// offers it (the case page hides its workflow link otherwise).
import { z } from 'zod';
import { apiGet } from '../../../shared/api/http.ts';
import { useResource } from '../../../shared/hooks/use-resource.ts';

const Health = z.object({ temporalUiUrl: z.url().nullish(), temporalNamespace: z.string().min(1).nullish() }).loose();

export interface TemporalUi {
  readonly url: string;
  readonly namespace: string;
}

export async function getTemporalUi(): Promise<TemporalUi | undefined> {
  try {
    const health = await apiGet('/api/health', Health);
    return health.temporalUiUrl ? { url: health.temporalUiUrl.replace(/\/$/, ''), namespace: health.temporalNamespace ?? 'default' } : undefined;
  } catch {
    // The link is a convenience: without it the case page is still complete.
    return undefined;
  }
}

/** The case's workflow (id `case-<caseId>`, as the API starts it) in the Temporal Web UI. */
export function workflowUrl(ui: TemporalUi, caseId: string): string {
  return `${ui.url}/namespaces/${encodeURIComponent(ui.namespace)}/workflows/${encodeURIComponent(`case-${caseId}`)}`;
}

export function useTemporalUi() {
  return useResource(getTemporalUi, []);
}
