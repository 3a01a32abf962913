// POST /api/tasks/:id/complete: submits the step's form; a 422 names each field at fault.
import { useTaskAction } from './next-steps.ts';

export function useCompleteTask() {
  return useTaskAction('complete', ({ data }: { taskId: string; data: Record<string, unknown> }) => ({ data }));
}
