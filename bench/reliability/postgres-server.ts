// A throwaway PostgreSQL server for the reliability runs: a fresh cluster in a temp folder that the
// harness can crash (kill -9 of the postmaster, as the OOM killer would) and start again on the same
// data, so PostgreSQL has to recover from its WAL.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../runtime/free-port.ts';

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
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function postgresBin(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  const latest = versions.at(-1);
  if (!latest) throw new Error('No PostgreSQL server under /usr/lib/postgresql; install the `postgresql` package (as .ci/run does).');
  return join('/usr/lib/postgresql', latest, 'bin');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'casemap-reliability-pg-'));
  const port = await freePort();
  // PostgreSQL refuses to run as root; CI and this machine run as root, so use the postgres account.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const command = (tool: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args]);
  const run = (tool: string, args: string[]) => execFileSync(...command(tool, args), { stdio: ['ignore', 'ignore', 'inherit'] });
  const data = join(dir, 'data');
  const logFile = join(dir, 'log');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync']);
  const startArgs = ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on`, '-l', logFile, '-w', 'start'];
  run('pg_ctl', startArgs);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const postmasterPid = () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);

  return {
    url,
    async crashAndRestart() {
      const pid = postmasterPid();
      const children = (await run$('pgrep', ['-P', String(pid)]).catch(() => ({ stdout: '' }))).stdout.split('\n').filter(Boolean).map(Number);
      const logLength = readFileSync(logFile, 'utf8').length;
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
      const watched = await run$(...command('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', watch]), { timeout: 30_000 }).then(
        (done) => done.stderr,
        (error: { stderr?: string }) => error.stderr ?? '',
      );
      const killedAt = Date.now();
      const writesInFlight = Number(/writing=(\d+)/.exec(watched)?.[1] ?? 0);
      if (alive(pid)) process.kill(pid, 'SIGKILL');
      // Orphaned backends notice the postmaster's death and exit by themselves; a new postmaster
      // refuses to start while they still hold the shared memory, so wait for them as an operator would.
      while (alive(pid) || children.some(alive)) {
        if (Date.now() - killedAt > 30_000) throw new Error(`PostgreSQL backends ${children.filter(alive).join(', ')} outlived their killed postmaster by 30 s`);
        await sleep(50);
      }
      for (let attempt = 0; ; attempt += 1) {
        try {
          await run$(...command('pg_ctl', startArgs), { timeout: 120_000 });
          break;
        } catch (error) {
          if (attempt === 60) throw error;
          await sleep(500);
        }
      }
      const after = readFileSync(logFile, 'utf8').slice(logLength);
      return { writesInFlight, downMs: Date.now() - killedAt, recovered: /automatic recovery in progress/.test(after) && /redo done|database system is ready/.test(after) };
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
