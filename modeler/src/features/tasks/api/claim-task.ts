// POST /api/tasks/:id/claim: claims an open task for the signed-in caseworker.
import { useTaskAction } from './next-steps.ts';

export function useClaimTask() {
  return useTaskAction('claim', () => ({}));
}
