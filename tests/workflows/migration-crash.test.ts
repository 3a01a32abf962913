// A migration run whose worker is killed with SIGKILL in the middle of a batch (some cases
// migrated and recorded, one migrated but not yet recorded) and a fresh worker taking over: every
// case ends migrated exactly once, with one `case-migrated` log entry and one audit entry each.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigrationActivities, storeLedger } from '../../activities/migration-activities.ts';
import { caseWorkflowBundle } from '../../runtime/case-worker.ts';
import { createMigration, migrationProgress } from '../../services/migrations.ts';
import { migrationWorkflowId, type MigrationWorkflowInput } from '../../workflows/migration-api.ts';
import type { LedgerCall, LedgerReply } from './support/migration-crash-worker.ts';
import { EngineHarness, eventually, quietRuntime } from './support/engine-harness.ts';
import { deployIr, migrationProcesses } from './support/migration-processes.ts';

const workerScript = fileURLToPath(new URL('./support/migration-crash-worker.ts', import.meta.url));
const CASES = 8;

describe('a migration whose worker is killed mid-batch', () => {
  let engine: EngineHarness;
  let child: ChildProcess | undefined;
  let takeover: { worker: Worker; running: Promise<void> } | undefined;
  let connection: NativeConnection | undefined;

  beforeAll(async () => {
    engine = await EngineHarness.start();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    takeover?.worker.shutdown();
    await takeover?.running;
    await connection?.close();
    await engine?.stop();
  });

  it('migrates every case exactly once when a fresh worker finishes the run', { timeout: 180_000 }, async () => {
    // given cases waiting at a task on version 1, and version 2 deployed
    const definitionId = `crash-${randomUUID().slice(0, 8)}`;
    await deployIr(engine.db, definitionId, migrationProcesses.userTask.v1());
    const cases = await Promise.all(Array.from({ length: CASES }, () => engine.startCase(definitionId)));
    for (const { caseId } of cases) await engine.waitForTask(caseId, 'assess');
    await deployIr(engine.db, definitionId, migrationProcesses.userTask.v2());
    const migrationId = randomUUID();
    await createMigration(engine.db, { migrationId, definitionId, fromVersion: 1, toVersion: 2, mappings: [{ source: 'assess', target: 'assess' }], startedBy: 'designer', caseIds: cases.map((c) => c.caseId) });

    // and a migration worker in a child process that dies as it is about to record its third case
    const ledger = storeLedger(engine.db);
    const migrationQueue = `migration-test-${randomUUID()}`;
    let records = 0;
    let killed = false;
    child = fork(workerScript, [engine.address, migrationQueue], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const worker = child;
    worker.on('message', async (message: LedgerCall | { type: 'ready' }) => {
      if (message.type !== 'ledger' || killed) return;
      if (message.name === 'record' && (records += 1) === 3) {
        // The case's Update has gone through; its outcome is never written by this worker.
        killed = true;
        worker.kill('SIGKILL');
        return;
      }
      const reply = (value: LedgerReply) => worker.connected && worker.send(value);
      try {
        reply({ type: 'result', id: message.id, value: await (ledger[message.name] as (...args: unknown[]) => Promise<unknown>)(...message.args) });
      } catch (error) {
        reply({ type: 'error', id: message.id, message: String(error) });
      }
    });
    const [ready] = (await once(worker, 'message')) as [{ type: string }];
    expect(ready.type).toBe('ready');

    // when the run starts in batches of four
    const input: MigrationWorkflowInput = { migrationId, batchSize: 4 };
    const run = await engine.client.workflow.start('migrationWorkflow', { workflowId: migrationWorkflowId(migrationId), taskQueue: migrationQueue, args: [input] });
    await once(worker, 'exit');
    expect(killed).toBe(true);
    // (the two outcomes recorded before the kill may still be committing)
    const midway = await eventually(() => migrationProgress(engine.db, migrationId), (progress) => progress?.migrated === 2);
    expect(midway?.status).toBe('running');

    // then a fresh worker takes the run over and finishes it
    quietRuntime();
    connection = await NativeConnection.connect({ address: engine.address });
    const fresh = await Worker.create({ connection, taskQueue: migrationQueue, workflowBundle: await caseWorkflowBundle(), activities: createMigrationActivities({ ledger }) });
    takeover = { worker: fresh, running: fresh.run() };
    await run.result();
    const done = await eventually(() => migrationProgress(engine.db, migrationId), (progress) => progress?.status === 'completed');
    expect(done).toMatchObject({ total: CASES, migrated: CASES, refused: 0 });

    // and each case was migrated once: one log entry, one audit entry, version 2
    for (const { caseId } of cases) {
      expect((await engine.lifecycle(caseId)).filter((kind) => kind === 'case-migrated'), caseId).toHaveLength(1);
      const [row] = await engine.db.query<{ version: number }>('SELECT version FROM cases WHERE id = $1', [caseId]);
      expect(row?.version).toBe(2);
    }
    const audit = await engine.db.query<{ target: string }>(`SELECT target FROM audit WHERE action = 'case.migrate'`);
    expect(audit.map((entry) => entry.target).sort()).toEqual(cases.map((c) => c.caseId).sort());
  });
});
