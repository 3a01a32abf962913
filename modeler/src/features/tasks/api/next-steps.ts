// What every task action answers: what the case does next (tasks opened, new owner, or the end).
import { z } from 'zod';

export const OpenedTask = z.object({
  taskId: z.string(),
  name: z.string(),
  team: z.string(),
  dueAt: z.string().nullish(),
  handoff: z.object({ fromTeam: z.string(), toTeam: z.string(), acceptBy: z.string().nullish() }).nullish(),
});

export const TaskActionResult = z.object({
  taskId: z.string(),
  next: z.object({ status: z.string(), opened: z.array(OpenedTask), ownerTeam: z.string().nullish() }),
});
export type TaskActionResult = z.infer<typeof TaskActionResult>;

export const taskPath = (taskId: string, action: string) => `/api/tasks/${encodeURIComponent(taskId)}/${action}`;
