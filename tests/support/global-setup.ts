// Provisions the Temporal CLI (installing it into .tools/ when needed) and starts one real Temporal
// dev server for the integration run; every test file gets its own task queue and database. It also
// gives the run a folder where the first browser test file builds the app for all of them
// (browser-app-build.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startTemporalDevServer } from '../../runtime/temporal-dev-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    browserAppRunDir: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTemporalDevServer({ log: (line) => console.log(`[temporal] ${line}`) });
  const browserAppRunDir = mkdtempSync(join(tmpdir(), 'casemap-browser-app-'));
  project.provide('temporalAddress', server.address);
  project.provide('browserAppRunDir', browserAppRunDir);
  return async () => {
    await server.stop();
    rmSync(browserAppRunDir, { recursive: true, force: true });
  };
}
