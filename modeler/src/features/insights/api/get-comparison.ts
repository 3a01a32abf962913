// GET /api/insights/compare: two versions or two periods of one process, step by step.
import { ReportComparison } from '../../../../../domain/contract/insights.ts';
import { apiGet, query } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export { ReportComparison };

export type ComparisonRequest =
  | { kind: 'versions'; definitionId: string; baseVersion: number; otherVersion: number }
  | { kind: 'periods'; definitionId: string; baseFrom?: string; baseTo?: string; otherFrom?: string; otherTo?: string };

export type ComparisonFilter = { team?: string; outcome?: string; time: string };

function getComparison(request: ComparisonRequest, extra: ComparisonFilter) {
  const sides =
    request.kind === 'versions'
      ? { baseVersion: request.baseVersion, otherVersion: request.otherVersion }
      : { baseFrom: request.baseFrom, baseTo: request.baseTo, otherFrom: request.otherFrom, otherTo: request.otherTo };
  return apiGet(`/api/insights/compare${query({ definitionId: request.definitionId, ...sides, ...extra })}`, ReportComparison);
}

/** The comparison the user asked for (nothing until they do); the figures follow the page's filter. */
export function useComparison(request: ComparisonRequest | undefined, extra: ComparisonFilter) {
  return useApiQuery([...resourceKeys.insights, 'compare', request, extra], () => getComparison(request!, extra), { enabled: request !== undefined });
}
