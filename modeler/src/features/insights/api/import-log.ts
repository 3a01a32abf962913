// POST /api/insights/import: a CSV or XES log from another system, analysed and checked against a process.
import { ImportedLog, type ImportLogRequest } from '../../../../../domain/contract/insights.ts';
import { apiPost } from '../../../shared/api/http.ts';

export { ImportedLog };

export type ImportRequest = ImportLogRequest;

export function importLog(request: ImportRequest) {
  return apiPost('/api/insights/import', request, ImportedLog);
}
