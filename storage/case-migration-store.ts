// Case migrations as stored: the plan, the cases it covers and each case's outcome. A case's
// outcome and its audit entry are written together and only while the case is still pending, so a
// batch retried after a crash records every case exactly once.
import type { ElementMapping, MigrationProgress, MigrationRefusal } from '../domain/contract/migration.ts';
import { writeAudit } from './audit-store.ts';
import type { Database, Sql } from './database.ts';

export interface StoredPlan {
  migrationId: string;
  definitionId: string;
  fromVersion: number;
  toVersion: number;
  mappings: ElementMapping[];
  startedBy: string;
}

/** A run as it is started: its plan and the cases it covers, in order. */
export type NewMigration = StoredPlan & { caseIds: string[] };

type MigrationRow = { id: string; definition_id: string; from_version: number; to_version: number; mappings: ElementMapping[]; status: 'running' | 'completed'; started_by: string; started_at: string; finished_at: string | null };
type CaseRow = { case_id: string; outcome: 'pending' | 'migrated' | 'refused'; refusals: MigrationRefusal[] };

export async function insertMigration(db: Database, migration: NewMigration): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO migrations (id, definition_id, from_version, to_version, mappings, started_by) VALUES ($1, $2, $3, $4, $5, $6)', [
      migration.migrationId,
      migration.definitionId,
      migration.fromVersion,
      migration.toVersion,
      JSON.stringify(migration.mappings),
      migration.startedBy,
    ]);
    // One statement for the whole list: unnest keeps the order as positions.
    await tx.query(
      `INSERT INTO migration_cases (migration_id, case_id, position)
       SELECT $1, case_id, position::int FROM unnest($2::text[]) WITH ORDINALITY AS listed(case_id, position)
       ON CONFLICT DO NOTHING`,
      [migration.migrationId, migration.caseIds],
    );
  });
}

export async function deleteMigration(sql: Sql, migrationId: string): Promise<void> {
  await sql.query('DELETE FROM migrations WHERE id = $1', [migrationId]);
}

export async function findPlan(sql: Sql, migrationId: string): Promise<StoredPlan | null> {
  const [row] = await sql.query<MigrationRow>('SELECT * FROM migrations WHERE id = $1', [migrationId]);
  return row ? { migrationId: row.id, definitionId: row.definition_id, fromVersion: row.from_version, toVersion: row.to_version, mappings: row.mappings, startedBy: row.started_by } : null;
}

export async function findMigration(sql: Sql, migrationId: string): Promise<MigrationProgress | null> {
  const [row] = await sql.query<MigrationRow>('SELECT * FROM migrations WHERE id = $1', [migrationId]);
  return row ? progressOf(sql, row) : null;
}

/** A process's migrations, newest first. */
export async function listMigrations(sql: Sql, definitionId: string, limit = 50): Promise<MigrationProgress[]> {
  const rows = await sql.query<MigrationRow>('SELECT * FROM migrations WHERE definition_id = $1 ORDER BY started_at DESC, id DESC LIMIT $2', [definitionId, limit]);
  return Promise.all(rows.map((row) => progressOf(sql, row)));
}

async function progressOf(sql: Sql, row: MigrationRow): Promise<MigrationProgress> {
  const cases = await sql.query<CaseRow>('SELECT case_id, outcome, refusals FROM migration_cases WHERE migration_id = $1 ORDER BY position', [row.id]);
  return {
    migrationId: row.id,
    definitionId: row.definition_id,
    fromVersion: row.from_version,
    toVersion: row.to_version,
    status: row.status,
    startedBy: row.started_by,
    startedAt: row.started_at,
    ...(row.finished_at ? { finishedAt: row.finished_at } : {}),
    total: cases.length,
    migrated: cases.filter((c) => c.outcome === 'migrated').length,
    refused: cases.filter((c) => c.outcome === 'refused').length,
    cases: cases.map((c) => ({ caseId: c.case_id, outcome: c.outcome, refusals: c.refusals })),
  };
}

/** The next cases still to decide, in the migration's order. */
export async function pendingCases(sql: Sql, migrationId: string, limit: number): Promise<string[]> {
  const rows = await sql.query<{ case_id: string }>(`SELECT case_id FROM migration_cases WHERE migration_id = $1 AND outcome = 'pending' ORDER BY position LIMIT $2`, [migrationId, limit]);
  return rows.map((row) => row.case_id);
}

export async function isPending(sql: Sql, migrationId: string, caseId: string): Promise<boolean> {
  const rows = await sql.query(`SELECT 1 FROM migration_cases WHERE migration_id = $1 AND case_id = $2 AND outcome = 'pending'`, [migrationId, caseId]);
  return rows.length > 0;
}

export interface CaseOutcome {
  migrationId: string;
  caseId: string;
  outcome: 'migrated' | 'refused';
  refusals: MigrationRefusal[];
  actor: string;
  detail: Record<string, unknown>;
}

/** Records a case's outcome and its one audit entry; false (nothing written) when it was already recorded. */
export async function recordCaseOutcome(db: Database, outcome: CaseOutcome): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx.query(
      `UPDATE migration_cases SET outcome = $3, refusals = $4, decided_at = now() WHERE migration_id = $1 AND case_id = $2 AND outcome = 'pending' RETURNING case_id`,
      [outcome.migrationId, outcome.caseId, outcome.outcome, JSON.stringify(outcome.refusals)],
    );
    if (updated.length === 0) return false;
    await writeAudit(tx, {
      actor: outcome.actor,
      action: 'case.migrate',
      target: outcome.caseId,
      outcome: outcome.outcome === 'migrated' ? 'ok' : 'refused',
      detail: { migrationId: outcome.migrationId, ...outcome.detail, ...(outcome.refusals.length > 0 ? { refusals: outcome.refusals.map((refusal) => refusal.code) } : {}) },
    });
    return true;
  });
}

export async function markFinished(sql: Sql, migrationId: string): Promise<void> {
  await sql.query(`UPDATE migrations SET status = 'completed', finished_at = now() WHERE id = $1 AND status = 'running'`, [migrationId]);
}

/** Running cases of a version, oldest first (what a migration covers by default). */
export async function runningCaseIds(sql: Sql, definitionId: string, version: number, limit = 10_000): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(`SELECT id FROM cases WHERE definition_id = $1 AND version = $2 AND status = 'running' ORDER BY started_at, id LIMIT $3`, [definitionId, version, limit]);
  return rows.map((row) => row.id);
}

export async function countRunningCases(sql: Sql, definitionId: string, version: number): Promise<number> {
  const [row] = await sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM cases WHERE definition_id = $1 AND version = $2 AND status = 'running'`, [definitionId, version]);
  return row?.count ?? 0;
}
