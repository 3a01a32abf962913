// The one place that speaks SQL to a connection: PGlite (embedded, data under .data/) by default,
// PostgreSQL when DATABASE_URL is set. Both take the same parameterised SQL and migrations.
import { PGlite } from '@electric-sql/pglite';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { copyFromStdin } from './pg-copy-in.ts';

export interface QueryOptions {
  /**
   * PostgreSQL: a named prepared statement, kept by each connection, for a statement asked often
   * whose planning costs as much as running it (the insights aggregates): after a few runs the
   * server keeps one plan for every value unless it costs more. PGlite ignores it.
   */
  prepared?: boolean;
}

export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[], options?: QueryOptions): Promise<Row[]>;
  /**
   * PostgreSQL only, inside a transaction: `COPY … FROM STDIN` fed `data` (text format). PGlite has
   * none: its COPY from a blob measured slower than INSERT … SELECT FROM unnest (docs/insights.md).
   */
  copyFrom?(copyStatement: string, data: Buffer): Promise<void>;
}

export interface Database extends Sql {
  /** Runs `work` in one transaction: all of it is written or none of it. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}

// Timestamps come back as ISO strings from both stores, so callers never see two representations.
function isoDates(row: unknown): unknown {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row as Record<string, unknown>)) {
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

// PostgreSQL returns bigint (int8) as text; Casemap's counts and sequence numbers fit in a double.
pg.types.setTypeParser(20, (value: string) => Number(value));

export function openPglite(dataDir?: string): Database {
  const db = new PGlite(dataDir);
  return {
    kind: 'pglite',
    async query(text, params) {
      return (await db.query(text, params as unknown[] | undefined)).rows.map(isoDates) as never;
    },
    transaction(work) {
      return db.transaction((tx) =>
        work({ query: async (text, params) => (await tx.query(text, params as unknown[] | undefined)).rows.map(isoDates) as never }),
      );
    },
    close: () => db.close(),
  };
}

// A prepared statement's name stands for its text (never its values), so there are as many as there are statement shapes.
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `casemap_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`));
  return name;
}

export function openPostgres(connectionString: string): Database {
  // Connections are opened on demand and then kept (pg's default closes one idle for 10 s): a new
  // one costs its start-up and a backend with cold catalog caches, tens of ms on the first request
  // after a pause (docs/benchmarks.md, insights API). Idle ones do not keep a script from exiting.
  const pool = new pg.Pool({ connectionString, max: 10, idleTimeoutMillis: 0, allowExitOnIdle: true });
  // An idle connection dropped by the server (a database restart) is reported here; without a
  // listener Node treats it as uncaught and the whole process exits. The pool replaces the
  // connection, and the query that next needs one fails or succeeds on its own.
  pool.on('error', (error) => console.warn(`PostgreSQL connection lost (${error.message}); the pool reconnects.`));
  return {
    kind: 'postgres',
    async query(text, params, options) {
      return (await pool.query({ text, values: params as unknown[] | undefined, ...(options?.prepared ? { name: statementName(text) } : {}) })).rows.map(isoDates) as never;
    },
    async transaction(work) {
      const client = await pool.connect();
      // While checked out, a connection the server drops (a crash mid-transaction) reports on the
      // client, not the pool; unheard, Node would end the process. The failing query says the rest.
      const lost = (error: Error) => console.warn(`PostgreSQL connection lost in a transaction (${error.message}).`);
      client.on('error', lost);
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async (text, params) => (await client.query({ text, values: params as unknown[] | undefined })).rows.map(isoDates) as never,
          copyFrom: (copyStatement, data) => copyFromStdin(client, copyStatement, data),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A dead connection cannot roll back (the server already did); the first error is the one to report.
        await client.query('ROLLBACK').catch((rollbackFailure: Error) => (broken = rollbackFailure));
        throw error;
      } finally {
        client.off('error', lost);
        // A broken connection is destroyed rather than handed to the next caller.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

/** DATABASE_URL wins; otherwise an embedded PGlite in `dataDir` (in memory when undefined). */
export function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Database {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
