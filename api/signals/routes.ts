// Broadcast signals ("new country guidance published"): every case waiting for the signal's name
// gets it, whatever its team, and every process with a signal start event of that name gets a new
// case, through a durable broadcast workflow that survives a crash half-way
// (workflows/signal-broadcast-workflow.ts). The answer comes once the broadcast has started.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Router } from 'express';
import { z } from 'zod';
import { SignalReceipt } from '../../domain/contract/signal.ts';
import { recordAudit } from '../../services/audit.ts';
import { broadcastIdFor, signalStartProcesses, signalWaiterCount } from '../../services/signals.ts';
import { workflowIdForBroadcast, type SignalBroadcastInput } from '../../workflows/case-api.ts';
import type { CaseStartDeps } from '../../services/case-start.ts';
import type { RouteTable } from '../routes/route.ts';
import { DataRecord } from '../../domain/contract/request-fields.ts';

export const BroadcastSignalBody = z
  .object({
    /** The signal's name, as the diagrams' signal events name it. */
    name: z.string().min(1).max(200),
    /** Merged into the data of each case whose wait the signal fires; the start data of each case it starts. */
    data: DataRecord.default({}),
  })
  .strict();

export function signalRoutes(table: RouteTable, router: Router, deps: CaseStartDeps): void {
  const { db, client, taskQueue } = deps;

  table.add(router, { method: 'post', path: '/signals', summary: 'Broadcast a signal to every case waiting for it, and start a case of each process with a signal start event for it (designers and admins)', tag: 'signals', rule: 'signals.broadcast', body: BroadcastSignalBody, response: SignalReceipt, successStatus: 202, idempotent: true }, async ({ req, user, body }) => {
    const broadcastId = broadcastIdFor(user.id, req.header('idempotency-key') || undefined);
    const waitingCases = await signalWaiterCount(db, body.name);
    const startingProcesses = await signalStartProcesses(db, body.name);
    let duplicate = false;
    try {
      const input: SignalBroadcastInput = { broadcastId, signalName: body.name, data: body.data, sentBy: user.id };
      await client.workflow.start('signalBroadcastWorkflow', { workflowId: workflowIdForBroadcast(broadcastId), taskQueue, workflowIdReusePolicy: 'REJECT_DUPLICATE', args: [input] });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      duplicate = true;
    }
    if (!duplicate) await recordAudit(db, { actor: user.id, action: 'signal.broadcast', target: body.name, source: req.ip, detail: { broadcastId, waitingCases, startingProcesses } });
    return { broadcastId, signalName: body.name, waitingCases, startingProcesses, duplicate };
  });
}
