// POST /api/tasks/:id/return: gives a claimed task back to its team's queue.
import { useTaskAction } from './next-steps.ts';

export function useReturnTask() {
  return useTaskAction('return', () => ({}));
}
