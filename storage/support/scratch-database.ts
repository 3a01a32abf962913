// A database of its own for one test on a shared PostgreSQL server (CI's, or a throwaway one named by
// DATABASE_URL), so tests never see each other's rows and need no cleaning between them.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** Creates an empty database on the server `adminUrl` reaches and answers its URL. */
export async function createScratchDatabase(adminUrl: string): Promise<string> {
  const name = `casemap_test_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
