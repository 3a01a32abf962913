// Idempotency-Key support for state-changing POSTs: the first request with a key runs and its
// reply is kept; a retry with the same key and body gets that reply; a different body is refused.
import { createHash } from 'node:crypto';
import type { Database } from '../../services/database.ts';
import { claimKey, keepReply, releaseKey } from '../../services/idempotency.ts';
import { Problem } from '../problems/problem.ts';
import type { IdempotencyKeys } from './route.ts';

const MAX_KEY_LENGTH = 200;

export function idempotencyKeys(db: Database): IdempotencyKeys {
  return {
    async once(owner, key, route, body, run) {
      if (key.length > MAX_KEY_LENGTH) throw new Problem('invalid-request', `An Idempotency-Key may be at most ${MAX_KEY_LENGTH} characters.`, [{ field: 'header.idempotency-key', message: 'too long' }]);
      const requestHash = createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex');
      const scope = { owner, key, route };
      const claim = await claimKey(db, scope, requestHash);
      if (claim.kind === 'replay') return { status: claim.status, result: claim.response ?? undefined };
      if (claim.kind === 'mismatch') throw new Problem('conflict', 'This Idempotency-Key was already used for a different request; use a new key for a new request.', [{ field: 'header.idempotency-key', message: 'reused with a different body' }]);
      if (claim.kind === 'in-progress') throw new Problem('conflict', 'A request with this Idempotency-Key is still being processed; retry shortly.', [{ field: 'header.idempotency-key', message: 'in progress' }]);
      try {
        const outcome = await run();
        await keepReply(db, scope, outcome.status, outcome.result);
        return outcome;
      } catch (error) {
        await releaseKey(db, scope);
        throw error;
      }
    },
  };
}
