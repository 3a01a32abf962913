// POST /api/tasks/:id/complete: submits the step's form; a 422 names each field at fault.
import { apiPost } from '../../../shared/api/http.ts';
import { TaskActionResult, taskPath } from './next-steps.ts';

export function completeTask(taskId: string, data: Record<string, unknown>) {
  return apiPost(taskPath(taskId, 'complete'), { data }, TaskActionResult);
}
