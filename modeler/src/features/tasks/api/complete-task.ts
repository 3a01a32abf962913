// POST /api/tasks/:id/complete: submits the step's form; a 422 names each field at fault.
import { actOnTask } from './next-steps.ts';

export function completeTask(taskId: string, data: Record<string, unknown>) {
  return actOnTask(taskId, 'complete', { data });
}
