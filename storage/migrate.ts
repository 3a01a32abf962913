// Applies storage/migrations/*.sql in name order, once each, on every start. An advisory lock
// keeps several API or worker processes starting together from racing each other.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

const migrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));
const LOCK_ID = 4_242_001;

export async function migrate(db: Database): Promise<string[]> {
  const files = readdirSync(migrationsDir).filter((name) => name.endsWith('.sql')).sort();
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((row) => row.name));
    const applied: string[] = [];
    for (const name of files) {
      if (done.has(name)) continue;
      for (const statement of migrationStatements(name)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      applied.push(name);
    }
    return applied;
  });
}

/** A migration's statements, one each (a test runs one again on data it should have changed). */
export function migrationStatements(name: string): string[] {
  return splitStatements(readFileSync(join(migrationsDir, name), 'utf8'));
}

// Extended-protocol queries take one statement each; migrations are plain DDL without
// semicolons inside literals, so splitting on statement ends is enough.
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter((statement) => statement.length > 0);
}
