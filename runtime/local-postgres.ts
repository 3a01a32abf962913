// A PostgreSQL server from Debian's packages, run on a data folder of our own: the cluster's one
// database server and the reliability harness's throwaway one. As root it runs as the `postgres`
// account (PostgreSQL refuses to run as root), and it can be killed -9 and started again on the
// same data, so PostgreSQL has to recover from its WAL.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run$ = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LocalPostgresOptions {
  /** The server's folder: its data folder, socket and log go inside; a data folder already there is started as it is. */
  dir: string;
  port: number;
  /** Extra initdb arguments, e.g. `--no-sync` for a throwaway server. */
  initdb?: string[];
  /** Extra server settings (`-c` values), e.g. `fsync=on`. */
  settings?: string[];
}

export interface LocalPostgres {
  port: number;
  /** A PostgreSQL tool (psql, pg_ctl, …) with its arguments, run as the account that owns the data. */
  command(tool: string, args: string[]): [string, string[]];
  /**
   * kill -9 of the postmaster, as the OOM killer would, and a start on the same data once its
   * orphaned backends are gone. `beforeKill` runs first and may make the kill itself, at a moment
   * it chooses (the postmaster is killed here if it is still alive after).
   */
  crashAndRestart(beforeKill?: (pid: number) => Promise<void>): Promise<{ downMs: number; recovered: boolean }>;
  /** A fast shutdown, waited for; throws when pg_ctl fails. Synchronous, so it also runs on process exit. */
  stop(): void;
}

function postgresBin(): string {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b)) : [];
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

export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  const { dir, port } = options;
  const bin = postgresBin();
  const asRoot = process.getuid?.() === 0;
  mkdirSync(dir, { recursive: true });
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const command = (tool: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args]);
  const data = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  if (!existsSync(join(data, 'PG_VERSION'))) execFileSync(...command('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', ...(options.initdb ?? [])]), { stdio: ['ignore', 'ignore', 'inherit'] });
  // The cluster's two APIs, two workers and four Temporal services each keep a pool: more than the default 100.
  const settings = ['listen_addresses=127.0.0.1', 'max_connections=300', ...(options.settings ?? [])].map((setting) => `-c ${setting}`).join(' ');
  const startArgs = ['-D', data, '-o', `-p ${port} -k ${dir} ${settings}`, '-l', logFile, '-w', '-t', '120', 'start'];
  const start = async () => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await run$(...command('pg_ctl', startArgs), { timeout: 150_000 });
        return;
      } catch (error) {
        // Backends orphaned by a killed postmaster still hold shared memory for a moment.
        if (attempt === 60) throw error;
        await sleep(500);
      }
    }
  };
  await start();
  const postmasterPid = () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);

  return {
    port,
    command,
    async crashAndRestart(beforeKill) {
      const pid = postmasterPid();
      const children = (await run$('pgrep', ['-P', String(pid)]).catch(() => ({ stdout: '' }))).stdout.split('\n').filter(Boolean).map(Number);
      const logLength = readFileSync(logFile, 'utf8').length;
      await beforeKill?.(pid);
      const killedAt = Date.now();
      if (alive(pid)) process.kill(pid, 'SIGKILL');
      // Orphaned backends notice the postmaster's death and exit by themselves; a new postmaster
      // refuses to start while they still hold the shared memory, so wait for them as an operator would.
      while (alive(pid) || children.some(alive)) {
        if (Date.now() - killedAt > 30_000) throw new Error(`PostgreSQL backends ${children.filter(alive).join(', ')} outlived their killed postmaster by 30 s`);
        await sleep(50);
      }
      await start();
      const after = readFileSync(logFile, 'utf8').slice(logLength);
      return { downMs: Date.now() - killedAt, recovered: /automatic recovery in progress/.test(after) && /redo done|database system is ready/.test(after) };
    },
    stop() {
      execFileSync(...command('pg_ctl', ['-D', data, '-m', 'fast', 'stop']), { stdio: ['ignore', 'ignore', 'inherit'], timeout: 60_000 });
    },
  };
}
