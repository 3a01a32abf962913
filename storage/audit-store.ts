// The audit log: who changed what, when, from where, and whether it was allowed.
import type { AuditRecord } from '../domain/contract/admin.ts';
import type { Sql } from './database.ts';

/** An entry to write: the record's fields, those the log fills in (seq, at) left out, the rest optional. */
export type AuditEntry = Pick<AuditRecord, 'action'> & Partial<{ [K in 'actor' | 'target' | 'source' | 'detail']: NonNullable<AuditRecord[K]> }> & Partial<Pick<AuditRecord, 'outcome'>>;

export async function writeAudit(sql: Sql, entry: AuditEntry): Promise<void> {
  await sql.query('INSERT INTO audit (actor, action, target, source, outcome, detail) VALUES ($1, $2, $3, $4, $5, $6)', [
    entry.actor ?? null,
    entry.action,
    entry.target ?? null,
    entry.source ?? null,
    entry.outcome ?? 'ok',
    JSON.stringify(entry.detail ?? {}),
  ]);
}

export async function listAudit(sql: Sql, limit = 100): Promise<AuditRecord[]> {
  return sql.query<AuditRecord>('SELECT seq, at, actor, action, target, source, outcome, detail FROM audit ORDER BY seq DESC LIMIT $1', [limit]);
}
