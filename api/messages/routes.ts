// Messages from other systems ("appeal lodged", "travel document issued"): correlated by message
// name and key to the cases waiting for them and delivered as workflow Signals. A message no case
// waits for starts a case of each process whose message start event has its name ("FNO referral
// received"); failing both, it is kept and listed as unmatched, never dropped. A message belongs to
// its sender: its id is the sender's own, and a sender learns nothing about cases it did not reach.
import { randomUUID } from 'node:crypto';
import type { Router } from 'express';
import { z } from 'zod';
import { earlierSend, keepMessage, messagesFor, waitingCases, type MessageRequest, type RecordedMessage } from '../../services/messages.ts';
import { messageStartsFor } from '../../services/definitions.ts';
import { recordAudit } from '../../services/audit.ts';
import { messageSignal, workflowIdForCase } from '../../workflows/case-api.ts';
import { Problem } from '../problems/problem.ts';
import { messageScopeOf } from '../access/access-policy.ts';
import { prepareStart, startPrepared, type CaseStartDeps, type PreparedStart } from '../../services/case-start.ts';
import { startRefusalProblem } from '../problems/start-refusal.ts';
import type { RouteTable } from '../routes/route.ts';
import { CaseId, DataRecord, Page } from '../../domain/contract/request-fields.ts';
import { MessagePage, MessageReceipt } from '../../domain/contract/message.ts';

export const SendMessageBody = z
  .object({
    /** Chosen by the sender so a retried send is recognised; unique per sender. When absent, the Idempotency-Key header, else generated. */
    messageId: z.string().min(1).max(200).optional(),
    messageName: z.string().min(1).max(200),
    correlationKey: z.string().min(1).max(500).optional(),
    /** Deliver to this case only, if it is waiting for the message; otherwise the message is kept as unmatched. */
    caseId: CaseId.optional(),
    data: DataRecord.default({}),
  })
  .strict();
const ListQuery = z.object({ status: z.enum(['delivered', 'unmatched']).optional(), ...Page }).strict();

function idReused(messageId: string): Problem {
  return new Problem('message-id-reused', `You already sent a different message with the id "${messageId}"; give a new message a new id, or resend the first one unchanged.`, [{ field: 'messageId', message: 'reused with a different message' }]);
}

function known(found: RecordedMessage | null, messageId: string): Extract<RecordedMessage, { outcome: 'new' | 'duplicate' }> | null {
  if (found?.outcome === 'id-reused') throw idReused(messageId);
  return found;
}

export function messageRoutes(table: RouteTable, router: Router, deps: CaseStartDeps): void {
  const { db, client } = deps;
  const tag = 'messages';

  table.add(router, { method: 'post', path: '/messages', summary: 'Send a message to the cases waiting for it, or start cases at its message start events (API key with messages:send)', tag, rule: 'messages.send', body: SendMessageBody, response: MessageReceipt, successStatus: 202, idempotent: true }, async ({ req, user, body }) => {
    // The Idempotency-Key stands in for a missing message id, so a retry taken over after a crash
    // (see idempotency-store) records the same message rather than a second one.
    const messageId = body.messageId ?? (req.header('idempotency-key') || randomUUID());
    const request: MessageRequest = { id: messageId, sentBy: user.id, name: body.messageName, correlationKey: body.correlationKey ?? null, payload: body.data, targetCaseId: body.caseId ?? null };
    // A reused id is refused before anything else, so a changed body cannot fail on a start form first.
    const earlier = known(await earlierSend(db, request), messageId);

    let caseIds = await waitingCases(db, body.messageName, body.correlationKey);
    // A named case that does not exist, that the sender may not know of, or that is not waiting all
    // get the same answer (202, kept as unmatched): a 404 would tell an API key which case ids exist.
    if (body.caseId) caseIds = caseIds.filter((id) => id === body.caseId);
    // Only a message for no particular case, awaited by none, starts cases. Each start is checked
    // (its start form) before anything is written, and its case id comes from the sender and the
    // message id (caseIdFor hashes both), so a resent message finds the cases it started instead of
    // starting more, and another sender's message with the same id starts its own.
    const checks =
      caseIds.length === 0 && !body.caseId
        ? await Promise.all(
            (await messageStartsFor(db, body.messageName)).map((found) =>
              prepareStart(db, { definitionId: found.definitionId, startEventId: found.startEventId, data: body.data, startedBy: user.id, idempotencyKey: `message:${messageId}:${found.definitionId}` }),
            ),
          )
        : [];
    // One refused start refuses the whole message, before anything is written.
    const starts: PreparedStart[] = checks.map((check) => {
      if (!check.ok) throw startRefusalProblem(check.refusal);
      return check.start;
    });
    if (starts.length > 0) caseIds = starts.map((start) => start.caseId);
    const recorded = earlier ?? known(await keepMessage(db, request, caseIds.length ? 'delivered' : 'unmatched', caseIds), messageId)!;
    const { record } = recorded;
    const duplicate = recorded.outcome === 'duplicate';
    // Written after the message row, so a crash in between leaves the row; a resend of the same
    // message id then starts them (a start that already happened finds its case).
    const started = duplicate ? starts.filter((start) => record.caseIds.includes(start.caseId)) : starts;
    for (const start of started) await startPrepared(deps, start);
    if (!duplicate) {
      // Signals are durable once accepted by Temporal; the message row is written first so a crash
      // between the two leaves a record to redeliver from, never a silent loss. The id a case sees
      // names the sender too, so two systems' "m-1" stay apart in its history.
      for (const caseId of record.caseIds.filter((id) => !starts.some((start) => start.caseId === id))) {
        await client.workflow.getHandle(workflowIdForCase(caseId)).signal(messageSignal, { messageId: `${user.id}/${messageId}`, messageName: body.messageName, correlationKey: body.correlationKey, data: body.data });
      }
      await recordAudit(db, { actor: user.id, action: 'message.receive', target: body.messageName, source: req.ip, detail: { messageId, caseIds: record.caseIds, startedCases: starts.map((start) => start.caseId) } });
    }
    return { messageId, status: record.status, caseIds: record.caseIds, startedCases: started.map((start) => ({ caseId: start.caseId, definitionId: start.input.definitionId, version: start.version })), duplicate };
  });

  table.add(router, { method: 'get', path: '/messages', summary: 'Messages received, e.g. the unmatched ones to follow up', tag, rule: 'messages.read', query: ListQuery, response: MessagePage }, async ({ user, query }) =>
    messagesFor(db, { kind: 'cases', ...messageScopeOf(user) }, query),
  );

  table.add(router, { method: 'get', path: '/messages/sent', summary: 'The messages this API key sent, and where they went (API key with messages:read)', tag, rule: 'messages.read-own', query: ListQuery, response: MessagePage }, async ({ user, query }) =>
    messagesFor(db, { kind: 'sender', sentBy: user.id }, query),
  );
}
