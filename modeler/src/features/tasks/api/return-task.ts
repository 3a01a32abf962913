// POST /api/tasks/:id/return: gives a claimed task back to its team's queue.
import { apiPost } from '../../../shared/api/http.ts';
import { TaskActionResult, taskPath } from './next-steps.ts';

export function returnTask(taskId: string) {
  return apiPost(taskPath(taskId, 'return'), {}, TaskActionResult);
}
