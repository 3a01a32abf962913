// Migrating live cases on the real Temporal dev server: a case waiting at each kind of wait (user
// task, timer, message, inside a sub-process, at a parallel join) moves to version 2 through the
// case workflow's `migrateCase` Update and carries on as version 2 says; a refused migration is
// rejected by the Update's validator and leaves history and case as they were; a migrated history replays.
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementMapping } from '../../domain/contract/migration.ts';
import { caseWorkflowBundle } from '../../runtime/case-worker.ts';
import { findDeployedVersion } from '../../storage/definition-store.ts';
import { confirmCaseLog } from '../../storage/case-log-confirm.ts';
import { engineStateQuery, MIGRATION_REFUSED, migrateCaseUpdate, type CaseMigrated } from '../../workflows/case-api.ts';
import { EngineHarness, eventually } from './support/engine-harness.ts';
import { deployIr, migrationProcesses, type MigrationProcess } from './support/migration-processes.ts';

describe('migrating a running case to another version', () => {
  let engine: EngineHarness;

  beforeAll(async () => {
    engine = await EngineHarness.start();
  });
  afterAll(async () => {
    await engine?.stop();
  });

  /** Deploys version 1 of a process under a fresh id, so each test has its own definition. */
  async function deployFirst(kind: MigrationProcess): Promise<string> {
    const definitionId = `${kind}-${randomUUID().slice(0, 8)}`;
    await deployIr(engine.db, definitionId, migrationProcesses[kind].v1());
    return definitionId;
  }

  async function migrate(definitionId: string, caseId: string, mappings: ElementMapping[], migrationId = randomUUID()): Promise<CaseMigrated> {
    const to = await findDeployedVersion(engine.db, definitionId, 2);
    const migrated = await engine.handle(caseId).executeUpdate(migrateCaseUpdate, {
      args: [{ migrationId, definitionId, fromVersion: 1, toVersion: 2, mappings, actor: 'designer' }, to!.ir],
      updateId: `${migrationId}:${caseId}`,
    });
    // As the migration activity does, the answer confirms the case log it proves recorded.
    if (migrated.logPosition !== undefined) await confirmCaseLog(engine.db, caseId, migrated.logPosition);
    return migrated;
  }

  async function caseRow(caseId: string) {
    const [row] = await engine.db.query<{ version: number }>('SELECT version FROM cases WHERE id = $1', [caseId]);
    return row;
  }

  it('keeps an open task, its id and claim, and gives it the new step; the case then follows version 2', { timeout: 60_000 }, async () => {
    // given a case whose task has been claimed on version 1
    const definitionId = await deployFirst('userTask');
    const { caseId } = await engine.startCase(definitionId);
    const task = await engine.waitForTask(caseId, 'assess');
    await engine.claim(caseId, task.taskId);
    await deployIr(engine.db, definitionId, migrationProcesses.userTask.v2());
    // when
    const result = await migrate(definitionId, caseId, [{ source: 'assess', target: 'assess' }]);
    // then
    expect(result.preview.tasksKept).toEqual([{ taskId: task.taskId, from: 'assess', to: 'assess' }]);
    const view = await engine.view(caseId);
    expect(view.tasks).toMatchObject([{ taskId: task.taskId, name: 'Assess under the new rules', team: 'barrier-clearance', claimedBy: 'ada' }]);
    expect((await caseRow(caseId))?.version).toBe(2);
    const [row] = await engine.db.query<{ name: string; team: string; status: string }>('SELECT name, team, status FROM tasks WHERE id = $1', [`${caseId}:${task.taskId}`]);
    expect(row).toEqual({ name: 'Assess under the new rules', team: 'barrier-clearance', status: 'claimed' });
    // and completing it opens the step only version 2 has
    const next = await engine.complete(caseId, task.taskId);
    expect(next.opened.map((opened) => opened.nodeId)).toEqual(['check']);
    expect(await engine.lifecycle(caseId)).toContain('case-migrated');
    // and the migrated history replays on today's workflow code
    const history = await engine.handle(caseId).fetchHistory();
    await expect(Worker.runReplayHistory({ workflowBundle: await caseWorkflowBundle(), replayName: 'migrated-user-task' }, history)).resolves.toBeUndefined();
  });

  it('restarts a timer whose definition changed, which then fires on the new schedule', { timeout: 60_000 }, async () => {
    // given a case waiting 30 days on version 1
    const definitionId = await deployFirst('timer');
    const { caseId } = await engine.startCase(definitionId);
    await deployIr(engine.db, definitionId, migrationProcesses.timer.v2());
    // when version 2 waits one second there
    const result = await migrate(definitionId, caseId, [{ source: 'cool', target: 'cool' }, { source: 'after', target: 'after' }]);
    // then
    expect(result.preview.timersRestarted).toEqual([{ nodeId: 'cool' }]);
    await engine.waitForTask(caseId, 'after');
  });

  it('subscribes a case waiting for a message to the message version 2 waits for', { timeout: 60_000 }, async () => {
    // given
    const definitionId = await deployFirst('message');
    const { caseId } = await engine.startCase(definitionId);
    await eventually(() => engine.view(caseId), (view) => view.waitingFor.length === 1);
    await deployIr(engine.db, definitionId, migrationProcesses.message.v2());
    // when
    await migrate(definitionId, caseId, [{ source: 'docs', target: 'docs' }]);
    // then it waits for the new message, which moves it on
    expect((await engine.view(caseId)).waitingFor.map((wait) => wait.messageName)).toEqual(['travel-document']);
    await engine.message(caseId, 'travel-document', { documentNumber: 'TD-1' });
    await engine.waitForTask(caseId, 'after');
    // The workflow answers before its projection write lands: wait for the store to catch up (it must empty).
    const subscriptions = await eventually(() => engine.db.query('SELECT message_name FROM message_subscriptions WHERE case_id = $1', [caseId]), (rows) => rows.length === 0);
    expect(subscriptions).toEqual([]);
  });

  it('moves a case working inside a sub-process with its sub-process', { timeout: 60_000 }, async () => {
    // given
    const definitionId = await deployFirst('subProcess');
    const { caseId } = await engine.startCase(definitionId);
    const task = await engine.waitForTask(caseId, 'gather');
    await deployIr(engine.db, definitionId, migrationProcesses.subProcess.v2());
    // when
    await migrate(definitionId, caseId, [{ source: 'prepare', target: 'prepare2' }, { source: 'gather', target: 'gather2' }]);
    // then
    await engine.claim(caseId, task.taskId);
    const next = await engine.complete(caseId, task.taskId);
    expect(next.opened.map((opened) => opened.nodeId)).toEqual(['after']);
  });

  it('keeps a branch waiting at a parallel join, which completes when the other branch arrives', { timeout: 60_000 }, async () => {
    // given one branch done and waiting at the join
    const definitionId = await deployFirst('parallel');
    const { caseId } = await engine.startCase(definitionId);
    await engine.completeStep(caseId, 'risk');
    await deployIr(engine.db, definitionId, migrationProcesses.parallel.v2());
    // when
    await migrate(definitionId, caseId, [{ source: 'risk', target: 'risk' }, { source: 'escort', target: 'escort' }, { source: 'join', target: 'join' }]);
    // then
    const next = await engine.completeStep(caseId, 'escort');
    expect(next.opened.map((opened) => opened.nodeId)).toEqual(['book']);
  });

  it('rejects a refused migration in the validator: history, version and tasks stay as they were', { timeout: 60_000 }, async () => {
    // given
    const definitionId = await deployFirst('userTask');
    const { caseId } = await engine.startCase(definitionId);
    await engine.waitForTask(caseId, 'assess');
    await deployIr(engine.db, definitionId, migrationProcesses.userTask.v2());
    const before = (await engine.handle(caseId).fetchHistory()).events?.length;
    const eventsBefore = await engine.events(caseId);
    // when the plan sends the waiting task nowhere
    const refused = await migrate(definitionId, caseId, [{ source: 'assess', target: null }]).catch((error: unknown) => error);
    // then
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (refused as WorkflowUpdateFailedError).cause as ApplicationFailure;
    expect(cause.type).toBe(MIGRATION_REFUSED);
    expect(cause.details?.[0]).toMatchObject({ refusals: [{ code: 'no-target', elementId: 'assess' }] });
    expect((await engine.handle(caseId).fetchHistory()).events?.length).toBe(before);
    expect((await engine.handle(caseId).query(engineStateQuery)).version).toBe(1);
    expect((await caseRow(caseId))?.version).toBe(1);
    expect(await engine.events(caseId)).toEqual(eventsBefore);
  });

  it('answers a repeated request of the same migration without migrating again', { timeout: 60_000 }, async () => {
    // given a case migrated once
    const definitionId = await deployFirst('userTask');
    const { caseId } = await engine.startCase(definitionId);
    await engine.waitForTask(caseId, 'assess');
    await deployIr(engine.db, definitionId, migrationProcesses.userTask.v2());
    const migrationId = randomUUID();
    await migrate(definitionId, caseId, [{ source: 'assess', target: 'assess' }], migrationId);
    // when the same migration asks again under another Update id (a retried run after Temporal forgot the first)
    const again = await engine.handle(caseId).executeUpdate(migrateCaseUpdate, {
      args: [{ migrationId, definitionId, fromVersion: 1, toVersion: 2, mappings: [{ source: 'assess', target: 'assess' }], actor: 'designer' }, (await findDeployedVersion(engine.db, definitionId, 2))!.ir],
    });
    // then
    expect(again.alreadyMigrated).toBe(true);
    expect((await engine.lifecycle(caseId)).filter((kind) => kind === 'case-migrated')).toHaveLength(1);
  });
});
