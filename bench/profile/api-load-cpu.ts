// Where the main thread's CPU goes under a sustained load of task completions through the API (issue
// #17's API knee): `LOAD_DRIVERS` callers run cases of five caseworker steps back to back for
// `LOAD_SECONDS`, through the API or (`--sdk`) straight to Temporal, on the load bench's rig (one
// process: workers, API, PGlite). Run under `node --cpu-prof` and read the profile with
// `npx tsx bench/profile/cpu-profile-shares.ts <file>`.
// Run: node --cpu-prof --cpu-prof-dir=<dir> --import tsx bench/profile/api-load-cpu.ts [--sdk]
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { compile } from '../../domain/compile/compile.ts';
import { deployVersion } from '../../storage/definition-store.ts';
import { claimTaskUpdate, completeTaskUpdate, startedUpdate, workflowIdForCase, type Actor, type NextSteps } from '../../workflows/case-api.ts';
import { startBenchApi } from '../bench-api.ts';
import { startSideBySideWorkers } from '../load-workers.ts';
import { shapes } from '../shapes.ts';
import { tallyStatements, type StatementTally } from './statement-tally.ts';

const viaSdk = process.argv.includes('--sdk');
const drivers = Number(process.env.LOAD_DRIVERS ?? 16);
const seconds = Number(process.env.LOAD_SECONDS ?? 20);
const shape = shapes.find((candidate) => candidate.key === 'user-tasks')!;
const actor: Actor = { userId: 'admin', teams: [], leadOf: [], roles: ['admin'] };

// --statements: tally every statement the store runs during the load, and print the costliest.
let tally: (() => StatementTally[]) | undefined;
const workers = await startSideBySideWorkers('cpu', process.argv.includes('--statements') ? { wrapDb: (inner) => {
  const tallied = tallyStatements(inner);
  tally = tallied.tally;
  return tallied.db;
} } : {});
const { db, client, casemapQueue: taskQueue } = workers;
const api = await startBenchApi(workers);
const { ir } = await compile(shape.xml);
const definition = (await deployVersion(db, { definitionId: shape.definitionId, name: shape.label, xml: shape.xml, ir })).version;

async function caseViaApi(): Promise<void> {
  const started = await api.post<{ caseId: string; next: NextSteps }>('/api/cases', { definitionId: shape.definitionId, data: {} });
  let next: NextSteps = started.next;
  while (next.opened.length > 0) {
    const path = `/api/tasks/${encodeURIComponent(`${started.caseId}:${next.opened[0]!.taskId}`)}`;
    await api.post(`${path}/claim`, {});
    next = (await api.post<{ next: NextSteps }>(`${path}/complete`, { data: {} })).next;
  }
}

async function caseViaSdk(): Promise<void> {
  const caseId = randomUUID();
  const workflowId = workflowIdForCase(caseId);
  const operation = new WithStartWorkflowOperation('caseWorkflow', { workflowId, taskQueue, workflowIdConflictPolicy: 'USE_EXISTING', args: [{ caseId, definitionId: definition.definitionId, version: definition.version, ir: definition.ir, data: {}, startedBy: actor.userId }] });
  let next: NextSteps = await client.workflow.executeUpdateWithStart(startedUpdate, { startWorkflowOperation: operation });
  const handle = client.workflow.getHandle(workflowId);
  while (next.opened.length > 0) {
    const taskId = next.opened[0]!.taskId;
    await handle.executeUpdate(claimTaskUpdate, { args: [{ taskId, actor }] });
    next = await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, actor, data: {} }] });
  }
}

const runCase = viaSdk ? caseViaSdk : caseViaApi;
await Promise.all([runCase(), runCase()]);
const until = performance.now() + seconds * 1000;
const began = performance.now();
const cpuBefore = process.cpuUsage();
let cases = 0;
await Promise.all(
  Array.from({ length: drivers }, async () => {
    while (performance.now() < until) {
      await runCase();
      cases += 1;
    }
  }),
);
const elapsed = (performance.now() - began) / 1000;
const cpu = process.cpuUsage(cpuBefore);
console.log(`${viaSdk ? 'SDK' : 'API'}: ${cases} cases, ${((cases * shape.steps) / elapsed).toFixed(1)} completions/s, process CPU ${((cpu.user + cpu.system) / 1000 / (cases * shape.steps)).toFixed(1)} ms per completion (all threads)`);
if (tally) {
  const completions = cases * shape.steps;
  console.log('statements (warm-up included), per completion: count, ms');
  for (const row of tally().slice(0, 40)) console.log(`${(row.count / completions).toFixed(2).padStart(6)} ${(row.totalMs / completions).toFixed(3).padStart(8)}  ${row.statement}`);
}
await api.stop();
await workers.stop();
