// API errors as values with a stable code, sent as RFC 9457 problem+json by problem-handler.ts.
import { z } from 'zod';

export const ProblemCode = z.enum([
  'invalid-request',
  'invalid-bpmn',
  'bpmn-check-failed',
  'invalid-form-data',
  'unauthenticated',
  'forbidden',
  'csrf-token-missing',
  'not-found',
  'conflict',
  'message-id-reused',
  'task-not-open',
  'task-already-claimed',
  'task-not-claimed-by-you',
  'task-not-allowed',
  'task-has-no-handoff',
  'payload-too-large',
  'unsupported-media-type',
  'too-many-requests',
  'temporal-unavailable',
  'database-unavailable',
  'identity-provider-unavailable',
  'internal-error',
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

const statusOf: Record<ProblemCode, number> = {
  'invalid-request': 400,
  'invalid-bpmn': 422,
  'bpmn-check-failed': 422,
  'invalid-form-data': 422,
  unauthenticated: 401,
  forbidden: 403,
  'csrf-token-missing': 403,
  'not-found': 404,
  conflict: 409,
  'message-id-reused': 409,
  'task-not-open': 409,
  'task-already-claimed': 409,
  'task-not-claimed-by-you': 409,
  'task-not-allowed': 403,
  'task-has-no-handoff': 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'too-many-requests': 429,
  'temporal-unavailable': 503,
  'database-unavailable': 503,
  'identity-provider-unavailable': 502,
  'internal-error': 500,
};

/** One thing at fault: a body field (JSON pointer-ish path) or a BPMN element id. */
export interface ProblemIssue {
  field?: string;
  elementId?: string;
  message: string;
  code?: string;
}

export class Problem extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly issues: ProblemIssue[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.status = statusOf[code];
  }
}

export function notFound(what: string): Problem {
  return new Problem('not-found', `${what} was not found, or you may not see it.`);
}
