// For the store's tests: a migrated, empty database of the test's own. PGlite in memory, or, when
// DATABASE_URL names a PostgreSQL server (CI's second pass), a scratch database on it, so a query
// PostgreSQL refuses and PGlite takes fails a test too.
import { openPglite, openPostgres, type Database } from '../database.ts';
import { migrate } from '../migrate.ts';
import { createScratchDatabase } from './scratch-database.ts';

export async function openTestStore(): Promise<Database> {
  const server = process.env.DATABASE_URL;
  const db = server ? openPostgres(await createScratchDatabase(server)) : openPglite();
  await migrate(db);
  return db;
}
