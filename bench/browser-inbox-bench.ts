// First render of the inbox with 10,000 open tasks in a team's queue, in Chromium, against the raw
// API call it makes, by the shared method (bench/method: one warm-up round, then BENCH_ROUNDS,
// default 5, interleaved rounds). Contenders:
// - raw API: `fetch('/api/tasks?view=team&sort=due&limit=100')` and its JSON, from a page of the
//   same origin with the same session (the floor for any inbox UI);
// - inbox, cold: a fresh page at #/tasks?view=team until the 100th task card is drawn (app bundle,
//   session check, the same API call, React render);
// - inbox, warm: in a loaded app, choosing the Team queue tab until its 100th card is drawn.
// Run: npx tsx bench/browser-inbox-bench.ts (BENCH_INBOX_TASKS, default 10000)
import { pathToFileURL } from 'node:url';
import type { Database } from '../storage/database.ts';
import { startBrowserBenchStack, type BrowserBenchStack } from './browser/browser-bench-stack.ts';
import { compare } from './method/compare.ts';
import { printComparison } from './method/print-comparison.ts';

const TASKS = Number(process.env.BENCH_INBOX_TASKS ?? 10_000);
const TEAM = 'fno-returns';
const LEAD = 'lena';
const PAGE = 100;
const hundredthCard = `.task-list > li:nth-child(${PAGE})`;

/** Open tasks straight into the projection, as the case workflows would have written them. */
async function seedQueue(db: Database): Promise<void> {
  await db.query(`INSERT INTO definitions (id, name) VALUES ('inbox-bench', 'Inbox benchmark')`);
  await db.query(`INSERT INTO definition_versions (definition_id, version, ir_hash, bpmn_xml, ir) VALUES ('inbox-bench', 1, 'h', '<x/>', '{}')`);
  await db.query(
    `INSERT INTO cases (id, definition_id, version, workflow_id, status, owner_team, started_at, updated_at)
     SELECT 'ib' || n, 'inbox-bench', 1, 'case-ib' || n, 'running', $2, now(), now() FROM generate_series(1, $1::int) n`,
    [TASKS, TEAM],
  );
  await db.query(
    `INSERT INTO tasks (id, case_id, node_id, name, team, assignee, status, form, due_at, priority, created_at, updated_at)
     SELECT 'ib' || n || ':Task_review:1', 'ib' || n, 'Task_review', 'Review removal case ' || n, $2,
            CASE WHEN n % 4 = 0 THEN 'tom' END, CASE WHEN n % 4 = 0 THEN 'claimed' ELSE 'open' END,
            '[{"name":"decision","label":"Decision","type":"enum","required":true,"options":["deport","do-not-deport"]}]',
            now() + make_interval(hours => (n % 500) - 50), n % 5, now() - make_interval(mins => n % 5000), now()
     FROM generate_series(1, $1::int) n`,
    [TASKS, TEAM],
  );
  await db.query('ANALYZE tasks');
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

function rawApiCall(stack: BrowserBenchStack): Promise<number> {
  return stack.withPage(LEAD, async (page) => {
    await page.goto(`${stack.casemap.url}/api/health`);
    return page.evaluate(async (limit) => {
      const started = performance.now();
      const response = await fetch(`/api/tasks?view=team&sort=due&limit=${limit}`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
      const body = (await response.json()) as { items: unknown[] };
      if (body.items.length !== limit) throw new Error(`expected ${limit} tasks, got ${body.items.length}`);
      return performance.now() - started;
    }, PAGE);
  });
}

function coldInbox(stack: BrowserBenchStack): Promise<number> {
  return stack.withPage(LEAD, (page) =>
    timed(async () => {
      await page.goto(`${stack.casemap.url}/#/tasks?view=team`);
      await page.waitForSelector(hundredthCard, { timeout: 60_000 });
    }),
  );
}

function warmInbox(stack: BrowserBenchStack): Promise<number> {
  return stack.withPage(LEAD, async (page) => {
    await page.goto(`${stack.casemap.url}/#/tasks?view=unassigned`);
    await page.waitForSelector(hundredthCard, { timeout: 60_000 });
    return timed(async () => {
      await page.getByRole('tab', { name: 'Team queue' }).click();
      // The unassigned view also shows 100 cards: wait for the team view's own count line.
      await page.getByText(`${TASKS} tasks`, { exact: true }).waitFor({ timeout: 60_000 });
      await page.waitForSelector(hundredthCard, { timeout: 60_000 });
    });
  });
}

export async function runBrowserInboxBench(): Promise<void> {
  const stack = await startBrowserBenchStack();
  try {
    await seedQueue(stack.casemap.db);
    await compare({
      title: `Inbox: first render of a ${TASKS}-task team queue (${PAGE} shown) in Chromium`,
      notes: [`Signed in as the team lead ${LEAD}; every run is a fresh browser context. The warm-up round warms the server, the database and Chromium.`],
      contenders: [
        { name: 'raw API', does: `fetch('/api/tasks?view=team&sort=due&limit=${PAGE}') and its JSON from a page of the same origin, timed inside the page: the floor for any inbox UI.`, run: async () => ({ ms: await rawApiCall(stack) }) },
        { name: 'inbox, cold', does: `a fresh page at #/tasks?view=team until the ${PAGE}th task card is drawn: app bundle, session check, the same call, React render.`, run: async () => ({ ms: await coldInbox(stack) }) },
        { name: 'inbox, warm', does: `in a loaded app on the Unassigned view (not timed), choosing the Team queue tab until its ${PAGE}th card is drawn: the call plus React drawing the cards.`, run: async () => ({ ms: await warmInbox(stack) }) },
      ],
      ratios: [
        ['inbox, cold', 'raw API'],
        ['inbox, warm', 'raw API'],
      ],
    }).then(printComparison);
  } finally {
    await stack.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runBrowserInboxBench();
