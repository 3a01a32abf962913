// The audit log: who changed what, when, from where, and whether it was allowed.
import type { Database } from '../storage/database.ts';
import { listAudit, writeAudit, type AuditEntry } from '../storage/audit-store.ts';
import type { AuditRecord } from '../domain/contract/admin.ts';

export type { AuditEntry };

export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await writeAudit(db, entry);
}

/** The newest `limit` entries, newest first. */
export async function latestAudit(db: Database, limit: number): Promise<AuditRecord[]> {
  return listAudit(db, limit);
}
