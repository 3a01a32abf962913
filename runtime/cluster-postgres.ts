// Debian's PostgreSQL as the cluster's one database server: Temporal's persistence and visibility
// databases and Casemap's projection, in a data folder that survives restarts (or a throwaway one
// for tests), run as the `postgres` account because PostgreSQL refuses to run as root.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run$ = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

export async function startClusterPostgres(dir: string, port: number): Promise<ClusterPostgres> {
  const bin = postgresBin();
  const asRoot = process.getuid?.() === 0;
  mkdirSync(dir, { recursive: true });
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const command = (tool: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args]);
  const data = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  if (!existsSync(join(data, 'PG_VERSION'))) execFileSync(...command('initdb', ['-D', data, '-U', 'postgres', '--auth=trust']), { stdio: ['ignore', 'ignore', 'inherit'] });
  // Two APIs, two workers and four Temporal services each keep a pool: more than the default 100.
  const startArgs = ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300`, '-l', logFile, '-w', '-t', '120', 'start'];
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
  const psql = async (database: string, sql: string) =>
    (await run$('psql', ['-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-c', sql], { timeout: 60_000 })).stdout.trim();
  return {
    host: '127.0.0.1',
    port,
    urlOf: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    psql,
    async crashAndRestart() {
      const pid = postmasterPid();
      const children = (await run$('pgrep', ['-P', String(pid)]).catch(() => ({ stdout: '' }))).stdout.split('\n').filter(Boolean).map(Number);
      const logLength = readFileSync(logFile, 'utf8').length;
      const killedAt = Date.now();
      process.kill(pid, 'SIGKILL');
      while (alive(pid) || children.some(alive)) {
        if (Date.now() - killedAt > 30_000) throw new Error(`PostgreSQL backends ${children.filter(alive).join(', ')} outlived their killed postmaster by 30 s`);
        await sleep(50);
      }
      await start();
      const after = readFileSync(logFile, 'utf8').slice(logLength);
      return { downMs: Date.now() - killedAt, recovered: /automatic recovery in progress/.test(after) };
    },
    async stop() {
      await run$(...command('pg_ctl', ['-D', data, '-m', 'fast', 'stop']), { timeout: 60_000 }).catch(() => undefined);
    },
  };
}

/** Creates a database owned by the superuser unless it exists (PostgreSQL has no CREATE DATABASE IF NOT EXISTS). */
export async function ensureDatabase(postgres: ClusterPostgres, name: string): Promise<void> {
  const exists = await postgres.psql('postgres', `SELECT 1 FROM pg_database WHERE datname = '${name.replace(/'/g, "''")}'`);
  if (exists !== '1') await postgres.psql('postgres', `CREATE DATABASE "${name.replace(/"/g, '""')}"`);
}
