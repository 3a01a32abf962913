// Provisions the Temporal CLI (installing it into .tools/ when needed) and starts one real Temporal
// dev server for the integration run; every test file gets its own task queue and database.
import type { TestProject } from 'vitest/node';
import { startTemporalDevServer } from '../../runtime/temporal-dev-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTemporalDevServer({ log: (line) => console.log(`[temporal] ${line}`) });
  project.provide('temporalAddress', server.address);
  return async () => {
    await server.stop();
  };
}
