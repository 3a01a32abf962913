// When is an idempotent operation over (start case N, complete task T)? The harness retries it with
// the same Idempotency-Key until the API gives a definitive answer; this decides which answers are.
//
// - 2xx: done.
// - 409 `task-not-open`: moot. The task is no longer open on its case, either because an earlier
//   attempt of this same operation completed it and its answer was lost to a kill, or because the case
//   closed it; no retry can succeed. The verifier reads the history to tell which it was.
// - 409 `conflict` "still being processed": not an answer. A killed API process left the key reserved;
//   the same key is retried until the reservation's lease lapses and the retry takes it over.
// - 409 `task-not-claimed-by-you`: not an answer. The claim was lost; claim again, same key.
// - any other 4xx (400, 401, 403, 404, 409 key reused with another body, 422): refused. The operation
//   was well-formed and its task visible a moment ago, so this is a finding, reported as such.
// - no reply (connection refused or reset), 429 and 5xx (503 while a dependency restarts): retry.
import type { Reply } from './api-reply.ts';

export interface ProblemBody {
  code?: string;
  detail?: string;
}

export type Settlement =
  | { kind: 'done' }
  | { kind: 'moot'; reason: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'key-held' }
  | { kind: 'claim-first' }
  | { kind: 'retry' };

export function settlementOf(reply: Reply<ProblemBody>): Settlement {
  const { status, body } = reply;
  if (status >= 200 && status < 300) return { kind: 'done' };
  if (status === 0 || status === 429 || status >= 500) return { kind: 'retry' };
  const reason = `${status} ${body.code ?? 'no code'}: ${body.detail ?? ''}`;
  if (status === 409 && body.code === 'task-not-open') return { kind: 'moot', reason };
  if (status === 409 && body.code === 'conflict' && /still being processed/.test(body.detail ?? '')) return { kind: 'key-held' };
  if (status === 409 && body.code === 'task-not-claimed-by-you') return { kind: 'claim-first' };
  return { kind: 'refused', reason };
}
