// POST /api/tasks/:id/claim: claims an open task for the signed-in caseworker.
import { actOnTask } from './next-steps.ts';

export function claimTask(taskId: string) {
  return actOnTask(taskId, 'claim', {});
}
