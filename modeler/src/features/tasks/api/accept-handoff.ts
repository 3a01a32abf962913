// POST /api/tasks/:id/accept: accepts a case handed over from another team.
import { actOnTask } from './next-steps.ts';

export function acceptHandoff(taskId: string) {
  return actOnTask(taskId, 'accept', {});
}
