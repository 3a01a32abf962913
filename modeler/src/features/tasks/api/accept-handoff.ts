// POST /api/tasks/:id/accept: accepts a case handed over from another team.
import { useTaskAction } from './next-steps.ts';

export function useAcceptHandoff() {
  return useTaskAction('accept', () => ({}));
}
