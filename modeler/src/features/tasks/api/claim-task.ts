// POST /api/tasks/:id/claim: claims an open task for the signed-in caseworker.
import { apiPost } from '../../../shared/api/http.ts';
import { TaskActionResult, taskPath } from './next-steps.ts';

export function claimTask(taskId: string) {
  return apiPost(taskPath(taskId, 'claim'), {}, TaskActionResult);
}
