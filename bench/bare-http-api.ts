// A bound for the load knee, not a design: the smallest HTTP front that drives Casemap's case
// workflow the way the API does. Express with its JSON body parser, three routes that send the same
// `started`, `claimTask` and `completeTask` Updates and confirm each answer in the store as the API
// does (services/case-log-confirm.ts), and reply with the same answer. What it leaves out is what
// Casemap may not: no session or API key look-up, no access policy (the task's look-up), no CSRF
// check, no request validation, no audit row, no problem documents, no security headers. The
// difference between its knee and the SDK's is the cost of HTTP itself on this machine; the
// difference between it and the API's is the cost of that checking.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import express from 'express';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { confirmAnswered } from '../services/case-log-confirm.ts';
import type { Database } from '../storage/database.ts';
import type { DeployedVersion } from '../storage/definition-store.ts';
import { claimTaskUpdate, completeTaskUpdate, startedUpdate, workflowIdForCase, type Actor, type NextSteps } from '../workflows/case-api.ts';

export interface BareHttpApi {
  base: string;
  stop(): Promise<void>;
}

export async function startBareHttpApi(options: { db: Database; client: Client; taskQueue: string; definition: DeployedVersion; actor: Actor }): Promise<BareHttpApi> {
  const { db, client, taskQueue, definition, actor } = options;
  const app = express();
  app.use(express.json());
  const answer = (caseId: string, update: Promise<NextSteps>) => update.then((next) => confirmAnswered(db, caseId, next));
  const handle = (caseId: string) => client.workflow.getHandle(workflowIdForCase(caseId));
  app.post('/cases', async (_req, res, next) => {
    try {
      const caseId = randomUUID();
      const operation = new WithStartWorkflowOperation('caseWorkflow', {
        workflowId: workflowIdForCase(caseId),
        taskQueue,
        workflowIdConflictPolicy: 'USE_EXISTING',
        args: [{ caseId, definitionId: definition.definitionId, version: definition.version, ir: definition.ir, data: {}, startedBy: actor.userId }],
      });
      res.status(201).json({ caseId, next: await answer(caseId, client.workflow.executeUpdateWithStart(startedUpdate, { startWorkflowOperation: operation })) });
    } catch (error) {
      next(error);
    }
  });
  app.post('/cases/:caseId/tasks/:taskId/:action', async (req, res, next) => {
    try {
      const { caseId, taskId, action } = req.params;
      const update =
        action === 'claim'
          ? handle(caseId).executeUpdate(claimTaskUpdate, { args: [{ taskId, actor }] })
          : handle(caseId).executeUpdate(completeTaskUpdate, { args: [{ taskId, actor, data: req.body.data ?? {} }] });
      res.json({ taskId, next: await answer(caseId, update) });
    } catch (error) {
      next(error);
    }
  });
  const http = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    base: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    stop: () => new Promise((resolve) => http.close(() => resolve())),
  };
}
