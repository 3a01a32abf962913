// POST /api/tasks/:id/reassign: a team lead moves a task to a person or another team.
import { apiPost } from '../../../shared/api/http.ts';
import { TaskActionResult, taskPath } from './next-steps.ts';

export function reassignTask(taskId: string, target: { toUser?: string; toTeam?: string }) {
  return apiPost(taskPath(taskId, 'reassign'), target, TaskActionResult);
}
