// GET /api/insights/compare: two versions or two periods of one process, step by step.
import { ReportComparison, type ComparisonQuery } from '../../../../../domain/contract/insights.ts';
import { apiGet, query } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export { ReportComparison };

/** The two sides the user asked to compare: two versions, or two periods (the server wants a bound on each side). */
export type ComparisonRequest =
  | ({ kind: 'versions' } & Required<Pick<ComparisonQuery, 'definitionId' | 'baseVersion' | 'otherVersion'>>)
  | ({ kind: 'periods' } & Pick<ComparisonQuery, 'definitionId' | 'baseFrom' | 'baseTo' | 'otherFrom' | 'otherTo'>);

/** The page's filter, which the figures of either side follow. */
export type ComparisonFilter = Pick<ComparisonQuery, 'team' | 'outcome' | 'time'>;

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
