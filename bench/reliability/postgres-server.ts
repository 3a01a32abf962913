// A throwaway PostgreSQL server for the reliability runs: a fresh cluster in a temp folder that the
// harness can crash (kill -9 of the postmaster, as the OOM killer would) and start again on the same
// data, so PostgreSQL has to recover from its WAL. The kill is timed to land while a transaction is writing.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../runtime/free-port.ts';
import { startLocalPostgres } from '../../runtime/local-postgres.ts';

export interface PostgresCrash {
  /** Transactions that had written and not committed when the postmaster was killed. */
  writesInFlight: number;
  /** Milliseconds until the orphaned backends had gone and the new postmaster accepted connections. */
  downMs: number;
  /** The restarted server logged crash recovery (redo from the WAL). */
  recovered: boolean;
}

export interface PostgresServer {
  url: string;
  crashAndRestart(): Promise<PostgresCrash>;
  stop(): void;
}

const run$ = promisify(execFile);

export async function startPostgres(): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'casemap-reliability-pg-'));
  const port = await freePort();
  const server = await startLocalPostgres({ dir, port, initdb: ['--no-sync'], settings: ['fsync=on'] });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async crashAndRestart() {
      let writesInFlight = 0;
      const crash = await server.crashAndRestart(async (pid) => {
        // Watched from inside the server, so the kill follows the sighting of a writing transaction by
        // milliseconds: a backend holding a transaction id has written and not yet committed.
        const watch = `DO $$ DECLARE n int; BEGIN
          FOR i IN 1..1000 LOOP
            PERFORM pg_stat_clear_snapshot();
            SELECT count(*) INTO n FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid();
            IF n > 0 THEN
              RAISE NOTICE 'writing=%', n;
              EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', 'kill -9 ${pid}');
              RETURN;
            END IF;
            PERFORM pg_sleep(0.01);
          END LOOP;
          RAISE NOTICE 'writing=0';
        END $$`;
        const watched = await run$(...server.command('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', watch]), { timeout: 30_000 }).then(
          (done) => done.stderr,
          (error: { stderr?: string }) => error.stderr ?? '',
        );
        writesInFlight = Number(/writing=(\d+)/.exec(watched)?.[1] ?? 0);
      });
      return { writesInFlight, ...crash };
    },
    stop() {
      try {
        server.stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
