// API errors as values with a stable code, sent as RFC 9457 problem+json by problem-handler.ts.
// The codes themselves are the one refusal vocabulary in domain/contract/refusal.ts, shared with
// the case workflow (which refuses task actions with them) and the modeller.
import { ProblemCode, type ProblemIssue } from '../../domain/contract/refusal.ts';

export { ProblemCode, type ProblemIssue };

const statusOf: Record<ProblemCode, number> = {
  'invalid-request': 400,
  'invalid-bpmn': 422,
  'bpmn-check-failed': 422,
  'invalid-form-data': 422,
  unauthenticated: 401,
  forbidden: 403,
  'csrf-token-missing': 403,
  'not-found': 404,
  'method-not-allowed': 405,
  conflict: 409,
  'message-id-reused': 409,
  // A well-formed simulation request the history cannot serve (no cases to fit, or too much to run at once).
  'cannot-simulate': 422,
  'task-not-found': 404,
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
