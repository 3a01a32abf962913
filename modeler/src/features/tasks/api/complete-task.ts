// POST /api/tasks/:id/complete: submits the step's form; a 422 names each field at fault.
import type { CompleteTaskBody } from '../../../../../domain/contract/task.ts';
import { useTaskAction } from './next-steps.ts';

export function useCompleteTask() {
  return useTaskAction('complete', ({ data }: { taskId: string } & Required<CompleteTaskBody>): CompleteTaskBody => ({ data }));
}
