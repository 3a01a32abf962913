// A whole Casemap for one test file: the real stack (stack/start-casemap.ts) on the run's
// Temporal dev server, with its own task queue and its own database (PGlite in a temp dir, or a
// scratch PostgreSQL database when DATABASE_URL is set).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import { inject } from 'vitest';
import { readConfig } from '../../runtime/config.ts';
import { startCasemap, type RunningCasemap } from '../../stack/start-casemap.ts';
import { DEMO_PASSWORD } from '../../demo/demo-identities.ts';
import { createScratchDatabase } from '../../storage/support/scratch-database.ts';

export interface TestCasemap extends RunningCasemap {
  http: supertest.Agent;
  taskQueue: string;
  /** Signs a demo user in and returns request helpers carrying their bearer token. */
  as(username: string): Promise<UserClient>;
}

export interface UserClient {
  token: string;
  get(path: string): supertest.Test;
  post(path: string, body?: object): supertest.Test;
}

export interface TestCasemapOptions {
  /** A built browser app (runtime/browser-app.ts) to serve at `/`, for browser tests. */
  staticDir?: string;
  /** The Temporal Web UI address the API advertises (the test server runs without one). */
  temporalUiUrl?: string;
  /** Further settings, as environment variables (e.g. CASEMAP_OIDC_*). */
  env?: Record<string, string>;
  /** Which parts to run (default both): a test that runs its own worker on `taskQueue` starts the API alone. */
  parts?: { worker: boolean; api: boolean };
}

export async function startTestCasemap(options: TestCasemapOptions = {}): Promise<TestCasemap> {
  const dataDir = mkdtempSync(join(tmpdir(), 'casemap-test-'));
  const databaseUrl = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL) : undefined;
  const taskQueue = `test-${randomUUID()}`;
  const config = readConfig({
    PORT: '0',
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    CASEMAP_DATA_DIR: dataDir,
    CASEMAP_TASK_QUEUE: taskQueue,
    CASEMAP_LOAD_SAMPLES: 'false',
    NODE_ENV: 'test',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...(options.temporalUiUrl ? { TEMPORAL_UI_URL: options.temporalUiUrl } : {}),
    ...options.env,
  });
  const casemap = await startCasemap({ config, staticDir: options.staticDir, ...(options.parts ? { parts: options.parts } : {}) });
  const http = supertest.agent(casemap.url);
  return {
    ...casemap,
    http,
    taskQueue,
    async as(username) {
      const response = await supertest(casemap.url).post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
      const token = response.body.token as string;
      return {
        token,
        get: (path) => supertest(casemap.url).get(path).set('Authorization', `Bearer ${token}`),
        post: (path, body) => supertest(casemap.url).post(path).set('Authorization', `Bearer ${token}`).send(body ?? {}),
      };
    },
    async stop() {
      await casemap.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `read` until `accept` holds, for projections written asynchronously by workflows. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}
