// Casemap's interpreter against hand-written Temporal workflows of the same shapes, side by side on
// one real Temporal dev server: history events per case and cases per second.
// Run: npx tsx bench/engine-vs-handwritten.ts   (BENCH_CASES=<n> cases per variant, default 20)
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { compile } from '../domain/compile/compile.ts';
import { deployVersion, type DeployedVersion } from '../storage/definition-store.ts';
import { claimTaskUpdate, completeTaskUpdate, startedUpdate, workflowIdForCase, type Actor, type NextSteps } from '../workflows/case-api.ts';
import { startSideBySideWorkers } from './load-workers.ts';
import { shapes, type Shape } from './shapes.ts';

type Variant = 'casemap' | 'handwritten+projection' | 'handwritten-bare';
const variants: Variant[] = ['casemap', 'handwritten+projection', 'handwritten-bare'];
const handwrittenType: Record<Shape['key'], string> = {
  'sequential-services': 'handwrittenSequence',
  'user-tasks': 'handwrittenUserTasks',
  'parallel-services': 'handwrittenParallel',
};
const actor: Actor = { userId: 'bench', teams: ['unassigned'], leadOf: [], roles: [] };

export interface BenchRow {
  shape: string;
  variant: Variant;
  eventsPerCase: number;
  casesPerSecond: number;
}

export async function runEngineVsHandwritten(casesPerVariant = Number(process.env.BENCH_CASES ?? 20)): Promise<BenchRow[]> {
  const workers = await startSideBySideWorkers('bench');
  const { db, client, casemapQueue, handwrittenQueue } = workers;

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
            args: [{ caseId, definitionId: definition.definitionId, version: definition.version, steps: shape.steps, project: variant === 'handwritten+projection' }],
          });
    let next: NextSteps = await client.workflow.executeUpdateWithStart(startedUpdate, { startWorkflowOperation: operation });
    const handle = client.workflow.getHandle(workflowId);
    while (next.opened.length > 0) {
      const task = next.opened[0]!;
      await handle.executeUpdate(claimTaskUpdate, { args: [{ taskId: task.taskId, actor }] });
      next = await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.taskId, actor, data: {} }] });
    }
    await handle.result();
    return workflowId;
  }

  async function measure(shape: Shape, variant: Variant): Promise<BenchRow> {
    await Promise.all([runCase(shape, variant), runCase(shape, variant)]); // warm-up
    const started = performance.now();
    const workflowIds = await Promise.all(Array.from({ length: casesPerVariant }, () => runCase(shape, variant)));
    const seconds = (performance.now() - started) / 1000;
    const lengths = await Promise.all(workflowIds.map(async (id) => (await client.workflow.getHandle(id).fetchHistory()).events?.length ?? 0));
    return { shape: shape.label, variant, eventsPerCase: lengths.reduce((sum, length) => sum + length, 0) / lengths.length, casesPerSecond: casesPerVariant / seconds };
  }

  const rows: BenchRow[] = [];
  try {
    for (const shape of shapes) for (const variant of variants) rows.push(await measure(shape, variant));
  } finally {
    await workers.stop();
  }
  printTable(rows, casesPerVariant);
  return rows;
}

function printTable(rows: BenchRow[], casesPerVariant: number): void {
  const lines = [
    `Casemap interpreter vs hand-written Temporal workflows — ${casesPerVariant} concurrent cases per variant, one dev server, one process`,
    '',
    '| shape | variant | history events / case | vs hand-written+projection | cases / s | vs hand-written+projection |',
    '|---|---|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    const yardstick = rows.find((other) => other.shape === row.shape && other.variant === 'handwritten+projection')!;
    lines.push(
      `| ${row.shape} | ${row.variant} | ${row.eventsPerCase.toFixed(1)} | ${(row.eventsPerCase / yardstick.eventsPerCase).toFixed(2)}× | ${row.casesPerSecond.toFixed(1)} | ${(row.casesPerSecond / yardstick.casesPerSecond).toFixed(2)}× |`,
    );
  }
  console.log(lines.join('\n'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runEngineVsHandwritten();
