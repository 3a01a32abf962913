// Inbox queries with 100,000 open tasks across 200 teams, by the shared method (bench/method):
// Casemap's inbox query (team queue, my tasks, overdue, due soon) beside the bare single-table SQL a
// hand-written inbox would run for the team queue, on the same database. PGlite by default (in a
// temporary folder, so it can be closed and reopened), PostgreSQL with DATABASE_URL.
// Warm contenders: one open connection, after a warm-up round; a run is `BENCH_QUERIES` queries for
// a caseworker in two teams, 50 rows a page, reporting that run's p50 and p95.
// Cold contenders: a run opens a new connection to the same data (PGlite: reopens the folder;
// PostgreSQL: a new pool, the server's buffers stay warm), times its first query only, and closes.
// Run: npx tsx bench/inbox-bench.ts   (BENCH_TASKS=<n>, default 100000; BENCH_QUERIES=<n>, default 200)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase, type Database } from '../storage/database.ts';
import { migrate } from '../storage/migrate.ts';
import { queryInbox } from '../storage/task-queries.ts';
import type { InboxView } from '../domain/contract/inbox-query.ts';
import { compare, type Contender } from './method/compare.ts';
import { printComparison } from './method/print-comparison.ts';
import { quantile } from './method/statistics.ts';

const TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const TEAMS = 200;

async function seed(db: Database): Promise<void> {
  await db.query(`INSERT INTO definitions (id, name) VALUES ('bench', 'Bench') ON CONFLICT DO NOTHING`);
  await db.query(`INSERT INTO definition_versions (definition_id, version, ir_hash, bpmn_xml, ir) VALUES ('bench', 1, 'h', '<x/>', '{}') ON CONFLICT DO NOTHING`);
  await db.query(
    `INSERT INTO cases (id, definition_id, version, workflow_id, status, owner_team, started_at, updated_at)
     SELECT 'c' || n, 'bench', 1, 'case-c' || n, 'running', 'team-' || (n % ${TEAMS}), now(), now() FROM generate_series(1, $1::int) n`,
    [TASKS],
  );
  await db.query(
    `INSERT INTO tasks (id, case_id, node_id, name, team, assignee, status, due_at, priority, created_at, updated_at)
     SELECT 'c' || n || ':T:1', 'c' || n, 'T', 'Step ' || (n % 40), 'team-' || (n % ${TEAMS}),
            CASE WHEN n % 3 = 0 THEN 'user-' || (n % 1000) END, CASE WHEN n % 3 = 0 THEN 'claimed' ELSE 'open' END,
            now() + make_interval(hours => (n % 400) - 100), n % 5, now() - make_interval(mins => n % 10000), now()
     FROM generate_series(1, $1::int) n`,
    [TASKS],
  );
  await db.query('ANALYZE tasks');
}

const teamOf = (i: number) => [`team-${i % TEAMS}`, `team-${(i * 7) % TEAMS}`];
type Query = (db: Database, i: number) => Promise<unknown>;
const bareTeamQueue: Query = (db, i) => db.query(`SELECT * FROM tasks WHERE team = ANY($1::text[]) AND status IN ('open', 'claimed') ORDER BY due_at LIMIT 50`, [teamOf(i)]);
const casemapView = (view: InboxView): Query => (db, i) => queryInbox(db, { userId: `user-${i % 1000}`, teams: teamOf(i), view, sort: 'due', now: new Date().toISOString(), dueSoonHours: 48, limit: 50, offset: 0 });

async function timedQuery(query: Query, db: Database, i: number): Promise<number> {
  const started = performance.now();
  await query(db, i);
  return performance.now() - started;
}

export async function runInboxBench(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'casemap-inbox-bench-'));
  const open = () => openDatabase({ databaseUrl, dataDir });
  try {
    let db = open();
    let kind: string;
    try {
      await migrate(db);
      const seeding = performance.now();
      await seed(db);
      kind = db.kind;
      const seconds = ((performance.now() - seeding) / 1000).toFixed(1);
      const warm = (name: string, does: string, query: Query): Contender => ({
        name,
        does,
        async run(round) {
          const times: number[] = [];
          for (let i = 0; i < QUERIES; i++) times.push(await timedQuery(query, db, i + QUERIES * Math.max(0, round)));
          return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
        },
      });
      await compare({
        title: `inbox queries, warm: ${TASKS} open tasks over ${TEAMS} teams on ${kind}`,
        notes: [`Seeded in ${seconds} s. Warm: one open connection, after a warm-up round; each run is ${QUERIES} queries for a caseworker in two teams (50 rows a page), and its p50 and p95 are that run's figures.`],
        measures: [
          { key: 'p95', unit: 'ms', better: 'lower' },
          { key: 'p50', unit: 'ms', better: 'lower' },
        ],
        contenders: [
          warm('bare SQL, team queue', 'the single-table SQL a hand-written inbox would run: tasks of two teams, open or claimed, by due date, 50 rows.', bareTeamQueue),
          warm('Casemap team queue', "queryInbox view 'team', sorted by due date, as the API runs it.", casemapView('team')),
          warm('Casemap my tasks', "queryInbox view 'mine'.", casemapView('mine')),
          warm('Casemap overdue', "queryInbox view 'overdue'.", casemapView('overdue')),
          warm('Casemap due soon', "queryInbox view 'due-soon' (48 hours).", casemapView('due-soon')),
        ],
        ratios: [['Casemap team queue', 'bare SQL, team queue']],
      }).then(printComparison);
    } finally {
      await db.close();
    }

    const cold = (name: string, does: string, query: Query): Contender => ({
      name,
      does,
      async run(round) {
        const opening = performance.now();
        db = open();
        try {
          await db.query('SELECT 1');
          const openMs = performance.now() - opening;
          return { ms: await timedQuery(query, db, round + 1), openMs };
        } finally {
          await db.close();
        }
      },
    });
    await compare({
      title: `inbox queries, cold: the first query on a newly opened connection (${TASKS} tasks on ${kind})`,
      notes: [
        databaseUrl
          ? 'Cold: a new pool and connection for each run (no plan or catalogue cache in the backend); the server itself and its shared buffers stay warm.'
          : 'Cold: PGlite closed and reopened from its folder for each run (a new WebAssembly instance, empty caches); the operating system\'s file cache stays warm.',
        '`ms` is the first inbox query only; `openMs` (opening plus `SELECT 1`) is apart and has no ratio.',
      ],
      warmupRounds: 0,
      measures: [
        { key: 'ms', unit: 'ms', better: 'lower' },
        { key: 'openMs', unit: 'ms', better: 'lower' },
      ],
      contenders: [
        cold('bare SQL, team queue, cold', 'open a connection, then the bare team-queue SQL once.', bareTeamQueue),
        cold('Casemap team queue, cold', "open a connection, then queryInbox view 'team' once.", casemapView('team')),
      ],
      ratios: [['Casemap team queue, cold', 'bare SQL, team queue, cold']],
      ratioMeasures: ['ms'],
    }).then(printComparison);
  } finally {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runInboxBench();
