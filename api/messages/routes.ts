// Messages from other systems ("appeal lodged", "travel document issued"): correlated by message
// name and key to the cases waiting for them and delivered as workflow Signals. A message no case
// waits for starts a case of each process whose message start event has its name ("FNO referral
// received"); failing both, it is kept and listed as unmatched, never dropped.
import { randomUUID } from 'node:crypto';
import type { Router } from 'express';
import { z } from 'zod';
import { findWaitingCases, listMessages, recordMessage } from '../../storage/message-store.ts';
import { findCase } from '../../storage/case-queries.ts';
import { findMessageStarts } from '../../storage/definition-store.ts';
import { writeAudit } from '../../storage/audit-store.ts';
import { messageSignal, workflowIdForCase } from '../../workflows/case-api.ts';
import { notFound } from '../problems/problem.ts';
import { prepareStart, startPrepared, type CaseServiceDeps } from '../cases/case-service.ts';
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

export function messageRoutes(table: RouteTable, router: Router, deps: CaseServiceDeps): void {
  const { db, client } = deps;
  const tag = 'messages';

  table.add(router, { method: 'post', path: '/messages', summary: 'Send a message to the cases waiting for it, or start cases at its message start events (API key with messages:send)', tag, access: { kind: 'api-key', scope: 'messages:send' }, body: SendMessageBody, successStatus: 202 }, async ({ req, user, body }) => {
    const messageId = body.messageId ?? randomUUID();
    let caseIds = await findWaitingCases(db, body.messageName, body.correlationKey);
    if (body.caseId) {
      if (!(await findCase(db, body.caseId, undefined))) throw notFound(`Case ${body.caseId}`);
      caseIds = caseIds.filter((id) => id === body.caseId);
    }
    // Only a message for no particular case, awaited by none, starts cases. Each start is checked
    // (its start form) before anything is written, and its case id comes from the message id, so
    // a resent message finds the cases it started instead of starting more.
    const starts =
      caseIds.length === 0 && !body.caseId
        ? await Promise.all(
            (await findMessageStarts(db, body.messageName)).map((found) =>
              prepareStart(deps, { definitionId: found.definitionId, startEventId: found.startEventId, data: body.data, startedBy: user.id, idempotencyKey: `message:${messageId}:${found.definitionId}` }),
            ),
          )
        : [];
    if (starts.length > 0) caseIds = starts.map((start) => start.caseId);
    const { record, duplicate } = await recordMessage(db, { id: messageId, name: body.messageName, correlationKey: body.correlationKey ?? null, payload: body.data, status: caseIds.length ? 'delivered' : 'unmatched', caseIds, sentBy: user.id });
    // Written after the message row, so a crash in between leaves the row; a resend of the same
    // message id then starts them (a start that already happened finds its case).
    const started = duplicate ? starts.filter((start) => record.caseIds.includes(start.caseId)) : starts;
    for (const start of started) await startPrepared(deps, start);
    if (!duplicate) {
      // Signals are durable once accepted by Temporal; the message row is written first so a crash
      // between the two leaves a record to redeliver from, never a silent loss.
      for (const caseId of record.caseIds.filter((id) => !starts.some((start) => start.caseId === id))) {
        await client.workflow.getHandle(workflowIdForCase(caseId)).signal(messageSignal, { messageId, messageName: body.messageName, correlationKey: body.correlationKey, data: body.data });
      }
      await writeAudit(db, { actor: user.id, action: 'message.receive', target: body.messageName, source: req.ip, detail: { messageId, caseIds: record.caseIds, startedCases: starts.map((start) => start.caseId) } });
    }
    return { messageId, status: record.status, caseIds: record.caseIds, startedCases: started.map((start) => ({ caseId: start.caseId, definitionId: start.input.definitionId, version: start.version })), duplicate };
  });

  table.add(router, { method: 'get', path: '/messages', summary: 'Messages received, e.g. the unmatched ones to follow up', tag, access: { kind: 'roles', roles: ['team-lead'] }, query: ListQuery }, async ({ query }) => listMessages(db, query.status, query.limit, query.offset));
}
