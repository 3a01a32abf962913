// Messages from other systems, and where cases wait for them. A message no case waits for is
// kept as `unmatched` and listed, never dropped. A message is identified by its sender and the id
// the sender chose, so two systems' ids never collide.
import type { MessageRecord } from '../domain/contract/message.ts';
import type { Sql } from './database.ts';
import { caseScopeSql, type CaseScope } from './case-scope.ts';

export type { MessageRecord };

/** What the sender sent; a resend must carry the same, or it is a different message under a reused id. */
export interface MessageRequest {
  id: string;
  sentBy: string;
  name: string;
  correlationKey: string | null;
  payload: Record<string, unknown>;
  /** The one case the sender aimed the message at, if any. */
  targetCaseId: string | null;
}

export type RecordedMessage = { outcome: 'new' | 'duplicate'; record: MessageRecord } | { outcome: 'id-reused' };

const columns = `m.id, m.name, m.correlation_key AS "correlationKey", m.payload, m.status, m.case_ids AS "caseIds", m.sent_by AS "sentBy", m.received_at AS "receivedAt"`;

// jsonb equality ignores key order and spacing, so a resend built by another JSON encoder still matches.
const sameRequest = `(m.name = $3 AND m.correlation_key IS NOT DISTINCT FROM $4 AND m.payload = $5::jsonb AND m.target_case_id IS NOT DISTINCT FROM $6)`;

/** Cases currently waiting for this message name (and key, when the wait names one). */
export async function findWaitingCases(sql: Sql, name: string, correlationKey: string | undefined): Promise<string[]> {
  const rows = await sql.query<{ case_id: string }>(
    `SELECT DISTINCT case_id FROM message_subscriptions
     WHERE message_name = $1 AND (correlation_key IS NULL OR correlation_key = $2::text) ORDER BY case_id`,
    [name, correlationKey ?? null],
  );
  return rows.map((row) => row.case_id);
}

/** A case and the message reference its waits are keyed by (its own `caseReference`, say). */
export interface CaseWithKey {
  caseId: string;
  correlationKey: string;
}

/**
 * Which of these cases wait for which of these messages, in one statement: the same match as
 * findWaitingCases (a wait with no key, or this case's key), asked of many cases at once, so a
 * caller watching every open case does not send a statement per case and message.
 */
export async function findWaitsOfCases(sql: Sql, cases: CaseWithKey[], names: readonly string[]): Promise<{ caseId: string; messageName: string }[]> {
  if (cases.length === 0 || names.length === 0) return [];
  return sql.query<{ caseId: string; messageName: string }>(
    `SELECT DISTINCT s.case_id AS "caseId", s.message_name AS "messageName"
     FROM unnest($1::text[], $2::text[]) AS c(case_id, correlation_key)
     JOIN message_subscriptions s ON s.case_id = c.case_id AND (s.correlation_key IS NULL OR s.correlation_key = c.correlation_key)
     WHERE s.message_name = ANY($3::text[])
     ORDER BY 1, 2`,
    [cases.map((item) => item.caseId), cases.map((item) => item.correlationKey), [...names]],
  );
}

/** An earlier message of this sender under this id: the same message again, or another one reusing the id. */
export async function findSentMessage(sql: Sql, request: MessageRequest): Promise<RecordedMessage | null> {
  const [row] = await sql.query<MessageRecord & { same: boolean }>(
    `SELECT ${columns}, ${sameRequest} AS same FROM messages m WHERE m.sent_by = $1 AND m.id = $2`,
    [request.sentBy, request.id, request.name, request.correlationKey, JSON.stringify(request.payload), request.targetCaseId],
  );
  if (!row) return null;
  if (!row.same) return { outcome: 'id-reused' };
  const { same: _same, ...record } = row;
  return { outcome: 'duplicate', record };
}

/** Stores a message once per (sender, id); a repeat finds the first record, or reports the id reused. */
export async function recordMessage(sql: Sql, request: MessageRequest, status: MessageRecord['status'], caseIds: string[]): Promise<RecordedMessage> {
  const inserted = await sql.query<MessageRecord>(
    `INSERT INTO messages AS m (sent_by, id, name, correlation_key, payload, target_case_id, status, case_ids) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (sent_by, id) DO NOTHING RETURNING ${columns}`,
    [request.sentBy, request.id, request.name, request.correlationKey, JSON.stringify(request.payload), request.targetCaseId, status, caseIds],
  );
  if (inserted[0]) return { outcome: 'new', record: inserted[0] };
  // Another request with this id won the race: the same message, or a different one.
  return (await findSentMessage(sql, request)) ?? { outcome: 'id-reused' };
}

/**
 * Who reads the list: one sender its own messages, or a person the messages that reached cases in
 * `cases` (with `unmatched`, also those that reached none: admins).
 */
export type MessageReader = { kind: 'sender'; sentBy: string } | { kind: 'cases'; cases: CaseScope; unmatched: boolean };

/**
 * Messages newest first. A person sees only messages delivered to cases their scope fully covers
 * (a message carries case data, which a team keeps seeing only while it owns or works the case),
 * and of each only the ids of those cases.
 */
export async function listMessages(sql: Sql, reader: MessageReader, status: MessageRecord['status'] | undefined, limit: number, offset: number): Promise<{ items: MessageRecord[]; total: number }> {
  const params: unknown[] = [status ?? null];
  const param = (value: unknown) => `$${params.push(value)}`;
  const conditions = ['($1::text IS NULL OR m.status = $1)'];
  let select = columns;
  if (reader.kind === 'sender') {
    conditions.push(`m.sent_by = ${param(reader.sentBy)}`);
  } else if (reader.cases.kind !== 'all' || !reader.unmatched) {
    const visible = `FROM cases c WHERE c.id = ANY(m.case_ids) AND ${caseScopeSql(reader.cases, 'c', param).full}`;
    conditions.push(reader.unmatched ? `(cardinality(m.case_ids) = 0 OR EXISTS (SELECT 1 ${visible}))` : `EXISTS (SELECT 1 ${visible})`);
    select = columns.replace('m.case_ids AS "caseIds"', `ARRAY(SELECT c.id ${visible} ORDER BY c.id) AS "caseIds"`);
  }
  const where = conditions.join(' AND ');
  const items = await sql.query<MessageRecord>(`SELECT ${select} FROM messages m WHERE ${where} ORDER BY m.received_at DESC, m.sent_by, m.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, limit, offset]);
  const [count] = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM messages m WHERE ${where}`, params);
  return { items, total: count?.total ?? 0 };
}
