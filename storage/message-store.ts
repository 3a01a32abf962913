// Messages from other systems, and where cases wait for them. A message no case waits for is
// kept as `unmatched` and listed, never dropped.
import type { Sql } from './database.ts';

export interface MessageRecord {
  id: string;
  name: string;
  correlationKey: string | null;
  payload: Record<string, unknown>;
  status: 'delivered' | 'unmatched';
  caseIds: string[];
  sentBy: string | null;
  receivedAt: string;
}

const columns = `id, name, correlation_key AS "correlationKey", payload, status, case_ids AS "caseIds", sent_by AS "sentBy", received_at AS "receivedAt"`;

/** Cases currently waiting for this message name (and key, when the wait names one). */
export async function findWaitingCases(sql: Sql, name: string, correlationKey: string | undefined): Promise<string[]> {
  const rows = await sql.query<{ case_id: string }>(
    `SELECT DISTINCT case_id FROM message_subscriptions
     WHERE message_name = $1 AND (correlation_key IS NULL OR correlation_key = $2::text) ORDER BY case_id`,
    [name, correlationKey ?? null],
  );
  return rows.map((row) => row.case_id);
}

/** Stores a message once; a repeat of the same id returns the first record. */
export async function recordMessage(sql: Sql, message: Omit<MessageRecord, 'receivedAt'>): Promise<{ record: MessageRecord; duplicate: boolean }> {
  const inserted = await sql.query<MessageRecord>(
    `INSERT INTO messages (id, name, correlation_key, payload, status, case_ids, sent_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO NOTHING RETURNING ${columns}`,
    [message.id, message.name, message.correlationKey, JSON.stringify(message.payload), message.status, message.caseIds, message.sentBy],
  );
  if (inserted[0]) return { record: inserted[0], duplicate: false };
  const [existing] = await sql.query<MessageRecord>(`SELECT ${columns} FROM messages WHERE id = $1`, [message.id]);
  return { record: existing!, duplicate: true };
}

export async function listMessages(sql: Sql, status: 'delivered' | 'unmatched' | undefined, limit: number, offset: number): Promise<{ items: MessageRecord[]; total: number }> {
  const items = await sql.query<MessageRecord>(`SELECT ${columns} FROM messages WHERE ($1::text IS NULL OR status = $1) ORDER BY received_at DESC, id LIMIT $2 OFFSET $3`, [status ?? null, limit, offset]);
  const [count] = await sql.query<{ total: number }>('SELECT count(*)::int AS total FROM messages WHERE ($1::text IS NULL OR status = $1)', [status ?? null]);
  return { items, total: count?.total ?? 0 };
}
