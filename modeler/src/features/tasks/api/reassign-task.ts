// POST /api/tasks/:id/reassign: a team lead moves a task to a person or another team.
import { actOnTask } from './next-steps.ts';

export function reassignTask(taskId: string, target: { toUser?: string; toTeam?: string }) {
  return actOnTask(taskId, 'reassign', target);
}
