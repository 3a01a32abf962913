// A three-day boundary timer, run on Temporal's time-skipping test server so the test takes
// seconds: the server jumps its clock forward while the workflow waits. The test server is
// provisioned like the dev server (runtime/temporal-binaries.ts); without it the test is skipped.
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../domain/compile/compile.ts';
import { createCaseWorker } from '../../runtime/case-worker.ts';
import { timeSkippingServerExecutable } from '../../runtime/temporal-binaries.ts';
import { caseEvents } from '../../storage/case-queries.ts';
import { openPglite, type Database } from '../../storage/database.ts';
import { migrate } from '../../storage/migrate.ts';
import { deployVersion } from '../../storage/definition-store.ts';
import { caseViewQuery, workflowIdForCase } from '../../workflows/case-api.ts';
import type { caseWorkflow } from '../../workflows/case-workflow.ts';
import { fixture, quietRuntime } from './support/engine-harness.ts';

describe('a three-day boundary timer on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let db: Database;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = `long-timer-${randomUUID()}`;

  beforeAll(async () => {
    quietRuntime();
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: timeSkippingServerExecutable() } });
    db = openPglite();
    await migrate(db);
    worker = await createCaseWorker({ address: '', connection: env.nativeConnection, db, taskQueue });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
    await db?.close();
  });

  it('moves an undecided case to escalation after three days without waiting three days', async () => {
    // given a case whose decision has a P3D interrupting boundary timer
    const xml = fixture('long-boundary-timer.bpmn');
    const { ir } = await compile(xml);
    const { version } = await deployVersion(db, { definitionId: 'Process_long_timer', name: 'Three-day boundary timer', xml, ir });
    const caseId = randomUUID();
    const handle = await env.client.workflow.start<typeof caseWorkflow>('caseWorkflow', {
      workflowId: workflowIdForCase(caseId),
      taskQueue,
      args: [{ caseId, definitionId: version.definitionId, version: version.version, ir, data: {} }],
    });
    const startedAt = await env.currentTimeMs();

    // when three days pass on the server's clock
    await env.sleep('3 days');
    await env.sleep('1 second');

    // then the decision was withdrawn and the escalation task is open
    const view = await handle.query(caseViewQuery);
    expect(view.tasks.map((task) => task.nodeId)).toEqual(['Task_escalate']);
    expect((await env.currentTimeMs()) - startedAt).toBeGreaterThanOrEqual(3 * 24 * 3600 * 1000);
    const kinds = (await caseEvents(db, caseId)).map((event) => event.kind).filter((kind) => !kind.startsWith('element-'));
    expect(kinds).toEqual(['case-started', 'task-ready', 'timer-fired', 'task-cancelled', 'task-ready']);
    await handle.terminate('test over');
  });
});
