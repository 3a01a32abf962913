// Where an FNO mix round's time goes (issue #17): runs the demo load for FNO_CASES cases on the
// bench's workers, waits for the cases planned to end, then splits each ended case's time into the
// simulated waits the plan asked for (waiting and processing hours, scaled) and the rest: the bots'
// look and the engine. Prints the slowest cases' split and their longest steps.
// Run: npx tsx bench/profile/fno-critical-path.ts   (FNO_CASES=10 FNO_HOUR_MS=1)
import { fileURLToPath } from 'node:url';
import { startOwnCase } from '../../services/case-start.ts';
import { startDemoLoad } from '../../demo/demo-load.ts';
import { DEMO_MARKER, scenarioFor, stallsAt, stepTiming } from '../../demo/demo-load-plan.ts';
import { deploySampleLibrary } from '../../runtime/sample-library.ts';
import { searchCases } from '../../storage/case-queries.ts';
import { startSideBySideWorkers } from '../load-workers.ts';

const cases = Number(process.env.FNO_CASES ?? 10);
const hourMs = Number(process.env.FNO_HOUR_MS ?? 1);
const workers = await startSideBySideWorkers('fno-path');
const { db, client, casemapQueue: taskQueue } = workers;
try {
  await deploySampleLibrary(db, fileURLToPath(new URL('../../processes', import.meta.url)));
  const planned = Array.from({ length: cases }, (_, index) => index).filter((index) => !stallsAt[scenarioFor(index)]).length;
  const began = Date.now();
  const load = startDemoLoad({ db, client, startCase: (request) => startOwnCase({ db, client, taskQueue }, request) }, { cases, hourMs, tickMs: 50, installation: taskQueue });
  const ended = async () => (await searchCases(db, { scope: { kind: 'all' }, definitionId: 'fno-returns-casework', dataField: 'demoLoad', dataValue: DEMO_MARKER, status: 'completed', sort: 'started', limit: 100, offset: 0 })).items;
  while ((await ended()).length < planned) await new Promise((resolve) => setTimeout(resolve, 50));
  await load.stop();
  console.log(`${planned} cases ended in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  const rows = await db.query<{ id: string; started_at: string; ended_at: string }>(
    `SELECT id, started_at, ended_at FROM cases WHERE definition_id = 'fno-returns-casework' AND status = 'completed' ORDER BY ended_at - started_at DESC`,
  );
  for (const row of rows.slice(0, 3)) {
    const tasks = await db.query<{ id: string; case_id: string; node_id: string; created_at: string; claimed_at: string | null; completed_at: string | null }>(
      'SELECT id, case_id, node_id, created_at, claimed_at, completed_at FROM tasks WHERE (case_id = $1 OR case_id LIKE $2) AND completed_at IS NOT NULL ORDER BY created_at',
      [row.id, `${row.id}.%`],
    );
    const start = Date.parse(row.started_at);
    const total = Date.parse(row.ended_at) - start;
    let simulated = 0;
    let claimLag = 0;
    let completeLag = 0;
    const steps = tasks.map((task) => {
      const timing = stepTiming(task.node_id, task.id);
      const created = Date.parse(task.created_at);
      const claimed = Date.parse(task.claimed_at!);
      const completed = Date.parse(task.completed_at!);
      const waitMs = timing.waitingHours * hourMs;
      const workMs = timing.processingHours * hourMs;
      simulated += waitMs + workMs;
      claimLag += Math.max(0, claimed - created - waitMs);
      completeLag += Math.max(0, completed - claimed - workMs);
      return { node: task.node_id, at: created - start, waitMs: Math.round(waitMs), claimAfter: claimed - created, workMs: Math.round(workMs), completeAfter: completed - claimed };
    });
    console.log(`\ncase ${row.id}: ${total} ms, ${tasks.length} tasks; simulated waits ${simulated.toFixed(0)} ms (tasks overlap in parallel branches), beyond them: claim ${claimLag.toFixed(0)} ms, complete ${completeLag.toFixed(0)} ms`);
    console.table(steps);
  }
} finally {
  await workers.stop();
}
