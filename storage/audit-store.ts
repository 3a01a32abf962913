// The audit log: who changed what, when, from where, and whether it was allowed.
import type { Sql } from './database.ts';

export interface AuditEntry {
  actor?: string;
  action: string;
  target?: string;
  source?: string;
  outcome?: 'ok' | 'refused' | 'failed';
  detail?: Record<string, unknown>;
}

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

export async function listAudit(sql: Sql, limit = 100): Promise<Record<string, unknown>[]> {
  return sql.query('SELECT seq, at, actor, action, target, source, outcome, detail FROM audit ORDER BY seq DESC LIMIT $1', [limit]);
}
