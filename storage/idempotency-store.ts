// Replies remembered per Idempotency-Key, so a client retrying a state change gets the first
// answer back instead of changing things twice.
import type { Sql } from './database.ts';

/** How long a request may hold its key before a retry may assume it died and take the key over. */
export const IN_PROGRESS_LEASE_SECONDS = 60;

export type IdempotencyClaim = { kind: 'new' } | { kind: 'replay'; status: number; response: unknown } | { kind: 'in-progress' } | { kind: 'mismatch' };

/** Reserves the key for this request, or reports what an earlier request with it did. */
export async function claimIdempotencyKey(sql: Sql, owner: string, key: string, route: string, requestHash: string): Promise<IdempotencyClaim> {
  const inserted = await sql.query('INSERT INTO idempotency_keys (owner, key, route, request_hash) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key', [owner, key, route, requestHash]);
  if (inserted.length > 0) return { kind: 'new' };
  const [row] = await sql.query<{ request_hash: string; status: number | null; response: unknown }>('SELECT request_hash, status, response FROM idempotency_keys WHERE owner = $1 AND key = $2 AND route = $3', [owner, key, route]);
  if (!row) return { kind: 'new' };
  if (row.request_hash !== requestHash) return { kind: 'mismatch' };
  if (row.status === null) {
    // A reservation older than its lease belongs to a request whose API process died mid-way; the
    // retry takes it over (the work behind every idempotent route is itself safe to repeat: case
    // ids come from the key, task actions are checked by the workflow), rather than 409 for ever.
    const taken = await sql.query(
      `UPDATE idempotency_keys SET created_at = now() WHERE owner = $1 AND key = $2 AND route = $3 AND status IS NULL
       AND created_at < now() - make_interval(secs => $4) RETURNING key`,
      [owner, key, route, IN_PROGRESS_LEASE_SECONDS],
    );
    return taken.length > 0 ? { kind: 'new' } : { kind: 'in-progress' };
  }
  return { kind: 'replay', status: row.status, response: row.response };
}

export async function recordIdempotentReply(sql: Sql, owner: string, key: string, route: string, status: number, response: unknown): Promise<void> {
  await sql.query('UPDATE idempotency_keys SET status = $4, response = $5 WHERE owner = $1 AND key = $2 AND route = $3', [owner, key, route, status, JSON.stringify(response ?? null)]);
}

/** A failed request frees its key, so the client can retry it. */
export async function releaseIdempotencyKey(sql: Sql, owner: string, key: string, route: string): Promise<void> {
  await sql.query('DELETE FROM idempotency_keys WHERE owner = $1 AND key = $2 AND route = $3 AND status IS NULL', [owner, key, route]);
}
