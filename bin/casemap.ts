#!/usr/bin/env -S npx tsx
// The `casemap` command. `start` runs everything on one machine; `serve` (API + app) and `worker`
// are the production services; `provision` installs the Temporal binaries; `lint` checks BPMN.
import { readConfig } from '../runtime/config.ts';
import { startCasemap } from '../stack/start-casemap.ts';
import { buildBrowserApp } from '../runtime/browser-app.ts';
import { DEMO_PASSWORD, demoUsers } from '../demo/demo-identities.ts';
import { requireTemporalCli, requireTemporalTestServer } from '../runtime/temporal-binaries.ts';
import { runLint } from './casemap-lint.ts';
import { startCluster } from './casemap-cluster.ts';
import { installWorkerTelemetry } from '../runtime/worker-telemetry.ts';

const log = (line: string) => console.log(`[casemap] ${line}`);

const USAGE = `Usage: casemap <command>

Commands:
  start              run everything on this machine: Temporal dev server, worker, API and app (the default)
  serve              run the API and the browser app (production; needs TEMPORAL_ADDRESS)
  worker             run a case worker (production; needs TEMPORAL_ADDRESS)
  start:cluster      run the production topology here: PostgreSQL, a Temporal cluster, APIs behind HAProxy, workers (CASEMAP_API_REPLICAS, CASEMAP_WORKERS: 2 each)
  provision          find or install the Temporal CLI and test server, and PM4Py for the agreement test (into .tools/)
  lint [--fix [--out F]] <file.bpmn>…  check BPMN diagrams (--fix rewrites Camunda 7 JUEL as FEEL); exits 1 when a check finds an error
  help               show this help (also --help, -h)`;

async function run(parts: { worker: boolean; api: boolean }): Promise<void> {
  const config = readConfig();
  if (parts.api !== parts.worker && !config.temporalAddress) throw new Error('`casemap serve` and `casemap worker` need TEMPORAL_ADDRESS (use `casemap start` on one machine).');
  const staticDir = parts.api ? await buildBrowserApp(config.repoRoot, log) : undefined;
  const casemap = await startCasemap({ config, staticDir, parts, log });
  for (const sample of casemap.samples) {
    log(sample.errors.length ? `sample ${sample.id} NOT deployed: ${sample.errors.join('; ')}` : `sample ${sample.id} v${sample.version}${sample.created ? ' (new)' : ''}`);
  }
  if (parts.api) {
    console.log(`\n  Casemap          ${casemap.url}\n  Temporal Web UI  ${casemap.temporalUiUrl ?? '(set TEMPORAL_UI_URL to show it here)'}\n  API docs         ${casemap.url}/api/docs\n`);
    if (!config.production) console.log(`  Demo users, password "${DEMO_PASSWORD}": ${demoUsers.map((user) => `${user.username} (${user.roles.join(', ')})`).join(', ')}\n`);
  } else {
    log(`worker polling task queue ${config.taskQueue} on ${casemap.temporalAddress}`);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping …`);
    await casemap.stop();
    log(config.databaseUrl ? 'stopped.' : `stopped; data kept in ${config.dataDir}`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

const [command = 'start', ...args] = process.argv.slice(2);
switch (command) {
  case 'start':
    await run({ worker: true, api: true });
    break;
  case 'serve':
    await run({ worker: false, api: true });
    break;
  case 'worker':
    installWorkerTelemetry();
    await run({ worker: true, api: false });
    break;
  case 'start:cluster':
    await startCluster(log);
    break;
  case 'provision':
    console.log(`Temporal CLI: ${requireTemporalCli({ log })}`);
    console.log(`Temporal test server: ${requireTemporalTestServer({ log })}`);
    {
      // PM4Py (pip, into .tools/python) is the reference the insights agreement test checks against; loaded only here.
      const pm4py = (await import('../bench/insights/pm4py.ts')).ensurePm4py();
      console.log(`PM4Py: ${pm4py.available ? pm4py.version : `NOT installed (${pm4py.reason})`}`);
      if (!pm4py.available) process.exitCode = 1;
    }
    break;
  case 'lint':
    process.exitCode = await runLint(args, (line) => console.log(line));
    break;
  case 'help':
  case '--help':
  case '-h':
    console.log(USAGE);
    break;
  default:
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    process.exitCode = 2;
}
