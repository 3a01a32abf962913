// What every task action answers: what the case does next (tasks opened, new owner, or the end).
// A task action changes the inbox and the case it belongs to, so both are refetched after it.
import { TaskActionReply as TaskActionResult } from '../../../../../domain/contract/task.ts';
import { apiPost } from '../../../shared/api/http.ts';
import { invalidate, resourceKeys } from '../../../shared/api/query-client.ts';

export { TaskActionResult };

export const taskPath = (taskId: string, action: string) => `/api/tasks/${encodeURIComponent(taskId)}/${action}`;

export async function actOnTask(taskId: string, action: 'claim' | 'return' | 'accept' | 'complete' | 'reassign', body: object = {}): Promise<TaskActionResult> {
  const result = await apiPost(taskPath(taskId, action), body, TaskActionResult);
  await invalidate(resourceKeys.tasks, resourceKeys.cases);
  return result;
}
