// Query plans and the parts of a kept-log DFG request (SQL, answer building, JSON, HTTP with its
// session) on a 1,000,000-event kept log in a PostgreSQL kept between runs, so the store's reads
// can be looked at again and again without importing the log each time (issue #20).
// Run: npx tsx bench/insights/dfg-plans.ts   (BENCH_PG_DIR, default $TMPDIR/casemap-dfg-plans;
// BENCH_EVENTS, default 1000000; --refold folds the log again and times it; --plans prints EXPLAIN
// (ANALYZE, BUFFERS) of every read of the three DFG questions; --idle times a request after 11 s idle,
// --busy after another process held a core and 2 GB for 11 s, as each round's PM4Py process does)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@temporalio/client';
import { createCasemapApp } from '../../api/app.ts';
import { DEMO_PASSWORD, seedDemoIdentities } from '../../demo/demo-identities.ts';
import { exportCsv } from '../../domain/insights/formats/csv-export.ts';
import { generateSyntheticLog } from '../../domain/insights/synthetic-log.ts';
import { startLocalPostgres } from '../../runtime/local-postgres.ts';
import { openPostgres, type Sql } from '../../storage/database.ts';
import { migrate } from '../../storage/migrate.ts';
import { foldKeptLog } from '../../storage/kept-log-fold.ts';
import { keptLogFoldsSettled } from '../../services/kept-log-folds.ts';
import { scopeDfg } from '../../services/insight-aggregates.ts';
import { keptLogScope, keptLogSource } from '../../storage/kept-log-fold.ts';

const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const dir = process.env.BENCH_PG_DIR ?? join(tmpdir(), 'casemap-dfg-plans');
const port = 20_000 + Math.floor(Math.random() * 20_000);
const filters = { whole: {}, days: { from: '2025-01-15', to: '2025-07-10' }, team: { team: 'fno-returns' } } as const;

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
async function timed(runs: number, work: () => Promise<unknown>): Promise<string> {
  for (let i = 0; i < 5; i += 1) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return `${median(samples).toFixed(2)} ms (min ${Math.min(...samples).toFixed(2)})`;
}

const fresh = !existsSync(join(dir, 'data', 'PG_VERSION'));
const postgres = await startLocalPostgres({ dir, port, initdb: ['--no-sync'] });
const db = openPostgres(`postgres://postgres@127.0.0.1:${port}/postgres`);
let http: Server | undefined;
try {
  await migrate(db);
  if (fresh) await seedDemoIdentities(db);
  const { app } = createCasemapApp({ db, client: new Client(), taskQueue: 'dfg-plans' });
  http = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  // Making the log takes longer than Node's 5 s keep-alive: the signed-in connection would be closed under the upload.
  http.keepAliveTimeout = 120_000;
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api`;
  const login = await (await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'analyst', password: DEMO_PASSWORD }) })).json();
  if (!login.token) throw new Error(`login: ${JSON.stringify(login)}`);
  const authorization = `Bearer ${login.token}`;

  let logId = (await db.query<{ id: string }>('SELECT id FROM imported_logs LIMIT 1'))[0]?.id;
  if (!logId) {
    const start = '2024-01-08T09:00:00Z';
    const perCase = generateSyntheticLog({ seed: 1, cases: 500, start }).length / 500;
    const cases = Math.round(TARGET_EVENTS / perCase);
    const csv = exportCsv(generateSyntheticLog({ seed: 1849, cases, start, casesPerDay: cases / 1000, until: '2026-12-01T00:00:00.000Z' }));
    const created = await fetch(`${base}/insights/logs?name=bench.csv`, { method: 'POST', headers: { authorization, 'content-type': 'text/csv' }, body: csv });
    if (!created.ok) throw new Error(`import: ${created.status} ${await created.text()}`);
    logId = (await created.json()).id as string;
    await keptLogFoldsSettled();
  }
  console.log(`PostgreSQL in ${dir}, kept log ${logId}`);
  if (process.argv.includes('--refold')) {
    const started = performance.now();
    await db.transaction((tx) => foldKeptLog(tx, logId));
    console.log(`fold: ${Math.round(performance.now() - started)} ms`);
  }
  const counts = await db.query(`SELECT span, team = '' AS every, count(*)::int AS n FROM insight_edges WHERE source = $1 GROUP BY 1, 2 ORDER BY 1, 2`, [keptLogSource(logId)]);
  console.log('edge rows:', JSON.stringify(counts));

  const scope = keptLogScope(logId);
  if (process.argv.includes('--plans')) {
    // Every statement a DFG answer runs, explained, then run for its answer.
    const explaining: Sql = {
      async query(text, params) {
        const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params);
        console.log(`\n${text.replace(/\s+/g, ' ').slice(0, 400)}\n${plan.map((row) => row['QUERY PLAN']).join('\n')}`);
        return db.query(text, params);
      },
    };
    for (const [name, filter] of Object.entries(filters)) {
      console.log(`\n===== ${name}`);
      await scopeDfg({ ...db, ...explaining }, scope, filter);
    }
  }

  for (const [name, filter] of Object.entries(filters)) {
    const query = new URLSearchParams(filter as Record<string, string>).toString();
    const url = `${base}/insights/logs/${logId}/dfg${query ? `?${query}` : ''}`;
    const { answer } = await scopeDfg(db, scope, filter);
    console.log(
      `${name}: ${answer.edges.length} edges; store reads + answer ${await timed(40, () => scopeDfg(db, scope, filter))}; JSON.stringify ${await timed(40, async () => JSON.stringify(answer))}; HTTP ${await timed(40, async () => (await fetch(url, { headers: { authorization } })).json())}`,
    );
  }
  console.log(`HTTP of /api/health (no session, no database): ${await timed(40, async () => (await fetch(`${base}/health`)).json())}`);
  console.log(`HTTP of /api/me (a session, no more): ${await timed(40, async () => (await fetch(`${base}/me`, { headers: { authorization } })).json())}`);
  console.log(`HTTP of a 404 (session, route, log look-up): ${await timed(40, async () => (await fetch(`${base}/insights/logs/00000000-0000-4000-8000-000000000000/dfg`, { headers: { authorization } })).text())}`);
  if (process.argv.includes('--after-report')) {
    // As in the bench, where the graph comes after the report's three requests at once.
    const report = () => Promise.all(['variants', 'handoffs', 'time-split'].map(async (path) => (await fetch(`${base}/insights/logs/${logId}/${path}`, { headers: { authorization } })).json()));
    for (const [name, filter] of Object.entries(filters)) {
      const query = new URLSearchParams(filter as Record<string, string>).toString();
      const url = `${base}/insights/logs/${logId}/dfg${query ? `?${query}` : ''}`;
      const samples: string[] = [];
      for (let i = 0; i < 10; i += 1) {
        await report();
        // BENCH_PAUSE=<ms>: a pause after the report, as between an analyst's clicks.
        if (process.env.BENCH_PAUSE) await new Promise((resolve) => setTimeout(resolve, Number(process.env.BENCH_PAUSE)));
        const started = performance.now();
        await (await fetch(url, { headers: { authorization } })).json();
        samples.push((performance.now() - started).toFixed(1));
      }
      console.log(`${name} right after the report's three requests: ${samples.join(', ')} ms`);
    }
  }
  if (process.argv.includes('--fresh-connections')) {
    // The pool's other connections (opened here by queries that touch no insight table): is the
    // graph slower on a connection that has not read the insight tables before?
    for (const [name, filter] of Object.entries(filters)) {
      const query = new URLSearchParams(filter as Record<string, string>).toString();
      const url = `${base}/insights/logs/${logId}/dfg${query ? `?${query}` : ''}`;
      const cold: string[] = [];
      const warm: string[] = [];
      for (let i = 0; i < 6; i += 1) {
        await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'`);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await Promise.all(Array.from({ length: 10 }, () => db.query('SELECT pg_sleep(0.02)')));
        let started = performance.now();
        await (await fetch(url, { headers: { authorization } })).json();
        cold.push((performance.now() - started).toFixed(1));
        started = performance.now();
        await (await fetch(url, { headers: { authorization } })).json();
        warm.push((performance.now() - started).toFixed(1));
      }
      console.log(`${name} on connections that read no insight table yet: ${cold.join(', ')} ms; the next request: ${warm.join(', ')} ms`);
    }
  }
  if (process.argv.includes('--idle')) {
    // As in the bench, where each round's PM4Py process runs for seconds before the next request.
    for (const [name, filter] of Object.entries(filters)) {
      const query = new URLSearchParams(filter as Record<string, string>).toString();
      const url = `${base}/insights/logs/${logId}/dfg${query ? `?${query}` : ''}`;
      // --busy: a process that holds 2 GB and a core for 11 s while this one waits for it, as PM4Py's does.
      if (process.argv.includes('--busy')) execFileSync('python3', ['-c', 'import time\nx = bytearray(2 * 1024 ** 3)\nt = time.time()\nwhile time.time() - t < 11: pass']);
      else await new Promise((resolve) => setTimeout(resolve, 11_000));
      let started = performance.now();
      await (await fetch(url, { headers: { authorization } })).json();
      const first = performance.now() - started;
      started = performance.now();
      await (await fetch(url, { headers: { authorization } })).json();
      console.log(`${name} after 11 s idle: ${first.toFixed(2)} ms, then ${(performance.now() - started).toFixed(2)} ms`);
    }
  }
} finally {
  await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
  await db.close();
  postgres.stop();
}
