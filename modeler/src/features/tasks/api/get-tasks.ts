// GET /api/tasks: one inbox view (mine, team, unassigned, overdue, due soon, escalated), sorted.
import { z } from 'zod';
import { apiGet, query } from '../../../shared/api/http.ts';
import { useResource } from '../../../shared/hooks/use-resource.ts';

export const FormFieldSchema = z.object({
  name: z.string(),
  label: z.string().nullish(),
  type: z.enum(['string', 'text', 'number', 'boolean', 'date', 'enum']).catch('string'),
  required: z.boolean().nullish(),
  options: z.array(z.string()).nullish(),
  pattern: z.string().nullish(),
  min: z.union([z.number(), z.string()]).nullish(),
  max: z.union([z.number(), z.string()]).nullish(),
});
export type FormFieldSchema = z.infer<typeof FormFieldSchema>;

export const Task = z.object({
  id: z.string(),
  caseId: z.string(),
  nodeId: z.string(),
  name: z.string(),
  team: z.string(),
  assignee: z.string().nullish(),
  status: z.string(),
  form: z.array(FormFieldSchema).nullish(),
  handoffFrom: z.string().nullish(),
  acceptBy: z.string().nullish(),
  acceptedAt: z.string().nullish(),
  dueAt: z.string().nullish(),
  priority: z.number().nullish(),
  createdAt: z.string(),
});
export type Task = z.infer<typeof Task>;

const TaskList = z.object({ items: z.array(Task), total: z.number() });

export const InboxViews = [
  { id: 'mine', label: 'My tasks' },
  { id: 'team', label: 'Team queue' },
  { id: 'unassigned', label: 'Unassigned' },
  { id: 'overdue', label: 'Overdue' },
  { id: 'due-soon', label: 'Due soon' },
  // Tasks whose SLA or handoff acceptance was missed, escalated to the leads of their team.
  { id: 'escalated', label: 'Escalated to me', leadsOnly: true },
] as const;
export type InboxView = (typeof InboxViews)[number]['id'];

/** The views a user sees: escalations only for team leads and admins, who receive them. */
export const inboxViewsFor = (user: { roles: readonly string[]; leadOf: readonly string[] }) =>
  InboxViews.filter((view) => !('leadsOnly' in view) || user.leadOf.length > 0 || user.roles.includes('admin'));
export const InboxSorts = [
  { id: 'due', label: 'Deadline' },
  { id: 'priority', label: 'Priority' },
  { id: 'age', label: 'Oldest first' },
] as const;
export type InboxSort = (typeof InboxSorts)[number]['id'];

export function getTasks(view: InboxView, sort: InboxSort) {
  return apiGet(`/api/tasks${query({ view, sort, limit: 100 })}`, TaskList);
}

export function useTasks(view: InboxView, sort: InboxSort) {
  return useResource(() => getTasks(view, sort), [view, sort]);
}
