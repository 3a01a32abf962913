// A refused task action keeps its code and its fields at fault from the workflow's rule to the API's
// problem: both travel as the ApplicationFailure's type and typed details, never in its message.
import { describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { RefusalDetails, TaskRefusal, TaskRefusalCode } from '../../domain/contract/refusal.ts';
import { checkClaim, checkComplete } from '../../workflows/task-rules.ts';
import type { OpenTask } from '../../domain/contract/task.ts';
import { fromTemporal } from './problem-handler.ts';
import { Problem, ProblemCode } from './problem.ts';

const task: OpenTask = {
  taskId: 'decide',
  nodeId: 'Task_decide',
  name: 'Make deportation decision',
  team: 'fno-returns',
  form: [{ name: 'decision', label: 'Decision', type: 'enum', required: true, options: ['deport', 'do-not-deport'] }],
  claimedBy: 'tom',
  createdAt: '2026-03-01T09:00:00Z',
};
const tom = { userId: 'tom', teams: ['fno-returns'], leadOf: [], roles: ['caseworker'] };
const priya = { userId: 'priya', teams: ['prison-casework'], leadOf: [], roles: ['caseworker'] };

/** What the client throws when the workflow's Update validator refused. */
function refusedUpdate(rule: () => unknown): WorkflowUpdateFailedError {
  try {
    rule();
  } catch (failure) {
    return new WorkflowUpdateFailedError('Workflow Update failed', failure as Error);
  }
  throw new Error('the rule did not refuse');
}

describe('task refusals', () => {
  it('are all problem codes the API knows, each with a status', () => {
    for (const code of TaskRefusalCode.options) {
      expect(ProblemCode.options).toContain(code);
      expect(new Problem(code, 'x').status).toBeGreaterThanOrEqual(400);
    }
  });

  it('carry the fields at fault of a form as typed details, which the API answers as a 422 naming them', () => {
    const error = refusedUpdate(() => checkComplete(task, tom, { decision: 'maybe' }));
    expect(RefusalDetails.parse((error.cause as ApplicationFailure).details?.[0]).issues).toEqual([expect.objectContaining({ field: 'decision' })]);
    const problem = fromTemporal(error);
    expect(problem).toMatchObject({ code: 'invalid-form-data', status: 422, issues: [expect.objectContaining({ field: 'decision' })] });
  });

  it('keep their code whatever the message says', () => {
    const failure = ApplicationFailure.create({ type: TaskRefusal.notFound, message: 'task-not-allowed, or so the text claims', nonRetryable: true });
    expect(fromTemporal(new WorkflowUpdateFailedError('Workflow Update failed', failure))).toMatchObject({ code: 'task-not-found', status: 404 });
  });

  it('answer another team member 403 and a second claimer 409', () => {
    expect(fromTemporal(refusedUpdate(() => checkClaim(task, priya)))).toMatchObject({ code: 'task-not-allowed', status: 403 });
    expect(fromTemporal(refusedUpdate(() => checkClaim(task, { ...tom, userId: 'sam' })))).toMatchObject({ code: 'task-already-claimed', status: 409 });
  });
});
