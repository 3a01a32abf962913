// POST /api/tasks/:id/accept: accepts a case handed over from another team.
import { apiPost } from '../../../shared/api/http.ts';
import { TaskActionResult, taskPath } from './next-steps.ts';

export function acceptHandoff(taskId: string) {
  return apiPost(taskPath(taskId, 'accept'), {}, TaskActionResult);
}
