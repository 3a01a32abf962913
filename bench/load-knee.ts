// The load knee (issue #9.2) and sustained completions through the API vs the SDK (issue #5): cases
// of five caseworker steps started at rising rates until latency or errors degrade, for Casemap
// through its HTTP API, Casemap through the Temporal SDK, and the hand-written workflow of the same
// shape (bench/handwritten). One Temporal dev server, one PGlite, the workers and the API in one process.
// Run: npx tsx bench/load-knee.ts   (LOAD_RATES=1,2,4,8  LOAD_STEP_SECONDS=8  LOAD_DRIVERS=16)
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { createCasemapApp } from '../api/app.ts';
import { compile } from '../domain/compile/compile.ts';
import { DEMO_PASSWORD, seedDemoIdentities } from '../runtime/demo-identities.ts';
import { deployVersion } from '../storage/definition-store.ts';
import { claimTaskUpdate, completeTaskUpdate, startedUpdate, workflowIdForCase, type Actor, type NextSteps } from '../workflows/case-api.ts';
import { startSideBySideWorkers } from './load-workers.ts';
import { shapes } from './shapes.ts';

const shape = shapes.find((candidate) => candidate.key === 'user-tasks')!;
const actor: Actor = { userId: 'admin', teams: [], leadOf: [], roles: ['admin'] };
export const LoadVariants = ['casemap via API', 'casemap via SDK', 'hand-written via SDK'] as const;
export type LoadVariant = (typeof LoadVariants)[number];

export interface LoadStep {
  variant: LoadVariant;
  offeredCasesPerSecond: number;
  casesPerSecond: number;
  completionsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** One case from start to end; returns the latency (ms) of every call it made. */
type CaseDriver = () => Promise<number[]>;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function timed<T>(latencies: number[], call: () => Promise<T>): Promise<T> {
  const began = performance.now();
  const result = await call();
  latencies.push(performance.now() - began);
  return result;
}

async function openLoopStep(variant: LoadVariant, drive: CaseDriver, rate: number, seconds: number): Promise<LoadStep> {
  const latencies: number[] = [];
  let errors = 0;
  let finished = 0;
  const began = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < Math.round(rate * seconds); i += 1) {
    const due = began + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      drive().then(
        (calls) => {
          latencies.push(...calls);
          finished += 1;
        },
        () => {
          errors += 1;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - began) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return { variant, offeredCasesPerSecond: rate, casesPerSecond: finished / elapsed, completionsPerSecond: (finished * shape.steps) / elapsed, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), errors };
}

/** The knee: the last step before p95 triples against the gentlest step, errors appear, or throughput falls below 80% of the offer. */
export function kneeOf(steps: LoadStep[]): LoadStep | undefined {
  const base = steps[0];
  let knee: LoadStep | undefined;
  for (const step of steps) {
    if (step.errors > 0 || step.p95 > 3 * (base?.p95 ?? Infinity) || step.casesPerSecond < 0.8 * step.offeredCasesPerSecond) break;
    knee = step;
  }
  return knee;
}

/** Closed loop: `drivers` callers run cases back to back for `seconds`; completions per second. */
async function sustainedCompletions(drive: CaseDriver, drivers: number, seconds: number): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let cases = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: drivers }, async () => {
      while (performance.now() < until) {
        await drive();
        cases += 1;
      }
    }),
  );
  return (cases * shape.steps) / ((performance.now() - began) / 1000);
}

export interface LoadKneeResult {
  steps: LoadStep[];
  knees: Record<LoadVariant, LoadStep | undefined>;
  sustained: { api: number; sdk: number; drivers: number; seconds: number };
}

export async function runLoadKnee(options: { rates?: number[]; stepSeconds?: number; drivers?: number } = {}): Promise<LoadKneeResult> {
  const rates = options.rates ?? (process.env.LOAD_RATES ?? '1,2,4,6,8,12,16').split(',').map(Number);
  const stepSeconds = options.stepSeconds ?? Number(process.env.LOAD_STEP_SECONDS ?? 8);
  const drivers = options.drivers ?? Number(process.env.LOAD_DRIVERS ?? 16);
  const workers = await startSideBySideWorkers('load');
  const { db, client, casemapQueue: taskQueue, handwrittenQueue } = workers;
  await seedDemoIdentities(db);
  const { app } = createCasemapApp({ db, client, taskQueue });
  const http = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  try {
    const { ir } = await compile(shape.xml);
    const definition = (await deployVersion(db, { definitionId: shape.definitionId, name: shape.label, xml: shape.xml, ir })).version;
    const login = await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) })).json();
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${login.token}` };
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      const json = await response.json();
      if (!response.ok) throw new Error(`${path}: ${response.status} ${json.code}`);
      return json;
    };

    const viaApi: CaseDriver = async () => {
      const calls: number[] = [];
      const started = await timed(calls, () => post('/api/cases', { definitionId: shape.definitionId, data: {} }));
      let next: NextSteps = started.next;
      while (next.opened.length > 0) {
        const path = `/api/tasks/${encodeURIComponent(`${started.caseId}:${next.opened[0]!.taskId}`)}`;
        await timed(calls, () => post(`${path}/claim`, {}));
        next = (await timed(calls, () => post(`${path}/complete`, { data: {} }))).next;
      }
      return calls;
    };
    const viaSdk = (handwritten: boolean): CaseDriver => async () => {
      const calls: number[] = [];
      const caseId = randomUUID();
      const workflowId = workflowIdForCase(caseId);
      const operation = handwritten
        ? new WithStartWorkflowOperation('handwrittenUserTasks', { workflowId, taskQueue: handwrittenQueue, workflowIdConflictPolicy: 'USE_EXISTING', args: [{ caseId, definitionId: definition.definitionId, version: definition.version, steps: shape.steps, project: true }] })
        : new WithStartWorkflowOperation('caseWorkflow', { workflowId, taskQueue, workflowIdConflictPolicy: 'USE_EXISTING', args: [{ caseId, definitionId: definition.definitionId, version: definition.version, ir: definition.ir, data: {}, startedBy: actor.userId }] });
      let next: NextSteps = await timed(calls, () => client.workflow.executeUpdateWithStart(startedUpdate, { startWorkflowOperation: operation }));
      const handle = client.workflow.getHandle(workflowId);
      while (next.opened.length > 0) {
        const taskId = next.opened[0]!.taskId;
        await timed(calls, () => handle.executeUpdate(claimTaskUpdate, { args: [{ taskId, actor }] }));
        next = await timed(calls, () => handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, actor, data: {} }] }));
      }
      return calls;
    };
    const drivers_: Record<LoadVariant, CaseDriver> = { 'casemap via API': viaApi, 'casemap via SDK': viaSdk(false), 'hand-written via SDK': viaSdk(true) };

    for (const drive of Object.values(drivers_)) await Promise.all([drive(), drive()]); // warm-up
    const steps: LoadStep[] = [];
    for (const variant of LoadVariants) {
      for (const rate of rates) {
        const step = await openLoopStep(variant, drivers_[variant], rate, stepSeconds);
        steps.push(step);
        console.log(`  ${variant} @ ${rate} cases/s: ${step.casesPerSecond.toFixed(2)} cases/s, ${step.completionsPerSecond.toFixed(1)} completions/s, p50/p95/p99 ${step.p50.toFixed(0)}/${step.p95.toFixed(0)}/${step.p99.toFixed(0)} ms, ${step.errors} errors`);
        if (step !== kneeOf(steps.filter((other) => other.variant === variant))) break;
      }
    }
    const sustained = { api: await sustainedCompletions(viaApi, drivers, stepSeconds * 2), sdk: await sustainedCompletions(drivers_['casemap via SDK'], drivers, stepSeconds * 2), drivers, seconds: stepSeconds * 2 };
    const result: LoadKneeResult = { steps, knees: Object.fromEntries(LoadVariants.map((variant) => [variant, kneeOf(steps.filter((step) => step.variant === variant))])) as LoadKneeResult['knees'], sustained };
    printLoadKnee(result);
    return result;
  } finally {
    await new Promise((resolve) => http.close(resolve));
    await workers.stop();
  }
}

function printLoadKnee({ knees, sustained }: LoadKneeResult): void {
  const lines = [
    `Load knee — cases of ${shape.steps} caseworker steps (claim + complete each), started at rising rates; a step passes while p95 stays within 3× the first step's, with no errors and ≥ 80% of the offered rate`,
    '',
    '| variant | knee: cases/s | completions/s | p50 ms | p95 ms | p99 ms |',
    '|---|---:|---:|---:|---:|---:|',
    ...LoadVariants.map((variant) => {
      const knee = knees[variant];
      return knee ? `| ${variant} | ${knee.casesPerSecond.toFixed(2)} | ${knee.completionsPerSecond.toFixed(1)} | ${knee.p50.toFixed(0)} | ${knee.p95.toFixed(0)} | ${knee.p99.toFixed(0)} |` : `| ${variant} | below the first step | | | | |`;
    }),
    '',
    `Sustained task completions, ${sustained.drivers} callers back to back for ${sustained.seconds} s: through the API ${sustained.api.toFixed(1)}/s, straight to Temporal with the SDK ${sustained.sdk.toFixed(1)}/s, ratio API/SDK ${(sustained.api / sustained.sdk).toFixed(2)}`,
  ];
  console.log(lines.join('\n'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runLoadKnee();
