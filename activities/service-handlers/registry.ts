// Service-task handlers by the name a diagram gives them (`casework:handler`). Handlers talk to
// systems outside Casemap; each must be idempotent on (caseId, taskId) because activities retry.
// The activity heartbeats while its handler runs, so a worker that dies mid-call is noticed within
// the workflow's heartbeat timeout (workflows/service-tasks.ts) instead of at the end of the
// attempt; how long one attempt may take is the handler's own setting here.
import { ApplicationFailure, type Duration } from '@temporalio/common';
import { msToNumber } from '@temporalio/common/lib/time.js';
import { Context } from '@temporalio/activity';
import type { CaseData } from '../../domain/engine/contract.ts';

export interface ServiceTaskRequest {
  caseId: string;
  taskId: string;
  handler: string;
  input: CaseData;
}

export interface ServiceHandlerContext {
  /** Aborted when the attempt times out or the step is cancelled (e.g. by an interrupting boundary event). */
  signal: AbortSignal;
}

export type ServiceHandler = (request: ServiceTaskRequest, context: ServiceHandlerContext) => Promise<CaseData>;

/** A handler with its own limit per attempt, for systems known to be slower or faster than usual. */
export interface ServiceHandlerSpec {
  run: ServiceHandler;
  /** The longest one attempt may take before it is abandoned and retried (default five minutes). */
  attemptTimeout?: Duration;
}

export type ServiceHandlerEntry = ServiceHandler | ServiceHandlerSpec;

const DEFAULT_ATTEMPT_TIMEOUT: Duration = '5 minutes';
/** Well inside the workflow's heartbeat timeout; the SDK throttles what it actually sends. */
const HEARTBEAT_EVERY_MS = 1_000;
export const SERVICE_HANDLER_TIMED_OUT = 'ServiceHandlerTimedOut';

function specOf(entry: ServiceHandlerEntry): ServiceHandlerSpec {
  return typeof entry === 'function' ? { run: entry } : entry;
}

/** Runs one attempt: heartbeats meanwhile, and gives up (retryably) after the handler's attempt timeout. */
async function runAttempt(spec: ServiceHandlerSpec, request: ServiceTaskRequest): Promise<CaseData> {
  const context = Context.current();
  const limitMs = msToNumber(spec.attemptTimeout ?? DEFAULT_ATTEMPT_TIMEOUT);
  const controller = new AbortController();
  const stopOnCancel = () => controller.abort(context.cancellationSignal.reason);
  context.cancellationSignal.addEventListener('abort', stopOnCancel);
  const heartbeat = setInterval(() => context.heartbeat(), HEARTBEAT_EVERY_MS);
  let expiry: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    expiry = setTimeout(() => {
      const failure = ApplicationFailure.create({
        type: SERVICE_HANDLER_TIMED_OUT,
        message: `The service handler "${request.handler}" did not answer within ${limitMs} ms; the step will be retried.`,
      });
      controller.abort(failure);
      reject(failure);
    }, limitMs);
  });
  try {
    context.heartbeat();
    // A cancelled step (e.g. an interrupting boundary fired) ends the attempt even if the handler ignores the signal.
    return await Promise.race([spec.run(request, { signal: controller.signal }), timedOut, context.cancelled]);
  } finally {
    clearInterval(heartbeat);
    clearTimeout(expiry);
    context.cancellationSignal.removeEventListener('abort', stopOnCancel);
  }
}

export function createServiceTaskActivities(handlers: Record<string, ServiceHandlerEntry>) {
  const registry = new Map(Object.entries(handlers).map(([name, entry]) => [name, specOf(entry)]));
  return {
    async runServiceTask(request: ServiceTaskRequest): Promise<CaseData> {
      const spec = registry.get(request.handler) ?? (request.handler.startsWith('send-message:') ? registry.get('send-message') : undefined);
      if (!spec) {
        throw ApplicationFailure.create({
          type: 'UnknownServiceHandler',
          nonRetryable: true,
          message: `No service handler named "${request.handler}" is registered on this worker (known: ${[...registry.keys()].join(', ') || 'none'}).`,
        });
      }
      return runAttempt(spec, request);
    },
  };
}

export type ServiceTaskActivities = ReturnType<typeof createServiceTaskActivities>;
