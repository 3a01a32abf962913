// POST /api/tasks/:id/reassign: a team lead moves a task to a person or another team.
import type { ReassignTaskBody } from '../../../../../domain/contract/task.ts';
import { useTaskAction } from './next-steps.ts';

export function useReassignTask() {
  return useTaskAction('reassign', ({ toUser, toTeam }: { taskId: string } & ReassignTaskBody): ReassignTaskBody => ({ toUser, toTeam }));
}
