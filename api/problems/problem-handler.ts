// The one place that turns any error into an RFC 9457 problem+json response. Known errors keep
// their code and status; anything unexpected is logged and answered as a plain 500.
// Outages and transient engine states are 503s the client may retry.
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { ServiceError, WorkflowUpdateFailedError, WorkflowNotFoundError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Problem, type ProblemIssue } from './problem.ts';
import { RefusalDetails, TaskRefusalCode } from '../../domain/contract/refusal.ts';
import { fromRequestDecoding, fromUnstorableValue } from './request-decoding-problem.ts';
import { isDatabaseOutage } from '../../services/database.ts';

export function fromZod(error: ZodError, where: 'body' | 'query' | 'params' = 'body'): Problem {
  const issues: ProblemIssue[] = error.issues.map((issue) => ({ field: [where, ...issue.path.map(String)].join('.'), message: issue.message, code: issue.code }));
  return new Problem('invalid-request', `The request ${where} is not valid: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, issues);
}

/** A refused or failed workflow Update carries the refusal code the engine chose (domain/engine/task-rules.ts). */
export function fromTemporal(error: unknown): Problem | undefined {
  if (error instanceof WorkflowNotFoundError) return new Problem('task-not-open', 'The case is no longer running.');
  if (error instanceof WorkflowUpdateFailedError) {
    const cause = error.cause;
    const refusal = cause instanceof ApplicationFailure ? TaskRefusalCode.safeParse(cause.type) : undefined;
    if (cause instanceof ApplicationFailure && refusal?.success) {
      const details = RefusalDetails.safeParse(cause.details?.[0]);
      return new Problem(refusal.data, cause.message, details.success ? details.data.issues : []);
    }
    return new Problem('conflict', cause?.message ?? error.message);
  }
  const message = error instanceof Error ? error.message : '';
  if (workflowTaskFailing(error)) return new Problem('temporal-unavailable', 'The case cannot take this action right now: its workflow is retrying after a failed step. Nothing was changed; try again shortly.');
  if (updateWithStartAborted(error)) return new Problem('temporal-unavailable', 'The workflow engine could not start the case just now (it may be restarting). Send the request again, with the same Idempotency-Key if it had one.');
  if (/workflow execution already completed/i.test(message)) return new Problem('task-not-open', 'The case is no longer running.');
  if (/(UNAVAILABLE|ECONNREFUSED|Connection refused|failed to connect)/i.test(message)) return new Problem('temporal-unavailable', 'The workflow engine is not reachable right now; nothing was changed. Try again shortly.');
  return undefined;
}

/**
 * Temporal refuses to admit an Update while the case's last workflow task failed (a worker bug or a
 * worker killed mid-task; Temporal retries it). The Update is not admitted, so nothing changed and
 * the caller may retry. Temporal has no typed error for it: its gRPC status and text are all there is.
 */
function workflowTaskFailing(error: unknown): boolean {
  if (!(error instanceof ServiceError)) return false;
  const failure = grpcFailure(error.cause);
  return failure?.code === GRPC_FAILED_PRECONDITION && /workflow task in failed state/i.test(failure.text);
}

/**
 * A case start (Update-with-Start) whose operations Temporal aborted together, seen when the server
 * was killed and restarted under it: no operation names a failure of its own, so it is the engine's
 * state, not the request. The start may or may not have happened; the same Idempotency-Key makes a
 * retry attach to it rather than start another (services/case-start.ts, USE_EXISTING).
 */
function updateWithStartAborted(error: unknown): boolean {
  const failure = grpcFailure(error instanceof ServiceError ? error.cause : error);
  return failure?.code === GRPC_FAILED_PRECONDITION && /update-with-start could not be executed/i.test(failure.text);
}

/** A gRPC error's status code and text, whether the client wrapped it or threw it as it came. */
function grpcFailure(error: unknown): { code: unknown; text: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, details, message } = error as { code?: unknown; details?: unknown; message?: unknown };
  return { code, text: `${String(details ?? '')} ${String(message ?? '')}` };
}
const GRPC_FAILED_PRECONDITION = 9;

/** An outage of the projection database: a 503 the client may retry, not a fault of Casemap. */
export function fromDatabaseOutage(error: unknown): Problem | undefined {
  return isDatabaseOutage(error) ? new Problem('database-unavailable', 'The case database is not reachable right now; try again shortly.') : undefined;
}

export const problemHandler: ErrorRequestHandler = (error, req, res, _next) => {
  let problem: Problem;
  if (error instanceof Problem) problem = error;
  else if (error instanceof ZodError) problem = fromZod(error);
  else problem = fromRequestDecoding(error) ?? fromTemporal(error) ?? fromDatabaseOutage(error) ?? fromUnstorableValue(error) ?? new Problem('internal-error', 'Something went wrong on the server; it has been logged.');
  if (problem.status >= 500 && problem.code === 'internal-error') console.error(`${req.method} ${req.originalUrl}:`, error);
  if (problem.status === 503) res.setHeader('Retry-After', '5');
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({ type: `https://casemap.dev/problems/${problem.code}`, title: problem.code.replace(/-/g, ' '), status: problem.status, code: problem.code, detail: problem.detail, instance: req.originalUrl, issues: problem.issues, ...problem.extra });
};
