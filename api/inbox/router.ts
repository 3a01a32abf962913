// The inbox: task views for caseworkers and leads, and the actions on a task. Every action is a
// workflow Update, so the workflow itself decides (and a refused action changes nothing).
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Client } from '@temporalio/client';
import type { Database } from '../../storage/database.ts';
import { findTask, InboxSorts, InboxViews, queryInbox, type TaskRow } from '../../storage/task-queries.ts';
import { writeAudit } from '../../storage/audit-store.ts';
import type { UserRecord } from '../../storage/identity-store.ts';
import {
  acceptHandoffUpdate,
  claimTaskUpdate,
  completeTaskUpdate,
  reassignTaskUpdate,
  returnTaskUpdate,
  workflowIdForCase,
  type Actor,
  type NextSteps,
} from '../../workflows/case-api.ts';
import { currentUser } from '../identity/sessions.ts';
import { notFound } from '../problems/problem.ts';
import { parse } from '../validation.ts';

const InboxQuery = z.object({
  view: z.enum(InboxViews).default('team'),
  sort: z.enum(InboxSorts).default('due'),
  caseId: z.string().max(200).optional(),
  dueSoonHours: z.coerce.number().int().min(1).max(24 * 90).default(48),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
const TaskParams = z.object({ taskId: z.string().min(3).max(400).regex(/^[^:]+:.+$/, 'A task id looks like <caseId>:<taskId>') });
export const CompleteBody = z.object({ data: z.record(z.string(), z.unknown()).default({}) });
export const ReassignBody = z.object({ toUser: z.string().min(1).max(200).optional(), toTeam: z.string().min(1).max(200).optional() }).refine((body) => body.toUser || body.toTeam, { message: 'Give toUser, toTeam or both' });

function visibleTeams(user: UserRecord): string[] | undefined {
  return user.roles.includes('admin') ? undefined : user.teams;
}

function actorOf(user: UserRecord): Actor {
  return { userId: user.id, teams: user.teams, leadOf: user.leadOf, roles: user.roles };
}

export function inboxRouter(db: Database, client: Client): Router {
  const router = Router();

  router.get('/tasks', async (req, res) => {
    const user = currentUser(req);
    const query = parse(InboxQuery, req.query, 'query');
    res.json(await queryInbox(db, { ...query, userId: user.id, teams: visibleTeams(user), now: new Date().toISOString() }));
  });

  /** Loads a task the user may see, by the id in the URL; anything else is 404, never 403, so ids cannot be probed. */
  async function visibleTask(req: Request): Promise<TaskRow> {
    const { taskId } = parse(TaskParams, req.params, 'params');
    const task = await findTask(db, taskId, visibleTeams(currentUser(req)));
    if (!task) throw notFound(`Task ${taskId}`);
    return task;
  }

  router.get('/tasks/:taskId', async (req, res) => {
    res.json(await visibleTask(req));
  });

  function action(name: string, run: (task: TaskRow, actor: Actor, req: Request) => Promise<NextSteps>) {
    router.post(`/tasks/:taskId/${name}`, async (req, res) => {
      const user = currentUser(req);
      const task = await visibleTask(req);
      try {
        const next = await run(task, actorOf(user), req);
        await writeAudit(db, { actor: user.id, action: `task.${name}`, target: task.id, source: req.ip });
        res.json({ taskId: task.id, next });
      } catch (error) {
        await writeAudit(db, { actor: user.id, action: `task.${name}`, target: task.id, source: req.ip, outcome: 'refused', detail: { error: error instanceof Error ? error.message : String(error) } });
        throw error;
      }
    });
  }

  const handle = (task: TaskRow) => client.workflow.getHandle(workflowIdForCase(task.caseId));
  const engineTaskId = (task: TaskRow) => task.id.slice(task.caseId.length + 1);

  action('claim', (task, actor) => handle(task).executeUpdate(claimTaskUpdate, { args: [{ taskId: engineTaskId(task), actor }] }));
  action('return', (task, actor) => handle(task).executeUpdate(returnTaskUpdate, { args: [{ taskId: engineTaskId(task), actor }] }));
  action('accept', (task, actor) => handle(task).executeUpdate(acceptHandoffUpdate, { args: [{ taskId: engineTaskId(task), actor }] }));
  action('complete', (task, actor, req) => {
    const { data } = parse(CompleteBody, req.body);
    return handle(task).executeUpdate(completeTaskUpdate, { args: [{ taskId: engineTaskId(task), actor, data }] });
  });
  action('reassign', (task, actor, req) => {
    const body = parse(ReassignBody, req.body);
    return handle(task).executeUpdate(reassignTaskUpdate, { args: [{ taskId: engineTaskId(task), actor, ...body }] });
  });

  return router;
}
