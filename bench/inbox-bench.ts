// Inbox queries with 100,000 open tasks across 200 teams: p50/p95 of Casemap's inbox query (team
// queue, my tasks, overdue, due soon) beside the bare single-table SQL a hand-written inbox would
// run, in one run on the same database. PGlite by default; PostgreSQL with DATABASE_URL.
import { openDatabase, type Database } from '../storage/database.ts';
import { migrate } from '../storage/migrate.ts';
import { queryInbox, type InboxView } from '../storage/task-queries.ts';

const TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
const TEAMS = 200;
const QUERIES = 200;

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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(work: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const started = performance.now();
    await work(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

export async function runInboxBench(): Promise<void> {
  const db = openDatabase({ databaseUrl: process.env.DATABASE_URL });
  try {
    await migrate(db);
    const seeding = performance.now();
    await seed(db);
    console.log(`\n== inbox: ${TASKS} open tasks, ${TEAMS} teams on ${db.kind} (seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s), ${QUERIES} queries each`);
    const now = new Date().toISOString();
    const teamOf = (i: number) => [`team-${i % TEAMS}`, `team-${(i * 7) % TEAMS}`];
    const bare = await time((i) => db.query(`SELECT * FROM tasks WHERE team = ANY($1::text[]) AND status IN ('open', 'claimed') ORDER BY due_at LIMIT 50`, [teamOf(i)]));
    console.log(`bare SQL (team queue)         p50 ${bare.p50.toFixed(1)} ms  p95 ${bare.p95.toFixed(1)} ms`);
    for (const view of ['team', 'mine', 'overdue', 'due-soon'] as InboxView[]) {
      const result = await time((i) => queryInbox(db, { userId: `user-${i % 1000}`, teams: teamOf(i), view, sort: 'due', now, dueSoonHours: 48, limit: 50, offset: 0 }));
      console.log(`Casemap inbox ${view.padEnd(9)}       p50 ${result.p50.toFixed(1)} ms  p95 ${result.p95.toFixed(1)} ms  (p95 ratio to bare ${(result.p95 / bare.p95).toFixed(2)}×)`);
    }
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runInboxBench();
