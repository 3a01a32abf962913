// GET /api/insights/logs/:id/replay: a kept log replayed with tokens on a deployed process version.
import { VersionReplay } from '../../../../../domain/insights/token-replay.ts';
import { apiGet, query } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export function useLogReplay(logId: string, definitionId: string) {
  return useApiQuery([...resourceKeys.insights, 'replay', logId, definitionId], () => apiGet(`/api/insights/logs/${encodeURIComponent(logId)}/replay${query({ definitionId })}`, VersionReplay));
}
