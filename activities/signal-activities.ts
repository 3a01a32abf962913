// The broadcast's activities: signal a page of the cases waiting for a signal, and start a case of
// each process a signal start event of its name begins. Both heartbeat after each case, so work on
// a dead worker is retried within seconds; a retried page signals some cases again, which each case
// ignores (it keeps the broadcast ids it has had), and a retried start finds the case it started.
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { StartedCase } from '../domain/contract/case-record.ts';
import type { CaseData } from '../domain/engine/contract.ts';
import { startPrepared, type PreparedStart } from '../services/case-start.ts';
import { checkSignalStarts, type SignalStartRequest } from '../services/signals.ts';
import type { Database } from '../storage/database.ts';
import { findSignalWaiters } from '../storage/signal-store.ts';
import { bpmnSignal, workflowIdForCase, type IncomingSignal, type SignalStarts } from '../workflows/case-api.ts';

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

/** Starts (or finds already started) one case a broadcast begins. */
export type StartSignalledCase = (db: Database, start: PreparedStart) => Promise<StartedCase>;

/** Through the worker's own client, on the task queue this activity runs on (the case workers' queue). */
const startThroughWorkerClient: StartSignalledCase = async (db, start) => {
  const context = Context.current();
  return startPrepared({ db, client: context.client, taskQueue: context.info.taskQueue }, start);
};

/** A case that ended after the projection listed it: there is nothing left to signal. */
function caseGone(error: unknown): boolean {
  if (error instanceof WorkflowNotFoundError) return true;
  // Over the worker's native connection a gRPC NOT_FOUND (5) may arrive unwrapped or as the cause.
  const codeOf = (value: unknown) => (value as { code?: unknown } | null | undefined)?.code;
  return codeOf(error) === 5 || codeOf((error as { cause?: unknown } | null)?.cause) === 5;
}

export function createSignalActivities(db: Database, signalCase: SignalCase = signalThroughWorkerClient, startCase: StartSignalledCase = startThroughWorkerClient) {
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

    /** A refused start (the broadcast's data does not fit the start form) is recorded, not thrown: retrying would not change it. */
    async startSignalledCases(request: SignalStartRequest): Promise<SignalStarts> {
      const starts: SignalStarts = { startedCases: [], refusedStarts: [] };
      for (const { definitionId, startEventId, check } of await checkSignalStarts(db, request)) {
        if (!check.ok) {
          starts.refusedStarts.push({ definitionId, startEventId, refusal: check.refusal });
          continue;
        }
        const started = await startCase(db, check.start);
        starts.startedCases.push({ caseId: started.caseId, definitionId, version: started.version });
        Context.current().heartbeat(definitionId);
      }
      return starts;
    },
  };
}

export type SignalActivities = ReturnType<typeof createSignalActivities>;
