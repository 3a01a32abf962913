// Where each millisecond of one user-task completion goes (issue #17): API request → Temporal
// Update → workflow task, with the case log written by its local activity (`recordFencedCaseEvents`,
// tentative until confirmed) → the Update's answer → its confirmation (the projection applied) →
// the next task visible in an inbox read. Read from Temporal's history event times, the store's own timings (bench/profile/
// timed-database.ts, joined to the activity by id) and the caller's clock — no workflow change.
// Cases of shape (b) (five caseworker steps); the four completions that open a next task are
// profiled. Variants, interleaved case by case (the order rotated each round):
// - casemap via API: POST /api/cases, /api/tasks/:id/claim and /complete over HTTP, then
//   GET /api/tasks?caseId=… until the next task shows;
// - casemap via SDK: the same Updates straight to Temporal, each answer confirmed as the API does, the same inbox read over HTTP;
// - handwritten+projection via SDK: bench/handwritten's serial yardstick, same Updates and inbox read;
// - handwritten local-activity via SDK: the same, its batches written by a local activity;
// - handwritten-bare via SDK: no projection, so nothing to read back (visible = answered).
// Two modes: closed loop (`PROFILE_CASES` cases per variant, one at a time: an idle machine's
// breakdown), and open loop (`PROFILE_RATE=<cases/s>` for `PROFILE_SECONDS`, casemap via API only
// unless `PROFILE_VARIANTS` says otherwise: the latency a caseworker feels at that load).
// Run: npx tsx bench/completion-profile.ts   (PROFILE_CASES=20; PROFILE_RATE, PROFILE_SECONDS=10)
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { compile } from '../domain/compile/compile.ts';
import { deployVersion } from '../storage/definition-store.ts';
import { confirmAnswered } from '../services/case-log-confirm.ts';
import { claimTaskUpdate, completeTaskUpdate, startedUpdate, workflowIdForCase, type Actor, type NextSteps } from '../workflows/case-api.ts';
import type { ProjectionMode } from './handwritten/workflows.ts';
import { startBenchApi } from './bench-api.ts';
import { startSideBySideWorkers } from './load-workers.ts';
import { formatFigure } from './method/print-comparison.ts';
import { roundOrder } from './method/interleave.ts';
import { quantile } from './method/statistics.ts';
import { completionSegments, segmentLabels, SegmentKeys, type CompletionSegments } from './profile/completion-segments.ts';
import { nowMs, timeDatabase, type TimedCall } from './profile/timed-database.ts';
import { shapes } from './shapes.ts';

export const ProfileVariants = ['casemap via API', 'casemap via SDK', 'handwritten+projection via SDK', 'handwritten local-activity via SDK', 'handwritten-bare via SDK'] as const;
export type ProfileVariant = (typeof ProfileVariants)[number];
const handwrittenMode: Partial<Record<ProfileVariant, ProjectionMode>> = {
  'handwritten+projection via SDK': 'serial',
  'handwritten local-activity via SDK': 'local',
  'handwritten-bare via SDK': 'none',
};

const shape = shapes.find((candidate) => candidate.key === 'user-tasks')!;
const actor: Actor = { userId: 'admin', teams: [], leadOf: [], roles: ['admin'] };

/** One profiled completion: its segments plus the database time of the projection writes on its path. */
export interface ProfiledCompletion extends CompletionSegments {
  variant: ProfileVariant;
  databaseMs: number;
}

export interface VariantProfile {
  variant: ProfileVariant;
  completions: ProfiledCompletion[];
  errors: number;
  /** p50 / p95 of sent → visible, ms. */
  visibleP50: number;
  visibleP95: number;
}

export interface ProfileOptions {
  cases?: number;
  /** Open loop at this many cases/s instead of one case at a time. */
  rate?: number;
  seconds?: number;
  variants?: readonly ProfileVariant[];
  /** Print the tables (default true). */
  print?: boolean;
}

interface CaseRun {
  workflowId: string;
  /** Caller times of each completion that opened a next task, in order. */
  completions: Array<{ sentMs: number; answeredMs: number; visibleMs: number }>;
}

export interface ProfileRig {
  /** One case of `variant` from start to end, its completions profiled (a failed case is counted in `errors`). */
  profileOneCase(variant: ProfileVariant): Promise<{ completions: ProfiledCompletion[]; errors: number }>;
  /** Cases of `variant` offered open-loop at `rate` cases/s for `seconds`, all profiled. */
  openLoop(variant: ProfileVariant, rate: number, seconds: number): Promise<{ completions: ProfiledCompletion[]; errors: number }>;
  stop(): Promise<void>;
}

/** The stack the profile runs on: side-by-side workers on a timed store, the API, shape (b) deployed. */
export async function openProfileRig(): Promise<ProfileRig> {
  let calls: TimedCall[] = [];
  const workers = await startSideBySideWorkers('profile', {
    wrapDb: (store) => {
      const timed = timeDatabase(store);
      calls = timed.calls;
      return timed.db;
    },
  });
  const { db, client, casemapQueue, handwrittenQueue } = workers;
  const api = await startBenchApi(workers);
  const { ir } = await compile(shape.xml);
  const definition = (await deployVersion(db, { definitionId: shape.definitionId, name: shape.label, xml: shape.xml, ir })).version;

  /** Reads the inbox over HTTP until the task shows as open; returns when it did. */
  async function seenInInbox(caseId: string, taskId: string): Promise<number> {
    const rowId = `${caseId}:${taskId}`;
    for (let attempt = 0; attempt < 500; attempt += 1) {
      const page = await api.get<{ items: Array<{ id: string; status: string }> }>(`/api/tasks?view=all-open&caseId=${encodeURIComponent(caseId)}`);
      if (page.items.some((task) => task.id === rowId && task.status === 'open')) return nowMs();
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    throw new Error(`Task ${rowId} never showed in the inbox.`);
  }

  async function runCase(variant: ProfileVariant): Promise<CaseRun> {
    const completions: CaseRun['completions'] = [];
    const mode = handwrittenMode[variant];
    if (variant === 'casemap via API') {
      const started = await api.post<{ caseId: string; next: NextSteps }>('/api/cases', { definitionId: shape.definitionId, data: {} });
      let next = started.next;
      while (next.opened.length > 0) {
        const path = `/api/tasks/${encodeURIComponent(`${started.caseId}:${next.opened[0]!.taskId}`)}`;
        await api.post(`${path}/claim`, {});
        const sentMs = nowMs();
        next = (await api.post<{ next: NextSteps }>(`${path}/complete`, { data: {} })).next;
        const answeredMs = nowMs();
        if (next.opened.length > 0) completions.push({ sentMs, answeredMs, visibleMs: await seenInInbox(started.caseId, next.opened[0]!.taskId) });
      }
      return { workflowId: workflowIdForCase(started.caseId), completions };
    }
    const caseId = randomUUID();
    const workflowId = workflowIdForCase(caseId);
    const operation = mode
      ? new WithStartWorkflowOperation('handwrittenUserTasks', { workflowId, taskQueue: handwrittenQueue, workflowIdConflictPolicy: 'USE_EXISTING', args: [{ caseId, definitionId: definition.definitionId, version: definition.version, steps: shape.steps, projection: mode }] })
      : new WithStartWorkflowOperation('caseWorkflow', { workflowId, taskQueue: casemapQueue, workflowIdConflictPolicy: 'USE_EXISTING', args: [{ caseId, definitionId: definition.definitionId, version: definition.version, ir: definition.ir, data: {}, startedBy: actor.userId }] });
    // Casemap's answers confirm the case log they prove recorded, as the API does (services/case-log-confirm.ts);
    // without it the next task would show only after the worker's reconciler found the write.
    const answered = async (next: NextSteps) => (mode ? next : confirmAnswered(db, caseId, next));
    let next: NextSteps = await answered(await client.workflow.executeUpdateWithStart(startedUpdate, { startWorkflowOperation: operation }));
    const handle = client.workflow.getHandle(workflowId);
    while (next.opened.length > 0) {
      const taskId = next.opened[0]!.taskId;
      await answered(await handle.executeUpdate(claimTaskUpdate, { args: [{ taskId, actor }] }));
      const sentMs = nowMs();
      next = await answered(await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, actor, data: {} }] }));
      const answeredMs = nowMs();
      if (next.opened.length > 0) completions.push({ sentMs, answeredMs, visibleMs: mode === 'none' ? answeredMs : await seenInInbox(caseId, next.opened[0]!.taskId) });
    }
    return { workflowId, completions };
  }

  async function profileCase(variant: ProfileVariant, run: CaseRun): Promise<ProfiledCompletion[]> {
    await client.workflow.getHandle(run.workflowId).result();
    const events = (await client.workflow.getHandle(run.workflowId).fetchHistory()).events ?? [];
    return run.completions.map((caller, index) => {
      const segments = completionSegments(events, 'completeTask', index, caller);
      // The workflow's activity transactions (local ones too, which have no history event) between sent and answered.
      const databaseMs = calls
        .filter((call) => call.kind === 'transaction' && call.activity?.startsWith(`${run.workflowId}/`) && call.startMs >= caller.sentMs && call.endMs <= caller.answeredMs)
        .reduce((sum, call) => sum + call.endMs - call.startMs, 0);
      return { ...segments, variant, databaseMs };
    });
  }

  async function profiled(variant: ProfileVariant, run: Promise<CaseRun>): Promise<{ completions: ProfiledCompletion[]; errors: number }> {
    try {
      return { completions: await profileCase(variant, await run), errors: 0 };
    } catch (error) {
      console.warn(`  ${variant}: ${error instanceof Error ? error.message : String(error)}`);
      return { completions: [], errors: 1 };
    }
  }
  return {
    profileOneCase: (variant) => profiled(variant, runCase(variant)),
    async openLoop(variant, rate, seconds) {
      const began = performance.now();
      const inFlight: Array<Promise<{ completions: ProfiledCompletion[]; errors: number }>> = [];
      for (let i = 0; i < Math.max(1, Math.round(rate * seconds)); i += 1) {
        const wait = began + (i * 1000) / rate - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        inFlight.push(profiled(variant, runCase(variant)));
      }
      const done = await Promise.all(inFlight);
      return { completions: done.flatMap((one) => one.completions), errors: done.reduce((sum, one) => sum + one.errors, 0) };
    },
    async stop() {
      await api.stop();
      await workers.stop();
    },
  };
}

export function summariseProfile(variant: ProfileVariant, completions: ProfiledCompletion[], errors: number): VariantProfile {
  const totals = completions.map((completion) => completion.totalMs);
  return { variant, completions, errors, visibleP50: quantile(totals, 0.5), visibleP95: quantile(totals, 0.95) };
}

export async function runCompletionProfile(options: ProfileOptions = {}): Promise<VariantProfile[]> {
  const rate = options.rate ?? (process.env.PROFILE_RATE ? Number(process.env.PROFILE_RATE) : undefined);
  const cases = options.cases ?? Number(process.env.PROFILE_CASES ?? 20);
  const seconds = options.seconds ?? Number(process.env.PROFILE_SECONDS ?? 10);
  const named = process.env.PROFILE_VARIANTS?.split(',').map((name) => name.trim()) as ProfileVariant[] | undefined;
  const variants = options.variants ?? named ?? (rate ? ['casemap via API' as const] : ProfileVariants);
  const rig = await openProfileRig();
  try {
    // Warm-up: one case per variant, discarded (bundles, JIT, caches).
    for (const variant of variants) await rig.profileOneCase(variant);
    const results = new Map(variants.map((variant) => [variant, { completions: [] as ProfiledCompletion[], errors: 0 }]));
    const add = (variant: ProfileVariant, one: { completions: ProfiledCompletion[]; errors: number }) => {
      const entry = results.get(variant)!;
      entry.completions.push(...one.completions);
      entry.errors += one.errors;
    };
    if (!rate) {
      for (let round = 0; round < cases; round += 1) {
        for (const variant of roundOrder(variants, round)) add(variant, await rig.profileOneCase(variant));
      }
    } else {
      for (const variant of variants) add(variant, await rig.openLoop(variant, rate, seconds));
    }
    const profiles = variants.map((variant) => summariseProfile(variant, results.get(variant)!.completions, results.get(variant)!.errors));
    if (options.print ?? true) console.log(`\n${formatProfile(profiles, rate ? `open loop, ${formatFigure(rate, 2)} cases/s offered for ${seconds} s per variant` : `closed loop, ${cases} cases per variant one at a time, variants interleaved case by case`)}`);
    return profiles;
  } finally {
    await rig.stop();
  }
}

/** One table per variant: each segment's median and p95 over the profiled completions. */
export function formatProfile(profiles: readonly VariantProfile[], load: string): string {
  const lines = [`== completion profile: where one user-task completion's time goes (${load})`, '', 'Segments (medians and p95s are each taken on their own, so they need not add up to the total):', ...SegmentKeys.map((key) => `- **${key}** — ${segmentLabels[key]}`), '- **database** — the projection transaction(s) in the store between sent and answered, timed by the store wrapper (inside activityRun; for a local activity, inside workflowTaskRun)', '- **total** — request sent → next task visible in the inbox (for the bare yardstick: → answered)'];
  for (const profile of profiles) {
    const rows = profile.completions;
    const cell = (values: number[]) => `${formatFigure(quantile(values, 0.5), 1)} | ${formatFigure(quantile(values, 0.95), 1)}`;
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
    lines.push(
      '',
      `${profile.variant}: ${rows.length} completions, ${profile.errors} failed cases; per completion ${formatFigure(mean(rows.map((row) => row.workflowTasks)), 1)} workflow tasks and ${formatFigure(mean(rows.map((row) => row.activities)), 1)} activities on the path.`,
      '',
      '| segment | median ms | p95 ms |',
      '|---|---:|---:|',
      ...SegmentKeys.map((key) => `| ${key} | ${cell(rows.map((row) => row.segments[key]))} |`),
      `| (database: projection transactions) | ${cell(rows.map((row) => row.databaseMs))} |`,
      `| **total: sent → visible** | ${cell(rows.map((row) => row.totalMs))} |`,
      `| (unaccounted) | ${cell(rows.map((row) => row.unaccountedMs))} |`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runCompletionProfile();
