#!/usr/bin/env -S npx tsx
// The `casemap` command: `start` runs everything on one machine; `lint` checks BPMN files.

import { join } from 'node:path';
import { readConfig } from '../runtime/config.ts';
import { startCasemap } from '../runtime/casemap-stack.ts';
import { buildBrowserApp } from '../runtime/browser-app.ts';
import { DEMO_PASSWORD, demoUsers } from '../runtime/demo-identities.ts';
import { runLint } from './casemap-lint.ts';

async function start(): Promise<void> {
  const config = readConfig();
  const log = (line: string) => console.log(`[casemap] ${line}`);
  const staticDir = await buildBrowserApp(config.repoRoot, log);
  const casemap = await startCasemap({ config, staticDir, log });
  for (const sample of casemap.samples) {
    log(sample.errors.length ? `sample ${sample.id} NOT deployed: ${sample.errors.join('; ')}` : `sample ${sample.id} v${sample.version}${sample.created ? ' (new)' : ''}`);
  }
  console.log(`\n  Casemap        ${casemap.url}\n  Temporal Web UI ${casemap.temporalUiUrl ?? '(not started: TEMPORAL_ADDRESS is set)'}\n  API docs        ${casemap.url}/api/health\n`);
  if (!config.production) console.log(`  Demo users (password "${DEMO_PASSWORD}"): ${demoUsers.map((user) => `${user.username} [${user.roles.join(', ')}]`).join(', ')}\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping …`);
    await casemap.stop();
    log('stopped; data kept in ' + (config.databaseUrl ? 'PostgreSQL' : join(config.dataDir)));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

const [command = 'start', ...args] = process.argv.slice(2);
if (command === 'start') {
  await start();
} else if (command === 'lint') {
  process.exitCode = await runLint(args, (line) => console.log(line));
} else {
  console.error(`Unknown command "${command}". Use: casemap start | casemap lint <file.bpmn>…`);
  process.exitCode = 2;
}
