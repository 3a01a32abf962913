// `npm run fuzz-api -- --examples 100`: a whole Casemap (its own Temporal dev server, PGlite — or the
// PostgreSQL DATABASE_URL names, as CI's second pass runs the store —, worker,
// API, the sample library deployed and cases running) fuzzed by Schemathesis from its OpenAPI
// document with every check and every phase (examples, coverage, fuzzing, stateful links), once as
// each role and once as an API key. Prints the counts per role and each failure; exits 1 on any.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCasemap } from '../../stack/start-casemap.ts';
import { readConfig } from '../../runtime/config.ts';
import { freePort } from '../../runtime/free-port.ts';
import { ensureSchemathesis, type Phase } from './schemathesis.ts';
import { fuzzAsEachRole, prepareFuzzRoles } from './schemathesis-roles.ts';

const { values } = parseArgs({ options: { examples: { type: 'string', default: '100' }, phases: { type: 'string', default: 'examples,coverage,fuzzing,stateful' }, seed: { type: 'string', default: '20261207' }, together: { type: 'boolean', default: false } } });
const installed = ensureSchemathesis();
if (!installed.available) throw new Error(installed.reason);

const dataDir = mkdtempSync(join(tmpdir(), 'casemap-fuzz-'));
const store = process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {};
const casemap = await startCasemap({ config: readConfig({ PORT: '0', CASEMAP_DATA_DIR: dataDir, NODE_ENV: 'test', TEMPORAL_PORT: String(await freePort()), TEMPORAL_UI_PORT: String(await freePort()), ...store }) });
const started = Date.now();
try {
  const roles = await prepareFuzzRoles(casemap.url);
  const runs = await fuzzAsEachRole(`${casemap.url}/api/openapi.json`, roles, {
    maxExamples: Number(values.examples),
    phases: values.phases.split(',') as Phase[],
    seed: Number(values.seed),
    reportDir: dataDir,
    together: values.together,
  });
  const document = await (await fetch(`${casemap.url}/api/openapi.json`)).json();
  const operations = Object.values(document.paths as Record<string, object>).reduce((sum, methods) => sum + Object.keys(methods).length, 0);
  const health = await fetch(`${casemap.url}/api/health`);
  console.log(`\nschemathesis ${values.phases}, all checks, max ${values.examples} examples per operation, ${operations} operations, seed ${values.seed}, roles ${values.together ? 'at once' : 'one after another'}, ${Math.round((Date.now() - started) / 1000)} s`);
  console.log('| role | requests | statuses | 5xx | check failures |\n|---|---|---|---|---|');
  for (const { role, counts } of runs) console.log(`| ${role} | ${counts.requests} | ${Object.entries(counts.byStatus).map(([status, count]) => `${status}: ${count}`).join(', ')} | ${counts.serverErrors.length} | ${counts.failures.length} |`);
  console.log(`still up: ${health.ok ? 'yes' : 'NO'} (GET /api/health → ${health.status})`);
  for (const { role, counts } of runs) {
    for (const error of counts.serverErrors.slice(0, 10)) console.log(`  ${role}: ${error.status} ${error.method} ${error.url}`);
    for (const failure of counts.failures) console.log(`\n--- ${role}: ${failure.operation}: ${failure.checks.join('; ')}\n${failure.report.slice(0, 2000)}`);
  }
  const clean = runs.every(({ counts }) => counts.requests > 0 && counts.serverErrors.length === 0 && counts.failures.length === 0);
  process.exitCode = clean && health.ok ? 0 : 1;
} finally {
  await casemap.stop();
  if (!process.env.FUZZ_KEEP_REPORT) rmSync(dataDir, { recursive: true, force: true });
}
