// The broadcast's one activity: signal a page of the cases waiting for a signal. It heartbeats
// after each case, so a page on a dead worker is retried within seconds; the retry signals some
// cases again, which each case ignores (it keeps the broadcast ids it has had).
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { CaseData } from '../domain/engine/contract.ts';
import type { Database } from '../storage/database.ts';
import { findSignalWaiters } from '../storage/signal-store.ts';
import { bpmnSignal, workflowIdForCase, type IncomingSignal } from '../workflows/case-api.ts';

export interface SignalPageRequest {
  broadcastId: string;
  signalName: string;
  data: CaseData;
  /** The last case id of the previous page. */
  after?: string;
  limit: number;
}

export interface SignalPage {
  /** The waiting cases found, in case id order; fewer than `limit` on the last page. */
  listed: string[];
  /** How many of them were signalled (a case that has closed meanwhile is not). */
  signalled: number;
}

/** Delivers the signal to one case's workflow. */
export type SignalCase = (caseId: string, signal: IncomingSignal) => Promise<void>;

/** Through the worker's own client, which carries the worker's data converter. */
const signalThroughWorkerClient: SignalCase = async (caseId, signal) => {
  await Context.current().client.workflow.getHandle(workflowIdForCase(caseId)).signal(bpmnSignal, signal);
};

/** A case that ended after the projection listed it: there is nothing left to signal. */
function caseGone(error: unknown): boolean {
  if (error instanceof WorkflowNotFoundError) return true;
  // Over the worker's native connection a gRPC NOT_FOUND (5) may arrive unwrapped or as the cause.
  const codeOf = (value: unknown) => (value as { code?: unknown } | null | undefined)?.code;
  return codeOf(error) === 5 || codeOf((error as { cause?: unknown } | null)?.cause) === 5;
}

export function createSignalActivities(db: Database, signalCase: SignalCase = signalThroughWorkerClient) {
  return {
    async signalWaitingCases(request: SignalPageRequest): Promise<SignalPage> {
      const listed = await findSignalWaiters(db, request.signalName, request.after, request.limit);
      let signalled = 0;
      for (const caseId of listed) {
        try {
          await signalCase(caseId, { broadcastId: request.broadcastId, signalName: request.signalName, data: request.data });
          signalled += 1;
        } catch (error) {
          if (!caseGone(error)) throw error;
        }
        Context.current().heartbeat(caseId);
      }
      return { listed, signalled };
    },
  };
}

export type SignalActivities = ReturnType<typeof createSignalActivities>;
