// Sign-in attempts counted per key (a username, a client address) in a sliding window, atomically
// in the database so several API processes share one count. api/identity/login-rate-limit.ts
// decides the limits.
import type { Database } from '../storage/database.ts';
import { clearLoginAttempts, recordLoginAttempt, releaseLoginAttempt, type AttemptCount } from '../storage/login-attempt-store.ts';

export type { AttemptCount };

/** Counts one attempt under each key and answers each key's count in its window. */
export async function countLoginAttempt(db: Database, keys: readonly string[], windowSeconds: number): Promise<AttemptCount[]> {
  return recordLoginAttempt(db, keys, windowSeconds);
}

/** After a successful sign-in: the username's count is cleared and the address's attempt given back. */
export async function forgiveLoginAttempt(db: Database, userKey: string, addressKey: string, windowSeconds: number): Promise<void> {
  await clearLoginAttempts(db, userKey, windowSeconds);
  await releaseLoginAttempt(db, addressKey);
}
