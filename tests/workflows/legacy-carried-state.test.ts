// A case that continued-as-new under the code before the engine owned open tasks carried the
// shell's own copy of them beside the engine state. Such a run must resume on today's worker with
// its claims and handoff acceptances intact, and its log numbering carried on.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { start, step, type EngineState } from '../../domain/engine/index.ts';
import type { ProcessIR } from '../../domain/process/ir.ts';
import { findDeployedVersion } from '../../storage/definition-store.ts';
import { acceptHandoffUpdate, claimTaskUpdate, TaskRefusal, workflowIdForCase, type Actor, type LegacyCarriedState, type OpenTask } from '../../workflows/case-api.ts';
import { EngineHarness, eventually, fixture } from './support/engine-harness.ts';

const tom: Actor = { userId: 'tom', teams: ['fno-returns'], leadOf: [], roles: [] };
const sam: Actor = { userId: 'sam', teams: ['fno-returns'], leadOf: [], roles: [] };
const lena: Actor = { userId: 'lena', teams: ['fno-returns'], leadOf: ['fno-returns'], roles: [] };

/** The engine and shell state an old run carried once tom had claimed the handed-over decision. */
function oldCarriedState(ir: ProcessIR, caseId: string, logSeq: number): { carried: LegacyCarriedState; taskId: string } {
  const now = new Date().toISOString();
  let state: EngineState = start(ir, { caseId, data: {} }, now).state;
  const referral = Object.values(state.userTasks)[0]!;
  state = step(ir, state, { type: 'userTaskCompleted', taskId: referral.taskId, data: {}, actor: 'priya' }, now).state;
  const decision = Object.values(state.userTasks)[0]!;
  state = step(ir, state, { type: 'handoffAccepted', taskId: decision.taskId, actor: 'tom' }, now).state;
  // The old engine kept neither the form nor who held a task; the shell's copy did.
  const engine = JSON.parse(JSON.stringify(state)) as { userTasks: Record<string, { form?: unknown; claimedBy?: unknown; handoff?: { acceptedBy?: unknown } }> };
  for (const task of Object.values(engine.userTasks)) {
    delete task.form;
    delete task.claimedBy;
    delete task.handoff?.acceptedBy;
  }
  const shellTask: OpenTask = {
    taskId: decision.taskId,
    nodeId: decision.nodeId,
    name: decision.name,
    team: decision.team,
    form: [],
    handoff: { fromTeam: decision.handoff!.fromTeam, toTeam: decision.handoff!.toTeam, acceptBy: decision.handoff!.acceptBy, acceptedBy: 'tom' },
    claimedBy: 'tom',
    createdAt: decision.openedAt,
  };
  return { carried: { engine, tasks: [shellTask], logSeq }, taskId: decision.taskId };
}

describe('a case carried over by the code before the engine owned its tasks', () => {
  let engine: EngineHarness;

  beforeAll(async () => {
    engine = await EngineHarness.start();
    await engine.deploy(fixture('handoff.bpmn'));
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('resumes with its claim and handoff acceptance, and its log numbering carried on', async () => {
    // given a carried input built the old way: tom holds the decision and accepted its handoff; 6 log entries written
    const definition = (await findDeployedVersion(engine.db, 'Process_handoff'))!;
    const caseId = randomUUID();
    const { carried, taskId } = oldCarriedState(definition.ir, caseId, 6);

    // when today's worker runs it
    const handle = await engine.client.workflow.start('caseWorkflow', {
      workflowId: workflowIdForCase(caseId),
      taskQueue: engine.taskQueue,
      args: [{ caseId, definitionId: 'Process_handoff', version: definition.version, data: {}, carried }, definition.ir],
    });

    // then the task is still tom's, its handoff still accepted, and no acceptance deadline re-armed
    const view = await eventually(() => engine.view(caseId), (current) => current.tasks.length === 1);
    expect(view.tasks[0]).toMatchObject({ taskId, team: 'fno-returns', claimedBy: 'tom', handoff: { acceptedBy: 'tom' } });
    expect(view.timers).toEqual([]);
    const refusal = async (update: () => Promise<unknown>) => {
      const error = await update().then(() => undefined, (reason: unknown) => reason);
      return error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure ? error.cause.type : String(error);
    };
    expect(await refusal(() => handle.executeUpdate(claimTaskUpdate, { args: [{ taskId, actor: sam }] }))).toBe(TaskRefusal.alreadyClaimed);
    expect(await refusal(() => handle.executeUpdate(acceptHandoffUpdate, { args: [{ taskId, actor: lena }] }))).toBe(TaskRefusal.alreadyClaimed);

    // when tom completes it, the case ends and its log goes on from entry 7
    await engine.complete(caseId, taskId, {}, tom);
    expect((await engine.result(caseId)).status).toBe('completed');
    const events = await engine.events(caseId);
    expect(events.map((event) => event.id)).toEqual(events.map((_, index) => `${caseId}:${index + 7}`));
    expect(events[0]).toMatchObject({ kind: 'task-completed', taskId, actor: 'tom', team: 'fno-returns' });
    expect(events.at(-1)?.kind).toBe('case-completed');
  });
});
