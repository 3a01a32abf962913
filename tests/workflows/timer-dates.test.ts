// Timers and deadlines computed from case data on a real Temporal server: an intermediate timer and
// an interrupting boundary timer on FEEL dates, a none intermediate throw event as a milestone, and
// a step SLA "ten days before the ERS date" written in FEEL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness, eventually, fixture } from './support/engine-harness.ts';

describe('timer dates and deadlines from case data', () => {
  let engine: EngineHarness;

  beforeAll(async () => {
    engine = await EngineHarness.start();
    await engine.deploy(fixture('timer-dates.bpmn'));
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('waits until dates in the case data, passes the milestone, and dates the SLA from the ERS date', async () => {
    // given a case whose preparation is due by one date and the person released at a later one
    const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
    const { caseId, next } = await engine.startCase('Process_timer_dates', { prepareBy: inSeconds(1), releaseAt: inSeconds(2), ersDate: '2030-01-20T00:00:00Z' });

    // then the preparation step is due ten days before the ERS date
    expect(next.opened.map((task) => [task.nodeId, task.dueAt])).toEqual([['Task_prepare', '2030-01-10T00:00:00.000Z']]);

    // and when its date passes, the interrupting boundary replaces it with the late step
    await engine.waitForTask(caseId, 'Task_late');
    expect((await engine.view(caseId)).tasks.map((task) => task.nodeId)).toEqual(['Task_late']);

    // and when the release date passes, the milestone is recorded
    await eventually(() => engine.entered(caseId), (entered) => entered.includes('Milestone_released'));
    const fired = (await engine.events(caseId)).filter((event) => event.kind === 'timer-fired').map((event) => event.nodeId);
    expect(fired).toEqual(['Prepare_deadline', 'Wait_release']);

    // and the case ends once the late preparation is explained
    await engine.completeStep(caseId, 'Task_late');
    expect((await engine.result(caseId)).status).toBe('completed');
    expect(await engine.entered(caseId)).toContain('End');
  });
});
