// Daily reminders on a cycle and a two-day step SLA, run on Temporal's time-skipping test server so
// four days pass in seconds: each firing of R3/P1D reminds the step's team, the missed SLA is
// recorded and escalated to the team's lead, and the step stays open throughout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseViewQuery } from '../../workflows/case-api.ts';
import { TimeSkippingHarness } from './support/time-skipping-harness.ts';

const DAY_MS = 24 * 3600 * 1000;

describe('daily reminders and a missed SLA on the time-skipping server', () => {
  let server: TimeSkippingHarness;

  beforeAll(async () => {
    server = await TimeSkippingHarness.start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('reminds the team on each of three days and escalates the missed two-day SLA to its lead', async () => {
    // given a chase step with a P2D SLA (calendar days) and an R3/P1D reminder cycle
    const { caseId, handle } = await server.startCase('long-reminders.bpmn', 'Process_long_reminders');
    const startedAt = await server.env.currentTimeMs();

    // when four days pass on the server's clock
    await server.env.sleep('4 days');

    // then the step is still open, with no timer left to run
    const view = await handle.query(caseViewQuery);
    expect(view.tasks.map((task) => task.nodeId)).toEqual(['Task_chase']);
    expect(view.timers).toEqual([]);
    expect((await server.env.currentTimeMs()) - startedAt).toBeGreaterThanOrEqual(4 * DAY_MS);

    // and the log holds three reminders and one breach escalated to the lead after two days
    const events = await server.events(caseId);
    const reminders = events.filter((event) => event.kind === 'reminder-due');
    expect(reminders.map((event) => [event.team, event.data.firing, event.data.remaining])).toEqual([
      ['redocumentation', 1, 2],
      ['redocumentation', 2, 1],
      ['redocumentation', 3, 0],
    ]);
    const escalated = events.filter((event) => event.kind === 'escalated-to-lead');
    expect(escalated).toHaveLength(1);
    expect(escalated[0]).toMatchObject({ nodeId: 'Task_chase', team: 'redocumentation', data: { reason: 'sla-breached', dueAt: view.tasks[0]!.dueAt } });
    const kinds = events.map((event) => event.kind).filter((kind) => !kind.startsWith('element-'));
    expect(kinds.indexOf('escalated-to-lead')).toBe(kinds.indexOf('sla-breached') + 1);
    // the breach comes between the second and third reminders
    expect(kinds.filter((kind) => kind === 'reminder-due' || kind === 'sla-breached')).toEqual(['reminder-due', 'reminder-due', 'sla-breached', 'reminder-due']);
    await handle.terminate('test over');
  });
});
