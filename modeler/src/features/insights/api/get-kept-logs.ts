// GET /api/insights/logs: the logs the signed-in analyst imported and kept (admins: every one).
import { ImportedLogList } from '../../../../../domain/insights/imported-log.ts';
import { apiGet } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export const keptLogsKey = [...resourceKeys.insights, 'kept-logs'] as const;

export function useKeptLogs() {
  return useApiQuery(keptLogsKey, () => apiGet('/api/insights/logs', ImportedLogList));
}
