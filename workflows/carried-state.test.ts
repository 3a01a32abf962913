import { describe, expect, it } from 'vitest';
import { Driver } from '../domain/engine/engine-driver.testing.ts';
import type { EngineState } from '../domain/engine/engine-state.ts';
import { ir, team } from '../domain/engine/ir-builder.testing.ts';
import type { LegacyCarriedState, OpenTask } from './case-api.ts';
import { resumeCarried } from './carried-state.ts';

const decision = { name: 'decision', label: 'Decision', type: 'enum' as const, required: true, options: ['deport', 'do-not-deport'] };
const process = ir()
  .node('s', 'startEvent')
  .node('refer', 'userTask', { name: 'Refer', owner: team('prison') })
  .node('decide', 'userTask', { name: 'Decide', owner: team('returns'), form: [decision], handoffSla: { expression: 'P1D', feel: false, calendar: 'calendar-days' } })
  .node('e', 'endEvent')
  .seq('s', 'refer', 'decide', 'e')
  .build();

/** The engine state as runs before the engine owned open tasks carried it: no form, claim or acceptor on a task. */
function oldEngineState(state: EngineState): unknown {
  const old = JSON.parse(JSON.stringify(state)) as { userTasks: Record<string, Record<string, unknown> & { handoff?: Record<string, unknown> }> };
  for (const task of Object.values(old.userTasks)) {
    delete task.form;
    delete task.claimedBy;
    delete task.handoff?.acceptedBy;
  }
  return old;
}

describe('resuming a continued-as-new case', () => {
  const run = new Driver(process).complete('refer');
  const taskId = run.taskId('decide');

  it('folds the shell copy of an old run into the engine: claim, reassigned team, handoff acceptance and form', () => {
    // given an old run whose lead had sent the task to escorting, where sam accepted and holds it
    const shellTask: OpenTask = {
      taskId,
      nodeId: 'decide',
      name: 'Decide',
      team: 'escorting',
      form: [decision],
      handoff: { fromTeam: 'prison', toTeam: 'returns', acceptBy: '2026-03-03T09:00:00.000Z', acceptedBy: 'sam' },
      claimedBy: 'sam',
      createdAt: '2026-03-02T09:00:00.000Z',
    };
    const carried: LegacyCarriedState = { engine: oldEngineState(run.state), tasks: [shellTask], logSeq: 12 };
    const before = JSON.stringify(carried);
    // when
    const resumed = resumeCarried(carried, process);
    // then
    expect(resumed.logSeq).toBe(12);
    expect(resumed).not.toHaveProperty('tasks');
    expect(resumed.engine.userTasks[taskId]).toMatchObject({
      team: 'escorting',
      claimedBy: 'sam',
      form: [decision],
      handoff: { fromTeam: 'prison', toTeam: 'returns', accepted: true, acceptedBy: 'sam' },
    });
    expect(JSON.stringify(carried)).toBe(before);
  });

  it('takes a task form from the process when the old shell copy lacks the task', () => {
    const resumed = resumeCarried({ engine: oldEngineState(run.state), tasks: [], logSeq: 3 }, process);
    expect(resumed.engine.userTasks[taskId]?.form).toEqual([decision]);
    expect(resumed.engine.userTasks[taskId]?.claimedBy).toBeUndefined();
  });

  it('reads a new run state as it is', () => {
    const claimed = new Driver(process).complete('refer').send({ type: 'taskClaimed', taskId, actor: 'tom' });
    expect(resumeCarried({ engine: claimed.state, logSeq: 5 }, process)).toEqual({ engine: claimed.state, logSeq: 5 });
  });
});
