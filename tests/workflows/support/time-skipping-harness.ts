// The case workflow on Temporal's time-skipping test server, for timers of days: the server moves
// its clock forward while every workflow waits, so a test of a three-day timer takes seconds. The
// server is provisioned like the dev server (runtime/temporal-binaries.ts).
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { compile } from '../../../domain/compile/compile.ts';
import { createCaseWorker } from '../../../runtime/case-worker.ts';
import { timeSkippingServerExecutable } from '../../../runtime/temporal-binaries.ts';
import { caseEvents, type EventRow } from '../../../storage/case-queries.ts';
import { openPglite, type Database } from '../../../storage/database.ts';
import { migrate } from '../../../storage/migrate.ts';
import { deployVersion } from '../../../storage/definition-store.ts';
import { workflowIdForCase } from '../../../workflows/case-api.ts';
import type { caseWorkflow } from '../../../workflows/case-workflow.ts';
import { fixture, logConfirmed, quietRuntime } from './engine-harness.ts';

export class TimeSkippingHarness {
  private constructor(
    readonly env: TestWorkflowEnvironment,
    readonly db: Database,
    private readonly worker: Worker,
    private readonly running: Promise<void>,
    private readonly taskQueue: string,
  ) {}

  static async start(): Promise<TimeSkippingHarness> {
    quietRuntime();
    const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: timeSkippingServerExecutable() } });
    const db = openPglite();
    await migrate(db);
    const taskQueue = `time-skipping-${randomUUID()}`;
    const worker = await createCaseWorker({ address: '', connection: env.nativeConnection, db, taskQueue });
    return new TimeSkippingHarness(env, db, worker, worker.run(), taskQueue);
  }

  async stop(): Promise<void> {
    this.worker.shutdown();
    await this.running;
    await this.env.teardown();
    await this.db.close();
  }

  /** Deploys a fixture and starts a case of it; the server's clock stands still until the test sleeps. */
  async startCase(fixtureName: string, definitionId: string): Promise<{ caseId: string; handle: WorkflowHandle<typeof caseWorkflow> }> {
    const xml = fixture(fixtureName);
    const { ir } = await compile(xml);
    const { version } = await deployVersion(this.db, { definitionId, name: ir.name ?? definitionId, xml, ir });
    const caseId = randomUUID();
    const handle = await this.env.client.workflow.start<typeof caseWorkflow>('caseWorkflow', {
      workflowId: workflowIdForCase(caseId),
      taskQueue: this.taskQueue,
      args: [{ caseId, definitionId: version.definitionId, version: version.version, ir, data: {} }],
    });
    return { caseId, handle };
  }

  /** The case's log once every row written so far is confirmed. */
  async events(caseId: string): Promise<EventRow[]> {
    await logConfirmed(this.db, caseId);
    return caseEvents(this.db, caseId);
  }
}
