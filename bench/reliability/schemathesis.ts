// Schemathesis (PyPI) against a running Casemap's /api/openapi.json: installed once, pinned, into
// .tools/schemathesis (beside PM4Py's .tools/python, so neither upgrades the other's dependencies),
// run with every check and the per-operation settings of schemathesis-settings.ts.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemathesisConfig } from './schemathesis-settings.ts';

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

export type Phase = 'examples' | 'coverage' | 'fuzzing' | 'stateful';

export interface FuzzOptions {
  maxExamples: number;
  /** Where this run's reports go (one folder per run: reports are found by listing it). */
  reportDir: string;
  phases: Phase[];
  seed?: number;
  /** Path regexes of operations not to call at all (each with its reason at the caller). */
  exclude?: string[];
}

/** One failed check, as Schemathesis reports it: the operation, the check codes and its own account with a curl to replay. */
export interface CheckFailure {
  operation: string;
  checks: string[];
  report: string;
}

export interface FuzzCounts {
  requests: number;
  byStatus: Record<string, number>;
  serverErrors: { method: string; url: string; status: number }[];
  /** Check failures and Schemathesis errors (an operation it could not test is a failure of the run too). */
  failures: CheckFailure[];
  /** Operations where a request over Node's 16 KB header limit was reset rather than answered 431 (see isOversizedRequestReset). */
  oversizedResets: string[];
  exitCode: number | null;
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code))).replace(/&amp;/g, '&');
}

/**
 * Node's HTTP parser refuses a request line or headers over 16 KB (--max-http-header-size) before
 * Casemap sees the request: it writes 431 and closes the socket, and a client still sending a long
 * URL may read that as a reset instead of the 431 (other runs record the 431 itself). Such a
 * "Network Error" is kept apart from the failures, listed, and not counted against Casemap.
 */
const NODE_MAX_HEADER_BYTES = 16 * 1024;

function isOversizedRequestReset(report: string): boolean {
  const url = report.match(/curl -X \w+ .*'(http[^']*)'/)?.[1] ?? '';
  return report.startsWith('Network Error') && url.length > NODE_MAX_HEADER_BYTES;
}

/** The JUnit report holds one testcase per operation (and one for the stateful phase) with its failures and errors. */
export function failuresOf(junit: string): { failures: CheckFailure[]; oversizedResets: string[] } {
  const failures: CheckFailure[] = [];
  const oversizedResets: string[] = [];
  for (const testcase of junit.matchAll(/<testcase name="([^"]*)"[^>]*[^/]>([\s\S]*?)<\/testcase>/g)) {
    const operation = unescapeXml(testcase[1]!);
    for (const problem of testcase[2]!.matchAll(/<(failure|error)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
      const report = unescapeXml(problem[2]!).trim();
      if (problem[1] === 'error' && isOversizedRequestReset(report)) {
        oversizedResets.push(operation);
        continue;
      }
      const checks = problem[1] === 'error' ? [`error: ${report.split('\n')[0]}`] : [...new Set([...report.matchAll(/^- (ST\d+ .+)$/gm)].map((match) => match[1]!.trim()))];
      failures.push({ operation, checks, report });
    }
  }
  return { failures, oversizedResets };
}

/** Runs the chosen phases with all checks against the document, with `headers` on each request. Asynchronous, so the API under test can live in this process. */
export async function runSchemathesis(openApiUrl: string, headers: Record<string, string>, options: FuzzOptions): Promise<FuzzCounts> {
  mkdirSync(options.reportDir, { recursive: true });
  const configFile = join(options.reportDir, 'schemathesis.toml');
  writeFileSync(configFile, schemathesisConfig());
  const har = join(options.reportDir, 'schemathesis.har');
  const junit = join(options.reportDir, 'junit.xml');
  const args = [
    join(target, 'bin', 'schemathesis'),
    '--config-file', configFile,
    '--no-color',
    'run', openApiUrl,
    '--checks', 'all',
    '--phases', options.phases.join(','),
    '--max-examples', String(options.maxExamples),
    '--seed', String(options.seed ?? 20261207),
    // One worker: with two, Hypothesis's lambda descriptions race in CPython 3.11's ast.parse ("AST constructor recursion depth mismatch").
    '--workers', '1',
    // Above the API's longest designed answer: a simulation may run 120 s before it is refused as
    // too large (services/simulation.ts), which a loaded machine reaches; a shorter read timeout
    // reported that as a dropped connection.
    '--request-timeout', '130',
    '--continue-on-failure',
    '--no-shrink',
    '--report', 'junit,har', '--report-har-path', har, '--report-junit-path', junit,
    ...(options.exclude ?? []).flatMap((pattern) => ['--exclude-path-regex', pattern]),
  ];
  for (const [name, value] of Object.entries(headers)) args.push('--header', `${name}: ${value}`);
  const child = spawn('python3', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-40_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const [exitCode] = (await once(child, 'exit')) as [number | null];
  const reports = readdirSync(options.reportDir);
  if (!reports.includes('junit.xml') || !reports.includes('schemathesis.har')) throw new Error(`Schemathesis wrote no report (exit ${exitCode}):\n${output.slice(-4000)}`);
  const entries = (JSON.parse(readFileSync(har, 'utf8')) as { log: { entries: { request: { method: string; url: string }; response: { status: number } }[] } }).log.entries;
  const byStatus: Record<string, number> = {};
  for (const entry of entries) byStatus[entry.response.status] = (byStatus[entry.response.status] ?? 0) + 1;
  const { failures, oversizedResets } = failuresOf(readFileSync(junit, 'utf8'));
  if (exitCode !== 0 && failures.length === 0 && oversizedResets.length === 0) throw new Error(`Schemathesis failed without reporting a failure (exit ${exitCode}):\n${output.slice(-4000)}`);
  return {
    requests: entries.length,
    byStatus,
    serverErrors: entries.filter((entry) => entry.response.status >= 500).map((entry) => ({ method: entry.request.method, url: entry.request.url, status: entry.response.status })),
    failures,
    oversizedResets,
    exitCode,
  };
}
