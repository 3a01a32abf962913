// A throwaway PostgreSQL server for the reliability runs: a fresh cluster in a temp folder that the
// harness can crash (`pg_ctl stop -m immediate`, like a power cut) and start again on the same data.
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../runtime/free-port.ts';

export interface PostgresServer {
  url: string;
  crashAndRestart(): void;
  stop(): void;
}

function postgresBin(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  const latest = versions.at(-1);
  if (!latest) throw new Error('No PostgreSQL server under /usr/lib/postgresql; install the `postgresql` package (as .ci/run does).');
  return join('/usr/lib/postgresql', latest, 'bin');
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'casemap-reliability-pg-'));
  const port = await freePort();
  // PostgreSQL refuses to run as root; CI and this machine run as root, so use the postgres account.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] as const : [join(bin, tool), args] as const;
    execFileSync(command[0], [...command[1]], { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync']);
  const start = () => run('pg_ctl', ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on`, '-l', join(dir, 'log'), '-w', 'start']);
  start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    crashAndRestart() {
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      start();
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
