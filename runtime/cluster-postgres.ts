// Debian's PostgreSQL as the cluster's one database server: Temporal's persistence and visibility
// databases and Casemap's projection, in a data folder that survives restarts (or a throwaway one
// for tests). Starting, crashing and stopping it are runtime/local-postgres.ts.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startLocalPostgres } from './local-postgres.ts';

const run$ = promisify(execFile);

export interface ClusterPostgres {
  host: string;
  port: number;
  /** postgres://… of a database on this server, as the superuser (trust on loopback only). */
  urlOf(database: string): string;
  psql(database: string, sql: string): Promise<string>;
  /** kill -9 of the postmaster, as the OOM killer would, then start again on the same data (WAL recovery). */
  crashAndRestart(): Promise<{ downMs: number; recovered: boolean }>;
  stop(): Promise<void>;
}

export async function startClusterPostgres(dir: string, port: number): Promise<ClusterPostgres> {
  const server = await startLocalPostgres({ dir, port });
  const psql = async (database: string, sql: string) =>
    (await run$('psql', ['-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-c', sql], { timeout: 60_000 })).stdout.trim();
  return {
    host: '127.0.0.1',
    port,
    urlOf: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    psql,
    crashAndRestart: () => server.crashAndRestart(),
    async stop() {
      try {
        server.stop();
      } catch {
        // Already down (a crash the test left, or a stop that came twice): nothing to stop.
      }
    },
  };
}

/** Creates a database owned by the superuser unless it exists (PostgreSQL has no CREATE DATABASE IF NOT EXISTS). */
export async function ensureDatabase(postgres: ClusterPostgres, name: string): Promise<void> {
  const exists = await postgres.psql('postgres', `SELECT 1 FROM pg_database WHERE datname = '${name.replace(/'/g, "''")}'`);
  if (exists !== '1') await postgres.psql('postgres', `CREATE DATABASE "${name.replace(/"/g, '""')}"`);
}
