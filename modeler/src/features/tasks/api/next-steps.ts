// What every task action answers: what the case does next (tasks opened, new owner, or the end).
// A task action changes the inbox and the case it belongs to, so both are invalidated after it.
import { TaskActionReply as TaskActionResult } from '../../../../../domain/contract/task.ts';
import { apiPost } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiMutation } from '../../../shared/hooks/use-api-mutation.ts';

export { TaskActionResult };

export type TaskAction = 'claim' | 'return' | 'accept' | 'complete' | 'reassign';

export const taskPath = (taskId: string, action: TaskAction) => `/api/tasks/${encodeURIComponent(taskId)}/${action}`;

/** One task action as a mutation; `body` builds the request body from what the view passes. */
export function useTaskAction<Input extends { taskId: string }>(action: TaskAction, body: (input: Input) => object) {
  return useApiMutation((input: Input) => apiPost(taskPath(input.taskId, action), body(input), TaskActionResult), { invalidates: [resourceKeys.tasks, resourceKeys.cases] });
}
