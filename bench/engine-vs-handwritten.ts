// Casemap's interpreter against hand-written Temporal workflows of the same shapes, by the shared
// method (bench/method), on one real Temporal dev server: cases per second and history events per case.
// Contenders, per shape (a round runs `BENCH_CASES` cases of one contender concurrently, each started
// with the `started` Update and, for user tasks, claimed and completed with the same Updates):
// - casemap: `caseWorkflow` interpreting the compiled BPMN, with its case log written by the fenced
//   local activity (rows confirmed into the projection by later writes or the worker's reconciler:
//   the bench drives Updates through the SDK, not the API, so it skips the API's confirmation);
// - handwritten+projection (serial): the same steps, writing the same batches through the same
//   `recordCaseEvents` activity, each awaited before the next step or the Update's answer;
// - handwritten-pipelined: the same batches queued to a background writer that coalesces them;
//   steps and Update answers do not wait for it; a final flush before the workflow returns;
// - handwritten-local: as the serial yardstick, each batch written by a local activity (issue #17's candidate);
// - handwritten-sink-awaited / -detached: the same batches written from a worker sink, before the
//   workflow task completes or not waited for at all (bounds, not designs: nothing retries or fences
//   a sink's write, bench/handwritten/projection-sink.ts);
// - handwritten-bare: the same steps and no projection at all — the floor Temporal itself sets.
// Run: npx tsx bench/engine-vs-handwritten.ts   (BENCH_CASES=<n> cases per round, default 20; BENCH_ROUNDS ≥ 5;
// BENCH_SHAPES=a,b,c picks shapes; BENCH_VARIANTS=casemap,handwritten-bare,… picks contenders)
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { compile } from '../domain/compile/compile.ts';
import { deployVersion, type DeployedVersion } from '../storage/definition-store.ts';
import { claimTaskUpdate, completeTaskUpdate, startedUpdate, workflowIdForCase, type Actor, type NextSteps } from '../workflows/case-api.ts';
import type { ProjectionMode } from './handwritten/workflows.ts';
import { compare, type Comparison, type Contender } from './method/compare.ts';
import { printComparison } from './method/print-comparison.ts';
import { benchStore, startSideBySideWorkers } from './load-workers.ts';
import { shapes, type Shape } from './shapes.ts';

type Variant =
  | 'casemap'
  | 'handwritten+projection'
  | 'handwritten-pipelined'
  | 'handwritten-local'
  | 'handwritten-sink-awaited'
  | 'handwritten-sink-detached'
  | 'handwritten-bare';
const handwrittenProjection: Record<Exclude<Variant, 'casemap'>, ProjectionMode> = {
  'handwritten+projection': 'serial',
  'handwritten-pipelined': 'pipelined',
  'handwritten-local': 'local',
  'handwritten-sink-awaited': 'sink-awaited',
  'handwritten-sink-detached': 'sink-detached',
  'handwritten-bare': 'none',
};
const does: Record<Variant, string> = {
  casemap: '`caseWorkflow` interpreting the compiled BPMN, writing its case log by a fenced local activity as it goes (projected once confirmed in history).',
  'handwritten+projection': 'hand-written workflow, same steps and same projection batches through `recordCaseEvents`, each write awaited before the next step or Update answer (serial).',
  'handwritten-pipelined': 'hand-written workflow, same batches queued to one background writer that coalesces them; steps and Update answers do not wait; final flush before it returns.',
  'handwritten-local': 'hand-written workflow, same steps and batches as the serial one, each written by a local activity (one marker in the same workflow task) and awaited before the next step or Update answer.',
  'handwritten-sink-awaited':
    'hand-written workflow, same batches written by a worker sink before the workflow task completes (no marker, no second activation; nothing retries or fences it: a bound, not a design).',
  'handwritten-sink-detached':
    "hand-written workflow, same batches handed to a worker sink and written in the background, in order per case; the round waits for a case's last row (the cost of the rows alone, with no coordination).",
  'handwritten-bare': 'hand-written workflow, same steps, no projection writes at all (the floor Temporal sets).',
};
const handwrittenType: Record<Shape['key'], string> = {
  'sequential-services': 'handwrittenSequence',
  'user-tasks': 'handwrittenUserTasks',
  'parallel-services': 'handwrittenParallel',
};
const actor: Actor = { userId: 'bench', teams: ['unassigned'], leadOf: [], roles: [] };

export async function runEngineVsHandwritten(casesPerRound = Number(process.env.BENCH_CASES ?? 20)): Promise<Comparison[]> {
  const workers = await startSideBySideWorkers('bench');
  const { db, client, casemapQueue, handwrittenQueue, projectionSettled } = workers;

  const deployed = new Map<string, DeployedVersion>();
  for (const shape of shapes) {
    const { ir } = await compile(shape.xml);
    deployed.set(shape.key, (await deployVersion(db, { definitionId: shape.definitionId, name: shape.label, xml: shape.xml, ir })).version);
  }

  async function runCase(shape: Shape, variant: Variant): Promise<string> {
    const definition = deployed.get(shape.key)!;
    const caseId = randomUUID();
    const workflowId = workflowIdForCase(caseId);
    const operation =
      variant === 'casemap'
        ? new WithStartWorkflowOperation('caseWorkflow', {
            workflowId,
            taskQueue: casemapQueue,
            workflowIdConflictPolicy: 'USE_EXISTING',
            args: [{ caseId, definitionId: definition.definitionId, version: definition.version, ir: definition.ir, data: {}, startedBy: actor.userId }],
          })
        : new WithStartWorkflowOperation(handwrittenType[shape.key], {
            workflowId,
            taskQueue: handwrittenQueue,
            workflowIdConflictPolicy: 'USE_EXISTING',
            args: [{ caseId, definitionId: definition.definitionId, version: definition.version, steps: shape.steps, projection: handwrittenProjection[variant] }],
          });
    let next: NextSteps = await client.workflow.executeUpdateWithStart(startedUpdate, { startWorkflowOperation: operation });
    const handle = client.workflow.getHandle(workflowId);
    while (next.opened.length > 0) {
      const task = next.opened[0]!;
      await handle.executeUpdate(claimTaskUpdate, { args: [{ taskId: task.taskId, actor }] });
      next = await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.taskId, actor, data: {} }] });
    }
    await handle.result();
    if (variant === 'handwritten-sink-detached') await projectionSettled(caseId);
    return workflowId;
  }

  /** One round of a contender: `casesPerRound` cases at once, timed to the last one's end; histories read after. */
  function contender(shape: Shape, variant: Variant): Contender {
    return {
      name: variant,
      does: does[variant],
      async run() {
        const started = performance.now();
        const workflowIds = await Promise.all(Array.from({ length: casesPerRound }, () => runCase(shape, variant)));
        const ms = performance.now() - started;
        const lengths = await Promise.all(workflowIds.map(async (id) => (await client.workflow.getHandle(id).fetchHistory()).events?.length ?? 0));
        return { ms, casesPerSecond: casesPerRound / (ms / 1000), eventsPerCase: lengths.reduce((sum, length) => sum + length, 0) / lengths.length };
      },
    };
  }

  const comparisons: Comparison[] = [];
  try {
    // BENCH_SHAPES=b,c runs only those shapes (a short run on a loaded machine).
    const only = process.env.BENCH_SHAPES?.split(',').map((key) => key.trim());
    for (const shape of shapes.filter((candidate) => !only || only.some((key) => candidate.label.startsWith(`(${key})`)))) {
      const picked = process.env.BENCH_VARIANTS?.split(',').map((name) => name.trim());
      const variants = (Object.keys(does) as Variant[]).filter((variant) => !picked || picked.includes(variant));
      comparisons.push(
        printComparison(
          await compare({
            title: `engine vs hand-written, ${shape.label}`,
            notes: [`One Temporal dev server, one ${benchStore() === 'postgres' ? 'local PostgreSQL (BENCH_STORE=postgres)' : 'PGlite'}, Casemap's worker and the hand-written workers in one process; a round runs ${casesPerRound} cases of one contender concurrently. History events per case do not depend on machine load; cases/s does.`],
            measures: [
              { key: 'eventsPerCase', unit: 'history events / case', better: 'lower', digits: 1 },
              { key: 'casesPerSecond', unit: 'cases / s', better: 'higher', digits: 1 },
            ],
            contenders: variants.map((variant) => contender(shape, variant)),
            ratios: (
              [
                // Issue #17's target is against the bare floor; the serial yardstick stays for comparison with earlier runs.
                ['casemap', 'handwritten-bare'],
                ['handwritten-local', 'handwritten-bare'],
                ['handwritten-sink-awaited', 'handwritten-bare'],
                ['handwritten-sink-detached', 'handwritten-bare'],
                ...variants.filter((variant) => variant !== 'handwritten+projection').map((variant) => [variant, 'handwritten+projection']),
              ] as Array<[Variant, Variant]>
            ).filter((pair) => pair.every((variant) => variants.includes(variant))),
          }),
        ),
      );
    }
  } finally {
    await workers.stop();
  }
  return comparisons;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runEngineVsHandwritten();
