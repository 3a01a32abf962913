// Casemap's HTTP API on the side-by-side workers (bench/load-workers.ts), signed in as the demo
// admin: what a bench calls when it measures the path a caseworker's browser takes.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createCasemapApp } from '../api/app.ts';
import { DEMO_PASSWORD, seedDemoIdentities } from '../demo/demo-identities.ts';
import type { SideBySideWorkers } from './load-workers.ts';

export interface BenchApi {
  post<T = Record<string, unknown>>(path: string, body: unknown): Promise<T>;
  get<T = Record<string, unknown>>(path: string): Promise<T>;
  stop(): Promise<void>;
}

export async function startBenchApi(workers: SideBySideWorkers): Promise<BenchApi> {
  const { db, client, casemapQueue: taskQueue } = workers;
  await seedDemoIdentities(db);
  const { app } = createCasemapApp({ db, client, taskQueue });
  const http = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const login = await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) })).json();
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${login.token}` };
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await response.json();
    // The problem's stable code says what went wrong; the bench counts it as an error.
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${json.code}`);
    return json as T;
  }
  return {
    post: (path, body) => call('POST', path, body),
    get: (path) => call('GET', path),
    stop: () => new Promise((resolve) => http.close(() => resolve())),
  };
}
