// GET /api/cases/:caseId: the case, its live state from the workflow, its tasks and its timeline.
import { CaseDetail, CaseEvent } from '../../../../../domain/contract/case-record.ts';
import { TaskRecord as CaseTask } from '../../../../../domain/contract/task.ts';
import { apiGet } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export { CaseDetail, CaseEvent, CaseTask };

export function getCase(caseId: string) {
  return apiGet(`/api/cases/${encodeURIComponent(caseId)}`, CaseDetail);
}

export function useCase(caseId: string) {
  return useApiQuery([...resourceKeys.cases, caseId], () => getCase(caseId));
}
