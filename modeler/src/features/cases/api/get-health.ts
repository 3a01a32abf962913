// GET /api/health: where the Temporal Web UI is and which namespace cases run in, when the API
// offers it (the case page hides its workflow link otherwise).
import { Health } from '../../../../../domain/contract/meta.ts';
import { apiGet } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export interface TemporalUi {
  readonly url: string;
  readonly namespace: string;
}

export async function getTemporalUi(): Promise<TemporalUi | undefined> {
  try {
    const health = await apiGet('/api/health', Health);
    return health.temporalUiUrl ? { url: health.temporalUiUrl.replace(/\/$/, ''), namespace: health.temporalNamespace || 'default' } : undefined;
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
  // A query's answer may not be undefined: null stands for "no link".
  return useApiQuery(resourceKeys.health, async () => (await getTemporalUi()) ?? null);
}
