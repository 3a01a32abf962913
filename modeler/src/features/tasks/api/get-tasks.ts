// GET /api/tasks: one inbox view (mine, team, unassigned, overdue, due soon, escalated), sorted.
import type { z } from 'zod';
import { FormField } from '../../../../../domain/process/ir.ts';
import { TaskPage, TaskRecord as Task } from '../../../../../domain/contract/task.ts';
import type { InboxQuery, InboxSort, InboxView } from '../../../../../domain/contract/inbox-query.ts';
import { apiGet, query } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export { Task };
export type { InboxSort, InboxView };
export const FormFieldSchema = FormField;
export type FormFieldSchema = z.infer<typeof FormField>;

export const InboxViews = [
  { id: 'mine', label: 'My tasks' },
  { id: 'team', label: 'Team queue' },
  { id: 'unassigned', label: 'Unassigned' },
  { id: 'overdue', label: 'Overdue' },
  { id: 'due-soon', label: 'Due soon' },
  // Tasks whose SLA or handoff acceptance was missed, escalated to the leads of their team.
  { id: 'escalated', label: 'Escalated to me', leadsOnly: true },
] as const satisfies readonly { id: InboxView; label: string; leadsOnly?: true }[];

/** The views a user sees: escalations only for team leads and admins, who receive them. */
export const inboxViewsFor = (user: { roles: readonly string[]; leadOf: readonly string[] }) =>
  InboxViews.filter((view) => !('leadsOnly' in view) || user.leadOf.length > 0 || user.roles.includes('admin'));
export const InboxSorts = [
  { id: 'due', label: 'Deadline' },
  { id: 'priority', label: 'Priority' },
  { id: 'age', label: 'Oldest first' },
] as const satisfies readonly { id: InboxSort; label: string }[];

export function getTasks(view: InboxView, sort: InboxSort) {
  const request: InboxQuery = { view, sort, limit: 100 };
  return apiGet(`/api/tasks${query(request)}`, TaskPage);
}

export function useTasks(view: InboxView, sort: InboxSort) {
  return useApiQuery([...resourceKeys.tasks, { view, sort }], () => getTasks(view, sort));
}
