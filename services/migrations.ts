// Case migrations between versions of a process (docs/migration.md): which cases a plan covers,
// the stored runs and their progress. The Temporal side (previews read from the case workflows,
// the migration workflow started) is the API's; the store's is here.
import type { Database } from '../storage/database.ts';
import type { MigrationProgress } from '../domain/contract/migration.ts';
import {
  countRunningCases,
  deleteMigration,
  findMigration,
  insertMigration,
  listMigrations,
  runningCaseIds,
  type NewMigration,
} from '../storage/case-migration-store.ts';

export type { NewMigration };

/** How many cases run on a version now. */
export async function runningCaseCount(db: Database, definitionId: string, version: number): Promise<number> {
  return countRunningCases(db, definitionId, version);
}

/**
 * The cases a plan covers: the named ones (in the order named, once each), else every case running
 * on the version. Which of them really run on it is for the case workflow to say.
 */
export async function casesToMigrate(db: Database, definitionId: string, version: number, caseIds?: readonly string[]): Promise<string[]> {
  if (caseIds) return [...new Set(caseIds)];
  return runningCaseIds(db, definitionId, version);
}

/** Stores a run and the cases it covers, all pending; its progress as first answered. */
export async function createMigration(db: Database, migration: NewMigration): Promise<MigrationProgress> {
  await insertMigration(db, migration);
  return (await findMigration(db, migration.migrationId))!;
}

/** Undoes `createMigration` when its workflow could not be started, so no run stays "running" for ever. */
export async function forgetMigration(db: Database, migrationId: string): Promise<void> {
  await deleteMigration(db, migrationId);
}

export async function migrationProgress(db: Database, migrationId: string): Promise<MigrationProgress | null> {
  return findMigration(db, migrationId);
}

export async function migrationsOf(db: Database, definitionId: string): Promise<MigrationProgress[]> {
  return listMigrations(db, definitionId);
}
