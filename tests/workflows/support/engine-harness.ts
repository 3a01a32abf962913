// The case workflow on the run's real Temporal dev server, without the HTTP API: an in-memory
// PGlite projection store, a worker on a task queue of its own, and helpers that drive cases the
// way the API does (start with the `started` Update, claim then complete, messages as Signals).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client, Connection, WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { compile } from '../../../domain/compile/compile.ts';
import type { CaseData } from '../../../domain/engine/contract.ts';
import type { ServiceHandlerEntry } from '../../../activities/service-handlers/registry.ts';
import { createCaseWorker } from '../../../runtime/case-worker.ts';
import { openPglite, type Database } from '../../../storage/database.ts';
import { migrate } from '../../../storage/migrate.ts';
import { deployVersion, findDeployedVersion, type DeployedVersion } from '../../../storage/definition-store.ts';
import { caseEvents, type EventRow } from '../../../storage/case-queries.ts';
import { confirmAnswered } from '../../../services/case-log-confirm.ts';
import {
  caseViewQuery,
  claimTaskUpdate,
  completeTaskUpdate,
  messageSignal,
  startedUpdate,
  workflowIdForCase,
  type Actor,
  type CaseView,
  type NextSteps,
  type OpenTask,
} from '../../../workflows/case-api.ts';
import type { caseWorkflow } from '../../../workflows/case-workflow.ts';
import { casemapDataConverter } from '../../../runtime/casemap-data-converter.ts';

/** Acts on any task: the admin role passes every team check in domain/engine/task-rules.ts. */
export const admin: Actor = { userId: 'ada', teams: [], leadOf: [], roles: ['admin'] };

export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
}

export interface EngineHarnessOptions {
  /** Handlers for systems outside Casemap, registered beside the default ones. */
  serviceHandlers?: Record<string, ServiceHandlerEntry>;
  /** Start no worker (a test brings its own, e.g. in a child process). */
  withoutWorker?: boolean;
  taskQueue?: string;
  /** Another Temporal server than the run's shared dev server. */
  address?: string;
  /** Run the worker without its case log reconciler (path 3), so a test sees what a write asked of it. */
  withoutReconciler?: boolean;
}

export interface StartedCase {
  caseId: string;
  handle: WorkflowHandle<typeof caseWorkflow>;
  next: NextSteps;
}

export class EngineHarness {
  private worker?: { worker: Worker; running: Promise<void> };

  private constructor(
    readonly address: string,
    readonly db: Database,
    readonly client: Client,
    readonly taskQueue: string,
    private readonly connection: Connection,
    private readonly workerConnection: NativeConnection,
    private readonly serviceHandlers: Record<string, ServiceHandlerEntry>,
    private readonly withoutReconciler: boolean,
  ) {}

  static async start(options: EngineHarnessOptions = {}): Promise<EngineHarness> {
    // vitest is loaded only inside a test run, so scripts (tests/replay/record-histories.ts) can use this too.
    const address = options.address ?? (await import('vitest')).inject('temporalAddress');
    quietRuntime();
    const db = openPglite();
    await migrate(db);
    const connection = await Connection.connect({ address });
    const workerConnection = await NativeConnection.connect({ address });
    const harness = new EngineHarness(
      address,
      db,
      new Client({ connection, dataConverter: casemapDataConverter(db) }),
      options.taskQueue ?? `engine-test-${randomUUID()}`,
      connection,
      workerConnection,
      options.serviceHandlers ?? {},
      options.withoutReconciler ?? false,
    );
    if (!options.withoutWorker) await harness.startWorker();
    return harness;
  }

  async startWorker(): Promise<void> {
    if (this.worker) return;
    const worker = await createCaseWorker({ address: this.address, connection: this.workerConnection, db: this.db, taskQueue: this.taskQueue, serviceHandlers: this.serviceHandlers, ...(this.withoutReconciler ? { caseLogReconciler: false } : {}) });
    this.worker = { worker, running: worker.run() };
  }

  async stopWorker(): Promise<void> {
    const current = this.worker;
    this.worker = undefined;
    if (!current) return;
    current.worker.shutdown();
    await current.running;
  }

  async stop(): Promise<void> {
    await this.stopWorker();
    await this.workerConnection.close();
    await this.connection.close();
    await this.db.close();
  }

  /** Compiles and deploys a diagram; any error diagnostic fails the test with its message. */
  async deploy(xml: string, definitionId?: string): Promise<DeployedVersion> {
    const { ir, diagnostics } = await compile(xml);
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    if (errors.length > 0) throw new Error(`The fixture does not compile: ${errors.map((error) => `${error.code}: ${error.message}`).join('; ')}`);
    const id = definitionId ?? ir.mainProcessId;
    if (!id) throw new Error('The fixture has no executable process.');
    const { version } = await deployVersion(this.db, { definitionId: id, name: ir.name ?? id, xml, ir });
    return version;
  }

  /** Starts a case as the API does: the `started` Update answers once the first steps are recorded. */
  async startCase(definitionId: string, data: CaseData = {}, caseId: string = randomUUID()): Promise<StartedCase> {
    const definition = await findDeployedVersion(this.db, definitionId);
    if (!definition) throw new Error(`No deployed process ${definitionId}`);
    const next = await this.client.workflow.executeUpdateWithStart(startedUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation('caseWorkflow', {
        workflowId: workflowIdForCase(caseId),
        taskQueue: this.taskQueue,
        workflowIdConflictPolicy: 'USE_EXISTING',
        args: [{ caseId, definitionId, version: definition.version, ir: definition.ir, data, startedBy: admin.userId }],
      }),
    });
    return { caseId, handle: this.handle(caseId), next: await confirmAnswered(this.db, caseId, next) };
  }

  handle(caseId: string): WorkflowHandle<typeof caseWorkflow> {
    return this.client.workflow.getHandle<typeof caseWorkflow>(workflowIdForCase(caseId));
  }

  view(caseId: string): Promise<CaseView> {
    return this.handle(caseId).query(caseViewQuery);
  }

  /**
   * Waits until a task for `nodeId` is open on the case (tasks opened by timers appear later) and
   * the case log written so far is confirmed, so the task and what led to it are readable.
   */
  async waitForTask(caseId: string, nodeId: string, timeoutMs = 15_000): Promise<OpenTask> {
    const view = await eventually(() => this.view(caseId), (current) => current.tasks.some((task) => task.nodeId === nodeId), timeoutMs);
    await this.logConfirmed(caseId, timeoutMs);
    return view.tasks.find((task) => task.nodeId === nodeId)!;
  }

  /** As the API does, the answer confirms the case log through the position it carries. */
  async claim(caseId: string, taskId: string, actor: Actor = admin): Promise<NextSteps> {
    return confirmAnswered(this.db, caseId, await this.handle(caseId).executeUpdate(claimTaskUpdate, { args: [{ taskId, actor }] }));
  }

  async complete(caseId: string, taskId: string, data: CaseData = {}, actor: Actor = admin): Promise<NextSteps> {
    return confirmAnswered(this.db, caseId, await this.handle(caseId).executeUpdate(completeTaskUpdate, { args: [{ taskId, actor, data }] }));
  }

  /** Claims and completes the open task of `nodeId`, waiting for it to open first. */
  async completeStep(caseId: string, nodeId: string, data: CaseData = {}, actor: Actor = admin): Promise<NextSteps> {
    const task = await this.waitForTask(caseId, nodeId);
    await this.claim(caseId, task.taskId, actor);
    return this.complete(caseId, task.taskId, data, actor);
  }

  message(caseId: string, messageName: string, data: CaseData = {}, correlationKey?: string): Promise<void> {
    return this.handle(caseId).signal(messageSignal, { messageId: randomUUID(), messageName, data, ...(correlationKey === undefined ? {} : { correlationKey }) });
  }

  /**
   * Waits for the case to end; the workflow flushes its log before it returns, and the worker's
   * reconciler confirms what no Update answer confirmed (runtime/case-log-reconciler.ts).
   */
  async result(caseId: string): Promise<CaseView> {
    const view = await this.handle(caseId).result();
    await this.logConfirmed(caseId);
    return view;
  }

  logConfirmed(caseId: string, timeoutMs = 15_000): Promise<void> {
    return logConfirmed(this.db, caseId, timeoutMs);
  }

  events(caseId: string): Promise<EventRow[]> {
    return caseEvents(this.db, caseId);
  }

  /** The log without element and message-wait plumbing: the lifecycle a caseworker sees. */
  async lifecycle(caseId: string): Promise<string[]> {
    return (await this.events(caseId)).map((event) => event.kind).filter((kind) => !kind.startsWith('element-') && !kind.startsWith('message-awaited') && kind !== 'message-wait-ended');
  }

  /** Node ids the engine entered, in order. */
  async entered(caseId: string): Promise<string[]> {
    return (await this.events(caseId)).filter((event) => event.kind === 'element-entered').map((event) => event.nodeId ?? '');
  }
}

/** Warnings and errors only: the SDK logs every worker state change at INFO. */
export function quietRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed in this process.
  }
}

/** Waits until no row of the case's log is tentative (the worker's reconciler confirms what no Update answer did). */
export async function logConfirmed(db: Database, caseId: string, timeoutMs = 15_000): Promise<void> {
  const tentative = () => db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_log_fences WHERE case_id = $1 AND written_through > confirmed_through', [caseId]);
  await eventually(tentative, ([row]) => row!.n === 0, timeoutMs);
}

/** Polls `read` until `accept` holds. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}
