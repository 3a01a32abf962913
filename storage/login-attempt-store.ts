// Counts sign-in attempts per key in a fixed window, atomically, in the database (see migration 005).
import type { Sql } from './database.ts';

export interface AttemptCount {
  key: string;
  /** Attempts in the current window, this one included. */
  attempts: number;
  /** Seconds until the current window ends. */
  windowLeftSeconds: number;
}

/**
 * Records one attempt against each key and returns the counts after it. A window older than
 * `windowSeconds` starts again at 1. One statement, so concurrent attempts each see a distinct
 * count (PostgreSQL serialises upserts of one row); keys are locked in sorted order, so two
 * attempts never wait on each other's rows crosswise. The database clock is used, so several API
 * processes agree on the window.
 */
export async function recordLoginAttempt(sql: Sql, keys: readonly string[], windowSeconds: number): Promise<AttemptCount[]> {
  const rows = await sql.query<{ key: string; attempts: number; window_left: number }>(
    `INSERT INTO login_attempts AS a (key, window_start, attempts)
       SELECT k, now(), 1 FROM unnest($1::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n
     ON CONFLICT (key) DO UPDATE SET
       attempts = CASE WHEN a.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE a.attempts + 1 END,
       window_start = CASE WHEN a.window_start <= now() - make_interval(secs => $2) THEN now() ELSE a.window_start END
     RETURNING key, attempts, ceil(extract(epoch FROM a.window_start + make_interval(secs => $2) - now()))::int AS window_left`,
    [[...new Set(keys)].sort(), windowSeconds],
  );
  return rows.map((row) => ({ key: row.key, attempts: row.attempts, windowLeftSeconds: Math.max(1, row.window_left) }));
}

/** Gives back one attempt (a sign-in that succeeded), so good sign-ins never use up a key's allowance. */
export async function releaseLoginAttempt(sql: Sql, key: string): Promise<void> {
  await sql.query('UPDATE login_attempts SET attempts = greatest(attempts - 1, 0) WHERE key = $1', [key]);
}

/** Forgets a key's attempts (the user proved they hold the password) and windows that have ended. */
export async function clearLoginAttempts(sql: Sql, key: string, windowSeconds: number): Promise<void> {
  await sql.query('DELETE FROM login_attempts WHERE key = $1 OR window_start <= now() - make_interval(secs => $2)', [key, windowSeconds]);
}
