// Path 3 of "visible only after durable": confirms tentative case log rows that no later write and
// no Update answer confirmed (a timer, a signal, a message, a service task's result, a case started
// without waiting) by asking Temporal whether the attempt that wrote them was recorded — its fenced
// write's marker, which carries the attempt's fence, is in the run's history — and deletes the rows
// of an attempt the run closed without (lost: history will never hold them). It runs in every
// worker process; replicas take cases under a short lease (SKIP LOCKED), and confirming and
// deleting are idempotent under the case's row lock, so two replicas looking at one case do no harm.
import type { temporal } from '@temporalio/proto';
import { compareFences, logPosition } from '../domain/events/case-log-fence.ts';
import { confirmRecordedAttempt, deferReconcile, leaseTentativeCases, type TentativeCase } from '../storage/case-log-confirm.ts';
import type { Database } from '../storage/database.ts';
import { settleLostAttempt } from '../storage/lost-case-log-attempt.ts';
import { payloadDecoder, recordedFencedWrite, type PayloadDecoder } from './fenced-write-markers.ts';

type WorkflowService = temporal.api.workflowservice.v1.WorkflowService;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const GRPC_NOT_FOUND = 5;
const GRPC_UNIMPLEMENTED = 12;
/** WorkflowExecutionStatus RUNNING (temporal.api.enums.v1): the proto package's values are not ours to import, only its types. */
const WORKFLOW_EXECUTION_STATUS_RUNNING = 1;

export interface CaseLogReconcilerOptions {
  db: Database;
  workflowService: WorkflowService;
  namespace: string;
  /** How often to look for tentative rows that are due. */
  intervalMs?: number;
  /** Cases looked at per round. */
  batch?: number;
  log?: (line: string) => void;
}

export interface CaseLogReconciler {
  /** Runs one round now (tests); resolves with the cases looked at. */
  round(): Promise<number>;
  stop(): Promise<void>;
}

const CLOSED = ['workflowExecutionCompletedEventAttributes', 'workflowExecutionFailedEventAttributes', 'workflowExecutionTimedOutEventAttributes', 'workflowExecutionCanceledEventAttributes', 'workflowExecutionTerminatedEventAttributes', 'workflowExecutionContinuedAsNewEventAttributes'] as const;

export function startCaseLogReconciler(options: CaseLogReconcilerOptions): CaseLogReconciler {
  const decode = payloadDecoder(options.db);
  const intervalMs = options.intervalMs ?? 25;
  let stopped = false;
  let current: Promise<number> = Promise.resolve(0);
  let lastProblem = '';

  const round = async (): Promise<number> => {
    const due = await leaseTentativeCases(options.db, options.batch ?? 20);
    await Promise.all(due.map((tentative) => reconcileCase(options, decode, tentative)));
    return due.length;
  };
  const loop = async () => {
    while (!stopped) {
      current = round().then((looked) => {
        lastProblem = '';
        return looked;
      }, (error: unknown) => {
        // The database or Temporal is away (a restart): the rows stay tentative and are asked about
        // next round. Said once per kind of failure, not every round.
        const problem = error instanceof Error ? error.message : String(error);
        if (!stopped && problem !== lastProblem) options.log?.(`case log reconciler: ${problem}`);
        lastProblem = problem;
        return 0;
      });
      await current;
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  };
  const running = loop();
  return {
    round,
    async stop() {
      stopped = true;
      await current;
      await running;
    },
  };
}

async function reconcileCase(options: CaseLogReconcilerOptions, decode: PayloadDecoder, tentative: TentativeCase): Promise<void> {
  const { db } = options;
  const { caseId, fence, run } = tentative;
  if (!run) return deferReconcile(db, caseId, fence, true);
  const { recordedThrough, closed, gone } = await recordedWrites(options, decode, tentative).catch((error: unknown) => {
    // A run Temporal no longer has (past retention) will never answer.
    if ((error as { code?: number }).code === GRPC_NOT_FOUND) return { recordedThrough: 0, closed: true, gone: true };
    throw error;
  });
  if (!closed) {
    if (recordedThrough > tentative.confirmedThrough) return confirmRecordedAttempt(db, caseId, fence, recordedThrough);
    return deferReconcile(db, caseId, fence, false);
  }
  // A gone run's markers are unknown: while a run of its workflow (one continued as new) may still
  // write, that write settles the rows — confirming those its history holds, deleting the others —
  // so they wait, asked about again in case that run closes without writing.
  if (gone && (await workflowRuns(options, run.workflowId))) return deferReconcile(db, caseId, fence, false);
  // The run has closed (or is gone with nothing left to write): what its history holds of the
  // attempt is final. Rows past it never will be, and are deleted (why that is safe:
  // storage/lost-case-log-attempt.ts).
  await settleLostAttempt(db, caseId, fence, recordedThrough);
}

/** Whether the workflow's latest run is still running; false when Temporal has no run of it. */
async function workflowRuns(options: CaseLogReconcilerOptions, workflowId: string): Promise<boolean> {
  try {
    const described = await options.workflowService.describeWorkflowExecution({ namespace: options.namespace, execution: { workflowId } });
    return described.workflowExecutionInfo?.status === WORKFLOW_EXECUTION_STATUS_RUNNING;
  } catch (error) {
    if ((error as { code?: number }).code === GRPC_NOT_FOUND) return false;
    throw error;
  }
}

/**
 * Reads the run's history from its end back to the attempt's workflow task (the event numbered
 * with the history length the fence carries: the attempt's markers come after it) and answers the
 * last position a recorded fenced write of that attempt holds, and whether the run has closed.
 */
async function recordedWrites(options: CaseLogReconcilerOptions, decode: PayloadDecoder, tentative: TentativeCase): Promise<{ recordedThrough: number; closed: boolean; gone?: boolean }> {
  let recordedThrough = 0;
  let closed: boolean | undefined;
  for await (const events of historyFromTheEnd(options, tentative.run!)) {
    closed ??= events.length > 0 && CLOSED.some((attributes) => events[0]![attributes]);
    for (const event of events) {
      if (Number(event.eventId) < tentative.fence.historyLength) return { recordedThrough, closed };
      const write = await recordedFencedWrite(event, decode);
      if (!write?.fence || compareFences(write.fence, tentative.fence) !== 0) continue;
      for (const { id } of write.receipt) recordedThrough = Math.max(recordedThrough, logPosition(tentative.caseId, id) ?? 0);
    }
  }
  return { recordedThrough, closed: closed ?? false };
}

/**
 * The run's history in pages, newest event first. A server without the reverse read (the
 * time-skipping test server) gives it forwards, in one reversed piece.
 */
async function* historyFromTheEnd(options: CaseLogReconcilerOptions, run: { workflowId: string; runId: string }): AsyncGenerator<HistoryEvent[]> {
  const execution = { workflowId: run.workflowId, runId: run.runId };
  let nextPageToken: Uint8Array | undefined;
  try {
    do {
      const page: temporal.api.workflowservice.v1.IGetWorkflowExecutionHistoryReverseResponse = await options.workflowService.getWorkflowExecutionHistoryReverse({ namespace: options.namespace, execution, maximumPageSize: 100, ...(nextPageToken ? { nextPageToken } : {}) });
      yield page.history?.events ?? [];
      nextPageToken = page.nextPageToken && page.nextPageToken.length > 0 ? page.nextPageToken : undefined;
    } while (nextPageToken);
    return;
  } catch (error) {
    if ((error as { code?: number }).code !== GRPC_UNIMPLEMENTED || nextPageToken) throw error;
  }
  const events: HistoryEvent[] = [];
  do {
    const page: temporal.api.workflowservice.v1.IGetWorkflowExecutionHistoryResponse = await options.workflowService.getWorkflowExecutionHistory({ namespace: options.namespace, execution, ...(nextPageToken ? { nextPageToken } : {}) });
    events.push(...(page.history?.events ?? []));
    nextPageToken = page.nextPageToken && page.nextPageToken.length > 0 ? page.nextPageToken : undefined;
  } while (nextPageToken);
  yield events.reverse();
}
