// POST /api/tasks/:id/reassign: a team lead moves a task to a person or another team.
import { useTaskAction } from './next-steps.ts';

export function useReassignTask() {
  return useTaskAction('reassign', ({ toUser, toTeam }: { taskId: string; toUser?: string; toTeam?: string }) => ({ toUser, toTeam }));
}
