// Two caseworkers acting on one task at the same moment: the Update validators refuse the loser
// before anything is written, so history and the event log hold exactly one winner.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../workflows/case-api.ts';
import { EngineHarness, admin, fixture } from './support/engine-harness.ts';

const caseworker = (userId: string): Actor => ({ userId, teams: ['unassigned'], leadOf: [], roles: [] });
const ROUNDS = 5;

function refusalCode(outcome: PromiseSettledResult<unknown>): string | undefined {
  if (outcome.status !== 'rejected') return undefined;
  const error = outcome.reason;
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) return error.cause.type ?? undefined;
  throw error;
}

describe('simultaneous actions on one task', () => {
  let engine: EngineHarness;

  beforeAll(async () => {
    engine = await EngineHarness.start();
    await engine.deploy(fixture('parallel.bpmn'));
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('lets exactly one of two simultaneous claims by different caseworkers win', async () => {
    const cases = await Promise.all(Array.from({ length: ROUNDS }, () => engine.startCase('Process_parallel')));
    for (const { caseId, next } of cases) {
      const task = next.opened.find((opened) => opened.nodeId === 'Task_risk')!;

      const outcomes = await Promise.allSettled([engine.claim(caseId, task.taskId, caseworker('priya')), engine.claim(caseId, task.taskId, caseworker('sam'))]);

      const winners = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [index === 0 ? 'priya' : 'sam'] : []));
      expect(winners).toHaveLength(1);
      expect(outcomes.map(refusalCode).filter(Boolean)).toEqual(['task-already-claimed']);
      const claims = (await engine.events(caseId)).filter((event) => event.kind === 'task-claimed');
      expect(claims.map((event) => event.actor)).toEqual(winners);
      expect((await engine.view(caseId)).tasks.find((open) => open.taskId === task.taskId)?.claimedBy).toBe(winners[0]);
    }
  });

  it('accepts exactly one of two simultaneous completions of one task with different data', async () => {
    const cases = await Promise.all(Array.from({ length: ROUNDS }, () => engine.startCase('Process_parallel')));
    for (const { caseId, next, handle } of cases) {
      const task = next.opened.find((opened) => opened.nodeId === 'Task_risk')!;
      await engine.claim(caseId, task.taskId);

      const outcomes = await Promise.allSettled([engine.complete(caseId, task.taskId, { risk: 'low' }, admin), engine.complete(caseId, task.taskId, { risk: 'high' }, admin)]);

      const winner = outcomes.findIndex((outcome) => outcome.status === 'fulfilled');
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.map(refusalCode).filter(Boolean)).toEqual(['task-not-open']);
      const completions = (await engine.events(caseId)).filter((event) => event.kind === 'task-completed');
      expect(completions).toHaveLength(1);
      expect(completions[0]?.data).toEqual({ risk: winner === 0 ? 'low' : 'high' });
      expect((await engine.view(caseId)).data.risk).toBe(winner === 0 ? 'low' : 'high');
      // A refused Update leaves no trace in history: one claim and one completion were accepted.
      const events = (await handle.fetchHistory()).events ?? [];
      expect(events.filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes).length).toBe(3);
    }
  });
});
