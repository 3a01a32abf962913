// A PostgreSQL connection dropped in the middle of a transaction (found by the crash and restart run:
// a worker died when the postmaster was killed while it was writing) fails that transaction only;
// the process lives on and the next transaction gets a fresh connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from '../../bench/reliability/postgres-server.ts';
import { openPostgres, type Database } from '../../storage/database.ts';

describe('a connection lost inside a transaction', () => {
  let server: PostgresServer;
  let db: Database;
  beforeAll(async () => {
    server = await startPostgres();
    db = openPostgres(server.url);
    await db.query('CREATE TABLE notes (id integer PRIMARY KEY)');
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    server?.stop();
  });

  it('rejects that transaction, writes none of it, and leaves the next one working', async () => {
    const outcome = db.transaction(async (tx) => {
      await tx.query('INSERT INTO notes (id) VALUES (1)');
      const [{ pid }] = (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
      // The server ends this connection while the transaction waits between two statements.
      await db.query('SELECT pg_terminate_backend($1)', [pid]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.query('INSERT INTO notes (id) VALUES (2)');
    });
    await expect(outcome).rejects.toThrow();

    await db.transaction((tx) => tx.query('INSERT INTO notes (id) VALUES (3)'));
    expect(await db.query<{ id: number }>('SELECT id FROM notes ORDER BY id')).toEqual([{ id: 3 }]);
  });
});
