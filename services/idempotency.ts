// Idempotency-Key records: the first request with a key claims it, its reply is kept for retries,
// and a failed run gives the key back.
import type { Database } from '../storage/database.ts';
import { claimIdempotencyKey, recordIdempotentReply, releaseIdempotencyKey, type IdempotencyClaim } from '../storage/idempotency-store.ts';

export type { IdempotencyClaim };

export interface IdempotencyScope {
  owner: string;
  key: string;
  route: string;
}

export async function claimKey(db: Database, scope: IdempotencyScope, requestHash: string): Promise<IdempotencyClaim> {
  return claimIdempotencyKey(db, scope.owner, scope.key, scope.route, requestHash);
}

export async function keepReply(db: Database, scope: IdempotencyScope, status: number, response: unknown): Promise<void> {
  await recordIdempotentReply(db, scope.owner, scope.key, scope.route, status, response);
}

export async function releaseKey(db: Database, scope: IdempotencyScope): Promise<void> {
  await releaseIdempotencyKey(db, scope.owner, scope.key, scope.route);
}
