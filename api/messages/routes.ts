// Messages from other systems ("appeal lodged", "travel document issued"): correlated by message
// name and key to the cases waiting for them and delivered as workflow Signals. A message no case
// waits for is kept and listed as unmatched, never dropped.
import { randomUUID } from 'node:crypto';
import type { Router } from 'express';
import { z } from 'zod';
import type { Client } from '@temporalio/client';
import type { Database } from '../../storage/database.ts';
import { findWaitingCases, listMessages, recordMessage } from '../../storage/message-store.ts';
import { findCase } from '../../storage/case-queries.ts';
import { writeAudit } from '../../storage/audit-store.ts';
import { messageSignal, workflowIdForCase } from '../../workflows/case-api.ts';
import { notFound } from '../problems/problem.ts';
import type { RouteTable } from '../routes/route.ts';
import { CaseId, DataRecord, Page } from '../schemas.ts';

export const SendMessageBody = z
  .object({
    /** Chosen by the sender so a retried send is recognised; generated when absent. */
    messageId: z.string().min(1).max(200).optional(),
    messageName: z.string().min(1).max(200),
    correlationKey: z.string().min(1).max(500).optional(),
    /** Deliver to this case only (it must be waiting for the message). */
    caseId: CaseId.optional(),
    data: DataRecord.default({}),
  })
  .strict();
const ListQuery = z.object({ status: z.enum(['delivered', 'unmatched']).optional(), ...Page }).strict();

export function messageRoutes(table: RouteTable, router: Router, db: Database, client: Client): void {
  const tag = 'messages';

  table.add(router, { method: 'post', path: '/messages', summary: 'Send a message to the cases waiting for it (API key with messages:send)', tag, access: { kind: 'api-key', scope: 'messages:send' }, body: SendMessageBody, successStatus: 202 }, async ({ req, user, body }) => {
    const messageId = body.messageId ?? randomUUID();
    let caseIds = await findWaitingCases(db, body.messageName, body.correlationKey);
    if (body.caseId) {
      if (!(await findCase(db, body.caseId, undefined))) throw notFound(`Case ${body.caseId}`);
      caseIds = caseIds.filter((id) => id === body.caseId);
    }
    const { record, duplicate } = await recordMessage(db, { id: messageId, name: body.messageName, correlationKey: body.correlationKey ?? null, payload: body.data, status: caseIds.length ? 'delivered' : 'unmatched', caseIds, sentBy: user.id });
    if (!duplicate) {
      // Signals are durable once accepted by Temporal; the message row is written first so a crash
      // between the two leaves a record to redeliver from, never a silent loss.
      for (const caseId of record.caseIds) {
        await client.workflow.getHandle(workflowIdForCase(caseId)).signal(messageSignal, { messageId, messageName: body.messageName, correlationKey: body.correlationKey, data: body.data });
      }
      await writeAudit(db, { actor: user.id, action: 'message.receive', target: body.messageName, source: req.ip, detail: { messageId, caseIds: record.caseIds } });
    }
    return { messageId, status: record.status, caseIds: record.caseIds, duplicate };
  });

  table.add(router, { method: 'get', path: '/messages', summary: 'Messages received, e.g. the unmatched ones to follow up', tag, access: { kind: 'roles', roles: ['team-lead'] }, query: ListQuery }, async ({ query }) => listMessages(db, query.status, query.limit, query.offset));
}
