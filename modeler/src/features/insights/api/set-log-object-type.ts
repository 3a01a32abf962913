// PUT /api/insights/logs/:id/object-type: analyse a kept OCEL log by another object type (its other flattening is already kept).
import { ImportedLogSummary } from '../../../../../domain/insights/imported-log.ts';
import type { LogObjectTypeBody } from '../../../../../domain/contract/insights.ts';
import { apiPut } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiMutation } from '../../../shared/hooks/use-api-mutation.ts';

export function setLogObjectType({ logId, ...body }: LogObjectTypeBody & { logId: string }) {
  return apiPut(`/api/insights/logs/${encodeURIComponent(logId)}/object-type`, body, ImportedLogSummary);
}

/** Every insights view of the log (its row in the kept logs included) is stale once its cases change. */
export function useSetLogObjectType() {
  return useApiMutation(setLogObjectType, { invalidates: [resourceKeys.insights] });
}
