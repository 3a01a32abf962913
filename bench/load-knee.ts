// The load knee (issue #9.2) and sustained completions through the API vs the SDK (issue #5), by
// the shared method (bench/method). Cases of five caseworker steps (claim + complete each) are
// offered open-loop at a fixed rate for a probe; the knee is the highest offered rate whose probe
// keeps every call's p95 under a stated bound, has no errors and achieves ≥ 90% of the offer,
// found by bisection to a stated resolution (bench/method/knee.ts). Contenders, interleaved, each
// run one whole bisection:
// - casemap via API: POST /api/cases, then /api/tasks/:id/claim and /complete over HTTP;
// - casemap via SDK: the same `started`, `claimTask` and `completeTask` Updates straight to Temporal,
//   each answer confirmed as the API confirms it (services/case-log-confirm.ts);
// - hand-written via SDK: the hand-written workflow with serial projection (bench/handwritten), same Updates;
// - bare HTTP (a bound): the same Updates, each answer confirmed, behind the smallest express front
//   and none of the API's checking (bench/bare-http-api.ts): what HTTP itself costs here.
// Then the sustained comparison: `LOAD_DRIVERS` callers run cases back to back for a probe's time,
// through the API and through the SDK, interleaved. One Temporal dev server, one PGlite, the
// workers and the API in one process.
// Run: npx tsx bench/load-knee.ts   (LOAD_P95_MS=250 LOAD_MIN_RATE=0.5 LOAD_MAX_RATE=16
// LOAD_RESOLUTION=0.5 LOAD_STEP_SECONDS=5 LOAD_DRIVERS=16; BENCH_ROUNDS ≥ 5; LOAD_VARIANTS=<names,>
// picks knee contenders, default all)
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { createCasemapApp } from '../api/app.ts';
import { compile } from '../domain/compile/compile.ts';
import { DEMO_PASSWORD, seedDemoIdentities } from '../demo/demo-identities.ts';
import { deployVersion } from '../storage/definition-store.ts';
import { confirmAnswered } from '../services/case-log-confirm.ts';
import { claimTaskUpdate, completeTaskUpdate, startedUpdate, workflowIdForCase, type Actor, type NextSteps } from '../workflows/case-api.ts';
import { compare, type Comparison, type Contender } from './method/compare.ts';
import { achievedRate, bisectKnee, probePasses, type KneeCriteria } from './method/knee.ts';
import { formatFigure, printComparison } from './method/print-comparison.ts';
import { quantile } from './method/statistics.ts';
import { startSideBySideWorkers } from './load-workers.ts';
import { startBareHttpApi } from './bare-http-api.ts';
import { shapes } from './shapes.ts';

const shape = shapes.find((candidate) => candidate.key === 'user-tasks')!;
const actor: Actor = { userId: 'admin', teams: [], leadOf: [], roles: ['admin'] };
export const LoadVariants = ['casemap via API', 'casemap via SDK', 'hand-written via SDK', 'bare HTTP (bound)'] as const;
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


async function timed<T>(latencies: number[], call: () => Promise<T>): Promise<T> {
  const began = performance.now();
  const result = await call();
  latencies.push(performance.now() - began);
  return result;
}

/** One probe: cases offered open-loop at `rate` for `seconds`, waited for to the end. */
async function openLoopStep(variant: LoadVariant, drive: CaseDriver, rate: number, seconds: number): Promise<LoadStep> {
  const latencies: number[] = [];
  const finishes: number[] = [];
  let errors = 0;
  const began = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < Math.max(1, Math.round(rate * seconds)); i += 1) {
    const due = began + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      drive().then(
        (calls) => {
          latencies.push(...calls);
          finishes.push(performance.now());
        },
        () => {
          errors += 1;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  const achieved = achievedRate(finishes, performance.now() - began);
  return { variant, offeredCasesPerSecond: rate, casesPerSecond: achieved, completionsPerSecond: achieved * shape.steps, p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), p99: quantile(latencies, 0.99), errors };
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

export interface LoadKneeOptions {
  criteria?: KneeCriteria;
  minRate?: number;
  maxRate?: number;
  resolution?: number;
  stepSeconds?: number;
  drivers?: number;
}

export interface LoadKneeResult {
  knee: Comparison;
  sustained: Comparison;
}

export async function runLoadKnee(options: LoadKneeOptions = {}): Promise<LoadKneeResult> {
  const criteria = options.criteria ?? { p95BoundMs: Number(process.env.LOAD_P95_MS ?? 250), keepUp: 0.9 };
  const minRate = options.minRate ?? Number(process.env.LOAD_MIN_RATE ?? 0.5);
  const maxRate = options.maxRate ?? Number(process.env.LOAD_MAX_RATE ?? 16);
  const resolution = options.resolution ?? Number(process.env.LOAD_RESOLUTION ?? 0.5);
  const stepSeconds = options.stepSeconds ?? Number(process.env.LOAD_STEP_SECONDS ?? 5);
  const drivers = options.drivers ?? Number(process.env.LOAD_DRIVERS ?? 16);
  const workers = await startSideBySideWorkers('load');
  const { db, client, casemapQueue: taskQueue, handwrittenQueue } = workers;
  await seedDemoIdentities(db);
  const { app } = createCasemapApp({ db, client, taskQueue });
  const http = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const stops: Array<() => Promise<void>> = [];
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
    const bare = await startBareHttpApi({ db, client, taskQueue, definition, actor });
    stops.push(bare.stop);
    const bareHeaders = { 'content-type': 'application/json' };
    const barePost = async (path: string, body: unknown) => {
      const response = await fetch(`${bare.base}${path}`, { method: 'POST', headers: bareHeaders, body: JSON.stringify(body) });
      const json = await response.json();
      if (!response.ok) throw new Error(`bare ${path}: ${response.status}`);
      return json;
    };
    const viaBareHttp: CaseDriver = async () => {
      const calls: number[] = [];
      const started = await timed(calls, () => barePost('/cases', { data: {} }));
      let next: NextSteps = started.next;
      while (next.opened.length > 0) {
        const path = `/cases/${started.caseId}/tasks/${encodeURIComponent(next.opened[0]!.taskId)}`;
        await timed(calls, () => barePost(`${path}/claim`, {}));
        next = (await timed(calls, () => barePost(`${path}/complete`, { data: {} }))).next;
      }
      return calls;
    };
    const viaSdk = (handwritten: boolean): CaseDriver => async () => {
      const calls: number[] = [];
      const caseId = randomUUID();
      const workflowId = workflowIdForCase(caseId);
      const operation = handwritten
        ? new WithStartWorkflowOperation('handwrittenUserTasks', { workflowId, taskQueue: handwrittenQueue, workflowIdConflictPolicy: 'USE_EXISTING', args: [{ caseId, definitionId: definition.definitionId, version: definition.version, steps: shape.steps, projection: 'serial' }] })
        : new WithStartWorkflowOperation('caseWorkflow', { workflowId, taskQueue, workflowIdConflictPolicy: 'USE_EXISTING', args: [{ caseId, definitionId: definition.definitionId, version: definition.version, ir: definition.ir, data: {}, startedBy: actor.userId }] });
      // Casemap's answers are confirmed as the API confirms them (services/case-log-confirm.ts), as
      // every Casemap client of these Updates must for the inbox to show the next task; the
      // hand-written workflow's writes are normal activities, visible once written.
      const answered = async (update: () => Promise<NextSteps>) => (handwritten ? update() : confirmAnswered(db, caseId, await update()));
      let next: NextSteps = await timed(calls, () => answered(() => client.workflow.executeUpdateWithStart(startedUpdate, { startWorkflowOperation: operation })));
      const handle = client.workflow.getHandle(workflowId);
      while (next.opened.length > 0) {
        const taskId = next.opened[0]!.taskId;
        await timed(calls, () => answered(() => handle.executeUpdate(claimTaskUpdate, { args: [{ taskId, actor }] })));
        next = await timed(calls, () => answered(() => handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, actor, data: {} }] })));
      }
      return calls;
    };
    const driverOf: Record<LoadVariant, CaseDriver> = { 'casemap via API': viaApi, 'casemap via SDK': viaSdk(false), 'hand-written via SDK': viaSdk(true), 'bare HTTP (bound)': viaBareHttp };
    const does: Record<LoadVariant, string> = {
      'casemap via API': 'Casemap through its HTTP API: POST /api/cases, then claim and complete each task over HTTP (bearer token).',
      'casemap via SDK': "Casemap's caseWorkflow straight through the Temporal SDK: the started, claimTask and completeTask Updates, each answer confirmed in the store as the API does.",
      'hand-written via SDK': 'the hand-written workflow with serial projection writes (bench/handwritten), the same Updates through the SDK.',
      'bare HTTP (bound)':
        "a bound, not a design: the same Updates on caseWorkflow, each answer confirmed, behind express's JSON parser and three routes with no session, access policy, validation or audit (bench/bare-http-api.ts).",
    };
    const picked = process.env.LOAD_VARIANTS?.split(',').map((name) => name.trim());
    const variants = LoadVariants.filter((variant) => !picked || picked.includes(variant));

    // Warm-up: two cases through each driver (a whole warm-up bisection would double the run).
    for (const variant of variants) await Promise.all([driverOf[variant](), driverOf[variant]()]);
    const kneeContender = (variant: LoadVariant): Contender => ({
      name: variant,
      does: does[variant],
      async run(round) {
        let atKnee: LoadStep | undefined;
        const search = await bisectKnee({
          min: minRate,
          max: maxRate,
          resolution,
          passes: async (rate) => {
            const step = await openLoopStep(variant, driverOf[variant], rate, stepSeconds);
            const passed = probePasses({ offered: rate, achieved: step.casesPerSecond, p95: step.p95, errors: step.errors }, criteria);
            if (passed && (!atKnee || rate > atKnee.offeredCasesPerSecond)) atKnee = step;
            return passed;
          },
        });
        const trail = search.probes.map((probe) => `${formatFigure(probe.rate, 2)}${probe.passed ? '✓' : '✗'}`).join(' ');
        const bracket = search.bracket === 'bracketed' ? '' : search.bracket === 'at-max' ? ` (the highest rate passed: the knee is at least ${maxRate})` : ` (even ${minRate} cases/s failed)`;
        console.log(`  ${round < 0 ? 'warm-up' : `round ${round + 1}`}, ${variant}: ${trail} → knee ${formatFigure(search.knee, 2)} cases/s${bracket}`);
        return { knee: search.knee, completions: search.knee * shape.steps, p95AtKnee: atKnee?.p95 ?? Number.NaN, p50AtKnee: atKnee?.p50 ?? Number.NaN };
      },
    });
    const knee = await compare({
      title: `load knee: cases of ${shape.steps} caseworker steps (claim + complete each), offered open-loop`,
      notes: [
        'Warm-up: two cases through each contender first; each round is then one whole bisection per contender.',
        `Knee: the highest offered rate whose probe of ${stepSeconds} s has every call's p95 ≤ ${criteria.p95BoundMs} ms, no errors, and an achieved rate ≥ ${Math.round(criteria.keepUp * 100)}% of the offer (achieved = completions between the first and the last finish).`,
        `Found by bisection between ${minRate} and ${maxRate} cases/s to a resolution of ${resolution} cases/s: a knee is within ${resolution} cases/s below the true one.`,
      ],
      warmupRounds: 0,
      measures: [
        { key: 'knee', unit: 'cases / s', better: 'higher', digits: 2 },
        { key: 'completions', unit: 'completions / s at the knee', better: 'higher', digits: 1 },
        { key: 'p95AtKnee', unit: 'ms, p95 of every call at the knee', better: 'lower', digits: 0 },
        { key: 'p50AtKnee', unit: 'ms, p50 of every call at the knee', better: 'lower', digits: 0 },
      ],
      contenders: variants.map(kneeContender),
      ratios: (
        [
          ['casemap via API', 'hand-written via SDK'],
          ['casemap via SDK', 'hand-written via SDK'],
          ['casemap via API', 'casemap via SDK'],
          ['bare HTTP (bound)', 'casemap via SDK'],
          ['casemap via API', 'bare HTTP (bound)'],
        ] as Array<[LoadVariant, LoadVariant]>
      ).filter((pair) => pair.every((variant) => variants.includes(variant))),
      ratioMeasures: ['knee'],
    }).then(printComparison);

    const sustained = await compare({
      title: `sustained task completions: ${drivers} callers running cases back to back for ${stepSeconds} s`,
      notes: ['Closed loop: each caller starts the next case as soon as its last one ended; completions/s counts the caseworker steps completed.'],
      measures: [{ key: 'completionsPerSecond', unit: 'completions / s', better: 'higher', digits: 1 }],
      contenders: [
        { name: 'through the API', does: 'claim and complete via POST /api/tasks/:id/claim and /complete (cases started with POST /api/cases).', run: async () => ({ completionsPerSecond: await sustainedCompletions(viaApi, drivers, stepSeconds) }) },
        { name: 'straight to Temporal', does: 'the same Updates on caseWorkflow through the Temporal SDK.', run: async () => ({ completionsPerSecond: await sustainedCompletions(driverOf['casemap via SDK'], drivers, stepSeconds) }) },
        { name: 'bare HTTP (bound)', does: 'the same Updates behind the smallest express front, with none of the API\'s checking (bench/bare-http-api.ts).', run: async () => ({ completionsPerSecond: await sustainedCompletions(viaBareHttp, drivers, stepSeconds) }) },
      ],
      ratios: [
        ['through the API', 'straight to Temporal'],
        ['bare HTTP (bound)', 'straight to Temporal'],
        ['through the API', 'bare HTTP (bound)'],
      ],
    }).then(printComparison);
    return { knee, sustained };
  } finally {
    for (const stop of stops) await stop();
    await new Promise((resolve) => http.close(resolve));
    await workers.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runLoadKnee();
