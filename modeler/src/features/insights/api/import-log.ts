// POST /api/insights/import: a CSV or XES log from another system, analysed and checked against a
// process. The server keeps nothing of it, so it invalidates nothing; its answer lives in the mutation.
import { ImportedLog, type ImportLogRequest } from '../../../../../domain/contract/insights.ts';
import { apiPost } from '../../../shared/api/http.ts';
import { useApiMutation } from '../../../shared/hooks/use-api-mutation.ts';

export { ImportedLog };

export function useImportLog() {
  return useApiMutation((request: ImportLogRequest) => apiPost('/api/insights/import', request, ImportedLog), { invalidates: [] });
}
