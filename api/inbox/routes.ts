// The inbox: task views for caseworkers and leads, and the actions on a task. Every action is a
// workflow Update, so the workflow itself decides (and a refused action changes nothing).
import type { Router } from 'express';
import { z } from 'zod';
import type { Client } from '@temporalio/client';
import type { Database } from '../../services/database.ts';
import { listInbox } from '../../services/tasks.ts';
import { recordAudit } from '../../services/audit.ts';
import { confirmAnswered } from '../../services/case-log-confirm.ts';
import type { UserRecord } from '../../services/accounts.ts';
import { actionableTask, checkReassignment, inboxTeams } from '../access/access-policy.ts';
import { acceptHandoffUpdate, claimTaskUpdate, completeTaskUpdate, reassignTaskUpdate, returnTaskUpdate, workflowIdForCase, type Actor, type NextSteps } from '../../workflows/case-api.ts';
import type { RouteTable, RouteSpec } from '../routes/route.ts';
import { CompleteTaskBody, ReassignTaskBody, TaskActionReply, TaskPage, TaskRecord } from '../../domain/contract/task.ts';
import { InboxQuery } from '../../domain/contract/inbox-query.ts';

const TaskParams = z.object({ taskId: z.string().min(3).max(400).regex(/^[^:]+:.+$/, 'A task id looks like <caseId>:<taskId>') });
function actorOf(user: UserRecord): Actor {
  return { userId: user.id, teams: user.teams, leadOf: user.leadOf, roles: user.roles };
}

export function inboxRoutes(table: RouteTable, router: Router, db: Database, client: Client): void {
  const tag = 'inbox';

  table.add(router, { method: 'get', path: '/tasks', summary: 'Inbox: my tasks, team queue, unassigned, overdue, due soon, escalated to me as team lead', tag, rule: 'task.list', query: InboxQuery, response: TaskPage }, async ({ user, query }) =>
    listInbox(db, { ...query, userId: user.id, teams: inboxTeams(user, query.view), now: new Date().toISOString() }),
  );

  table.add(router, { method: 'get', path: '/tasks/:taskId', summary: 'One task', tag, rule: 'task.act', params: TaskParams, response: TaskRecord }, async ({ user, params }) => actionableTask(db, user, params.taskId));

  function action<B extends z.ZodType>(
    name: string,
    summary: string,
    spec: Partial<RouteSpec<typeof TaskParams, z.ZodType, B>>,
    run: (task: TaskRecord, actor: Actor, body: z.infer<B>, user: UserRecord) => Promise<NextSteps>,
  ) {
    table.add(router, { method: 'post', path: `/tasks/:taskId/${name}`, summary, tag, rule: 'task.act', params: TaskParams, response: TaskActionReply, ...spec }, async ({ req, user, params, body }) => {
      const task = await actionableTask(db, user, params.taskId);
      try {
        const next = await confirmAnswered(db, task.caseId, await run(task, actorOf(user), body as z.infer<B>, user));
        await recordAudit(db, { actor: user.id, action: `task.${name}`, target: task.id, source: req.ip });
        return { taskId: task.id, next };
      } catch (error) {
        await recordAudit(db, { actor: user.id, action: `task.${name}`, target: task.id, source: req.ip, outcome: 'refused', detail: { error: error instanceof Error ? error.message : String(error) } });
        throw error;
      }
    });
  }

  const handle = (task: TaskRecord) => client.workflow.getHandle(workflowIdForCase(task.caseId));
  const engineTaskId = (task: TaskRecord) => task.id.slice(task.caseId.length + 1);

  action('claim', 'Claim a task', {}, (task, actor) => handle(task).executeUpdate(claimTaskUpdate, { args: [{ taskId: engineTaskId(task), actor }] }));
  action('return', 'Return a claimed task to the team queue', {}, (task, actor) => handle(task).executeUpdate(returnTaskUpdate, { args: [{ taskId: engineTaskId(task), actor }] }));
  action('accept', 'Accept a handoff from another team', {}, (task, actor) => handle(task).executeUpdate(acceptHandoffUpdate, { args: [{ taskId: engineTaskId(task), actor }] }));
  action('complete', 'Complete a claimed task with its form data; says what happens next', { body: CompleteTaskBody, idempotent: true }, (task, actor, body: z.infer<typeof CompleteTaskBody>) =>
    handle(task).executeUpdate(completeTaskUpdate, { args: [{ taskId: engineTaskId(task), actor, data: body.data }] }),
  );
  action('reassign', "Reassign a task to a person or team (team leads)", { body: ReassignTaskBody, rule: 'task.reassign' }, async (task, actor, body: z.infer<typeof ReassignTaskBody>, user) => {
    await checkReassignment(db, user, task, body);
    return handle(task).executeUpdate(reassignTaskUpdate, { args: [{ taskId: engineTaskId(task), actor, ...body }] });
  });
}
