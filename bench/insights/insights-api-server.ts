// The Casemap API on a throwaway local PostgreSQL, for the insights benches that time requests over
// real HTTP: migrated, demo identities seeded, listening on a free port; `stop()` removes it all.
// The insights routes never reach Temporal, so its client is lazy and never connects.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@temporalio/client';
import { createCasemapApp } from '../../api/app.ts';
import { DEMO_PASSWORD, seedDemoIdentities } from '../../demo/demo-identities.ts';
import { startLocalPostgres } from '../../runtime/local-postgres.ts';
import { openPostgres, type Database } from '../../storage/database.ts';
import { migrate } from '../../storage/migrate.ts';

export interface InsightsApiServer {
  db: Database;
  /** e.g. http://127.0.0.1:41234/api */
  base: string;
  http: Server;
  /** A bearer session's Authorization header for a demo user. */
  authorizationOf(username: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startInsightsApiServer(name: string): Promise<InsightsApiServer> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  // Its own folder: the server's account must reach it, and the bench's other folders are private.
  const pgDir = mkdtempSync(join(tmpdir(), `casemap-${name}-pg-`));
  const postgres = await startLocalPostgres({ dir: pgDir, port, initdb: ['--no-sync'] });
  const db = openPostgres(`postgres://postgres@127.0.0.1:${port}/postgres`);
  let http: Server | undefined;
  const stop = async () => {
    await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
    await db.close();
    postgres.stop();
    rmSync(pgDir, { recursive: true, force: true });
  };
  try {
    await migrate(db);
    await seedDemoIdentities(db);
    const { app } = createCasemapApp({ db, client: new Client(), taskQueue: name });
    const listening = await new Promise<Server>((resolve) => {
      const server = app.listen(0, '127.0.0.1', () => resolve(server));
    });
    http = listening;
    const base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}/api`;
    const authorizationOf = async (username: string) => {
      const login = await (await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) })).json();
      return `Bearer ${login.token}`;
    };
    return { db, base, http: listening, authorizationOf, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
