// Where cases wait for broadcast signals, as the case log records it: a broadcast pages through
// the waiting cases in case id order, so a page retried or resumed after a crash starts where it left off.
import type { Sql } from './database.ts';

/** Up to `limit` cases waiting for the signal, after `after` in case id order. */
export async function findSignalWaiters(sql: Sql, signalName: string, after: string | undefined, limit: number): Promise<string[]> {
  const rows = await sql.query<{ case_id: string }>(
    `SELECT DISTINCT case_id FROM signal_subscriptions
     WHERE signal_name = $1 AND ($2::text IS NULL OR case_id > $2::text) ORDER BY case_id LIMIT $3`,
    [signalName, after ?? null, limit],
  );
  return rows.map((row) => row.case_id);
}

/** How many cases wait for the signal now. */
export async function countSignalWaiters(sql: Sql, signalName: string): Promise<number> {
  const [row] = await sql.query<{ count: number | string }>('SELECT count(DISTINCT case_id) AS count FROM signal_subscriptions WHERE signal_name = $1', [signalName]);
  return Number(row?.count ?? 0);
}
