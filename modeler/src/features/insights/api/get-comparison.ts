// GET /api/insights/compare: two versions or two periods of one process, step by step.
import { ReportComparison } from '../../../../../domain/contract/insights.ts';
import { apiGet, query } from '../../../shared/api/http.ts';

export type ComparisonRequest =
  | { kind: 'versions'; definitionId: string; baseVersion: number; otherVersion: number }
  | { kind: 'periods'; definitionId: string; baseFrom?: string; baseTo?: string; otherFrom?: string; otherTo?: string };

export function getComparison(request: ComparisonRequest, extra: { team?: string; outcome?: string; time: string }) {
  const sides =
    request.kind === 'versions'
      ? { baseVersion: request.baseVersion, otherVersion: request.otherVersion }
      : { baseFrom: request.baseFrom, baseTo: request.baseTo, otherFrom: request.otherFrom, otherTo: request.otherTo };
  return apiGet(`/api/insights/compare${query({ definitionId: request.definitionId, ...sides, ...extra })}`, ReportComparison);
}
