// What creating one workflow costs the worker's workflow thread, by the shared method (bench/method),
// with no Temporal server: the SDK evaluates the bundle's modules again for every new workflow (and for
// every workflow rebuilt after leaving the sticky cache), so this is paid once per case and again per
// eviction. Each contender is a workflow bundle loaded into the SDK's own reusable V8 context
// (`ReusableVMWorkflowCreator`, what the worker thread uses by default); a round creates and disposes
// `BENCH_WORKFLOWS` workflows (default 50) and reports milliseconds per workflow created.
// Contenders:
// - casemap: the case worker's bundle (`workflows/index.ts`, as runtime/case-worker.ts bundles it);
// - casemap-base: the same entry point from another checkout, when `BENCH_BASE_WORKFLOWS` names it
//   (e.g. a `git worktree` of an older commit), to compare a change with what it replaced;
// - handwritten: the yardstick workflows of bench/handwritten, bundled the same way.
// Then, for each Casemap bundle, which modules that evaluation spends its time in (self time per
// workflow created, from a copy of the bundle whose module loader is timed).
// Run: npx tsx bench/workflow-creation-cost.ts   (BENCH_ROUNDS ≥ 5, BENCH_WORKFLOWS, BENCH_BASE_WORKFLOWS,
// BENCH_TOP: rows of the module table, default 20)
import { randomUUID } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { parseWorkflowCode } from '@temporalio/worker/lib/worker.js';
import { ReusableVMWorkflowCreator } from '@temporalio/worker/lib/workflow/reusable-vm.js';
import { caseWorkflowBundle, workflowsPath } from '../runtime/case-worker.ts';
import { compare, type Comparison, type Contender } from './method/compare.ts';
import { formatFigure, printComparison } from './method/print-comparison.ts';

const quietLogger = { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error };
const ISOLATE_TIMEOUT_MS = 60_000;

interface BundleUnderTest {
  name: string;
  does: string;
  /** The bundle's code as `bundleWorkflowCode` returns it (its source map inline). */
  code: string;
  workflowType: string;
}

/** The module loader line webpack emits; the timed copy wraps it so each module's evaluation is measured. */
const MODULE_CALL = '__webpack_modules__[moduleId].call(module.exports, module, module.exports, __webpack_require__);';

/** Self time per module id, summed over every evaluation, and how many workflows were created meanwhile. */
class ModuleClock {
  readonly selfMs = new Map<string, number>();
  private readonly stack: Array<{ id: string; started: number; children: number }> = [];

  enter = (id: string): void => {
    this.stack.push({ id, started: performance.now(), children: 0 });
  };

  leave = (): void => {
    const frame = this.stack.pop()!;
    const total = performance.now() - frame.started;
    this.selfMs.set(frame.id, (this.selfMs.get(frame.id) ?? 0) + total - frame.children);
    const parent = this.stack.at(-1);
    if (parent) parent.children += total;
  };
}

/** The SDK's reusable context with two extra globals the timed bundle calls around each module. */
class TimedCreator extends ReusableVMWorkflowCreator {
  static clock: ModuleClock | undefined;
  protected override injectGlobals(context: Record<string, unknown>): void {
    super.injectGlobals(context);
    const clock = TimedCreator.clock!;
    context.__casemapModuleEnter = clock.enter;
    context.__casemapModuleLeave = clock.leave;
  }
}

function timedCopy(code: string): string {
  if (!code.includes(MODULE_CALL)) throw new Error('The bundle has no webpack module call this benchmark knows how to time; has the SDK changed its bundler?');
  const timed = `globalThis.__casemapModuleEnter(moduleId); try { ${MODULE_CALL} } finally { globalThis.__casemapModuleLeave(); }`;
  return code.replace(MODULE_CALL, timed);
}

function createOptions(workflowType: string) {
  const runId = randomUUID();
  const now = Date.now();
  return {
    info: {
      workflowId: `bench-${runId}`,
      runId,
      workflowType,
      searchAttributes: {},
      taskQueue: 'bench-creation',
      namespace: 'default',
      firstExecutionRunId: runId,
      originalExecutionRunId: runId,
      startTime: new Date(now),
      runStartTime: new Date(now),
      taskTimeoutMs: 10_000,
      attempt: 1,
      historyLength: 3,
      historySize: 0,
      continueAsNewSuggested: false,
      unsafe: { now: Date.now, isReplaying: false, isReplayingHistoryEvents: false, random: Math.random },
    },
    randomnessSeed: [1, 2, 3, 4, 5, 6, 7, 8],
    now,
    showStackTraceSources: false,
  };
}

async function createWorkflows(creator: ReusableVMWorkflowCreator, workflowType: string, count: number): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < count; index += 1) {
    const workflow = await creator.createWorkflow(createOptions(workflowType) as never);
    await workflow.dispose();
  }
  return (performance.now() - started) / count;
}

async function bundle(path: string): Promise<string> {
  return (await bundleWorkflowCode({ workflowsPath: path, logger: quietLogger })).code;
}

/** Loaded as the worker loads a bundle: the code and its source map split apart. */
function load(creatorClass: typeof ReusableVMWorkflowCreator, code: string): Promise<ReusableVMWorkflowCreator> {
  return creatorClass.create(parseWorkflowCode(code), ISOLATE_TIMEOUT_MS, new Set());
}

/** Our own modules by file; a package's modules together under its name. */
function moduleGroup(id: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  return inPackage ? `${inPackage[1]} (package)` : id.replace(/^\.\//, '');
}

async function moduleBreakdown(subject: BundleUnderTest, count: number): Promise<string> {
  const clock = new ModuleClock();
  TimedCreator.clock = clock;
  const creator = await load(TimedCreator, timedCopy(subject.code));
  await createWorkflows(creator, subject.workflowType, 5);
  clock.selfMs.clear();
  await createWorkflows(creator, subject.workflowType, count);
  await creator.destroy();
  const byGroup = new Map<string, number>();
  for (const [id, ms] of clock.selfMs) byGroup.set(moduleGroup(id), (byGroup.get(moduleGroup(id)) ?? 0) + ms / count);
  const total = [...byGroup.values()].reduce((sum, ms) => sum + ms, 0);
  const top = [...byGroup.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.BENCH_TOP ?? 20));
  return [
    '',
    `Module evaluation per workflow created, ${subject.name} (self time, ${count} workflows, timed loader so absolute figures run high): ${formatFigure(total)} ms in ${clock.selfMs.size} modules`,
    '',
    '| module (a package counted whole) | ms per workflow | share |',
    '|---|---:|---:|',
    ...top.map(([group, ms]) => `| ${group} | ${formatFigure(ms)} | ${formatFigure((100 * ms) / total, 1)}% |`),
  ].join('\n');
}

export async function runWorkflowCreationCost(count = Number(process.env.BENCH_WORKFLOWS ?? 50)): Promise<Comparison> {
  const subjects: BundleUnderTest[] = [
    { name: 'casemap', does: `the case worker's bundle (${workflowsPath}).`, code: (await caseWorkflowBundle()).code, workflowType: 'caseWorkflow' },
  ];
  const basePath = process.env.BENCH_BASE_WORKFLOWS;
  if (basePath) subjects.push({ name: 'casemap-base', does: `the same entry point from ${basePath}.`, code: await bundle(basePath), workflowType: 'caseWorkflow' });
  subjects.push({
    name: 'handwritten',
    does: 'the hand-written yardstick workflows (bench/handwritten/workflows.ts).',
    code: await bundle(fileURLToPath(new URL('./handwritten/workflows.ts', import.meta.url))),
    workflowType: 'handwrittenSequence',
  });
  const creators = new Map<string, ReusableVMWorkflowCreator>();
  for (const subject of subjects) creators.set(subject.name, await load(ReusableVMWorkflowCreator, subject.code));
  const contenders: Contender[] = subjects.map((subject) => ({
    name: subject.name,
    does: subject.does,
    run: async () => ({ ms: await createWorkflows(creators.get(subject.name)!, subject.workflowType, count) }),
  }));
  const comparison = printComparison(
    await compare({
      title: 'Creating a workflow: the bundle evaluated in the reusable V8 context',
      notes: [`Each round creates and disposes ${count} workflows per contender in the SDK's ReusableVMWorkflowCreator (no server); ms is per workflow created.`],
      contenders,
      ratios: subjects.filter((subject) => subject.name !== 'handwritten').map((subject) => [subject.name, 'handwritten'] as [string, string]).concat(basePath ? [['casemap', 'casemap-base']] : []),
    }),
  );
  for (const creator of creators.values()) await creator.destroy();
  for (const subject of subjects.filter((s) => s.name !== 'handwritten')) console.log(await moduleBreakdown(subject, count));
  return comparison;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runWorkflowCreationCost();
}
