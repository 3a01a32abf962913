// POST /api/tasks/:id/return: gives a claimed task back to its team's queue.
import { actOnTask } from './next-steps.ts';

export function returnTask(taskId: string) {
  return actOnTask(taskId, 'return', {});
}
