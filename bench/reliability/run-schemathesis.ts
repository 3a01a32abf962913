// `npm run fuzz-api -- --examples 50`: a whole Casemap (its own Temporal dev server, PGlite, worker,
// API, the sample library deployed and a case running) fuzzed by Schemathesis from its OpenAPI
// document, signed in as the admin so every route's validation is reached. Prints the counts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCasemap } from '../../bin/casemap-stack.ts';
import { readConfig } from '../../runtime/config.ts';
import { DEMO_PASSWORD } from '../../runtime/demo-identities.ts';
import { freePort } from '../../runtime/free-port.ts';
import { ensureSchemathesis, runSchemathesis } from './schemathesis.ts';

const { values } = parseArgs({ options: { examples: { type: 'string', default: '50' } } });
const installed = ensureSchemathesis();
if (!installed.available) throw new Error(installed.reason);

const dataDir = mkdtempSync(join(tmpdir(), 'casemap-fuzz-'));
const casemap = await startCasemap({ config: readConfig({ PORT: '0', CASEMAP_DATA_DIR: dataDir, NODE_ENV: 'test', TEMPORAL_PORT: String(await freePort()), TEMPORAL_UI_PORT: String(await freePort()) }) });
try {
  const login = await (await fetch(`${casemap.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) })).json();
  const counts = await runSchemathesis(`${casemap.url}/api/openapi.json`, { Authorization: `Bearer ${login.token}` }, {
    maxExamples: Number(values.examples),
    reportDir: dataDir,
    // Signing out would end the fuzzer's own session and leave every later request at 401.
    exclude: ['/auth/logout$'],
  });
  const document = await (await fetch(`${casemap.url}/api/openapi.json`)).json();
  const operations = Object.values(document.paths as Record<string, object>).reduce((sum, methods) => sum + Object.keys(methods).length, 0);
  const health = await fetch(`${casemap.url}/api/health`);
  console.log(`
schemathesis ${counts.requests} requests over ${operations} operations (max ${values.examples} examples per operation and phase)
statuses     ${JSON.stringify(counts.byStatus)}
5xx          ${counts.serverErrors.length}
still up     ${health.ok ? 'yes' : 'NO'} (GET /api/health → ${health.status})`);
  for (const error of counts.serverErrors.slice(0, 20)) console.log(`  ${error.status} ${error.method} ${error.url}`);
  process.exitCode = counts.requests > 0 && counts.serverErrors.length === 0 && health.ok ? 0 : 1;
} finally {
  await casemap.stop();
  if (!process.env.FUZZ_KEEP_REPORT) rmSync(dataDir, { recursive: true, force: true });
}
