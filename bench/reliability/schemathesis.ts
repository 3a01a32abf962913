// Schemathesis (PyPI) against a running Casemap's /api/openapi.json: installed once, pinned, into
// .tools/schemathesis (beside PM4Py's .tools/python, so neither upgrades the other's dependencies).
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCHEMATHESIS_VERSION = '4.32.5';
const target = fileURLToPath(new URL('../../.tools/schemathesis', import.meta.url));
const env = { ...process.env, PYTHONPATH: target, PYTHONWARNINGS: 'ignore' };

function installed(): boolean {
  return spawnSync('python3', ['-c', `import schemathesis, sys; sys.exit(0 if schemathesis.__version__ == '${SCHEMATHESIS_VERSION}' else 1)`], { env, stdio: 'ignore', timeout: 120_000 }).status === 0;
}

export function ensureSchemathesis(): { available: true } | { available: false; reason: string } {
  if (installed()) return { available: true };
  mkdirSync(target, { recursive: true });
  const pip = spawnSync('python3', ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--target', target, `schemathesis==${SCHEMATHESIS_VERSION}`], { env, encoding: 'utf8', timeout: 900_000 });
  if (pip.status !== 0) return { available: false, reason: `pip could not install schemathesis==${SCHEMATHESIS_VERSION}: ${(pip.stderr ?? '').trim().split('\n').slice(-3).join(' ')}` };
  return installed() ? { available: true } : { available: false, reason: 'schemathesis installed but does not import' };
}

export interface FuzzCounts {
  requests: number;
  byStatus: Record<string, number>;
  serverErrors: { method: string; url: string; status: number }[];
  exitCode: number | null;
}

/** Runs every phase against the document, with `headers` on each request; counts from its HAR log. Asynchronous, so the API under test can live in this process. */
export async function runSchemathesis(openApiUrl: string, headers: Record<string, string>, options: { maxExamples: number; reportDir: string; seed?: number; exclude?: string[] }): Promise<FuzzCounts> {
  const har = join(options.reportDir, 'schemathesis.har');
  const args = [join(target, 'bin', 'schemathesis'), 'run', openApiUrl, '--checks', 'not_a_server_error', '--max-examples', String(options.maxExamples), '--seed', String(options.seed ?? 20261125), '--workers', '2', '--request-timeout', '60', '--continue-on-failure', '--no-shrink', '--report', 'har', '--report-har-path', har, '--no-color', ...(options.exclude ?? []).flatMap((pattern) => ['--exclude-path-regex', pattern])];
  for (const [name, value] of Object.entries(headers)) args.push('--header', `${name}: ${value}`);
  const child = spawn('python3', args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout = (stdout + chunk.toString()).slice(-20_000);
  });
  const [exitCode] = (await once(child, 'exit')) as [number | null];
  if (exitCode !== 0) console.log(stdout.split('\n').slice(-40).join('\n'));
  const entries = (JSON.parse(readFileSync(har, 'utf8')) as { log: { entries: { request: { method: string; url: string }; response: { status: number } }[] } }).log.entries;
  const byStatus: Record<string, number> = {};
  for (const entry of entries) byStatus[entry.response.status] = (byStatus[entry.response.status] ?? 0) + 1;
  return {
    requests: entries.length,
    byStatus,
    serverErrors: entries.filter((entry) => entry.response.status >= 500).map((entry) => ({ method: entry.request.method, url: entry.request.url, status: entry.response.status })),
    exitCode,
  };
}
