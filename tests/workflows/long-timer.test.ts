// A three-day boundary timer, run on Temporal's time-skipping test server so the test takes
// seconds: the server jumps its clock forward while the workflow waits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseViewQuery } from '../../workflows/case-api.ts';
import { TimeSkippingHarness } from './support/time-skipping-harness.ts';

describe('a three-day boundary timer on the time-skipping server', () => {
  let server: TimeSkippingHarness;

  beforeAll(async () => {
    server = await TimeSkippingHarness.start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('moves an undecided case to escalation after three days without waiting three days', async () => {
    // given a case whose decision has a P3D interrupting boundary timer
    const { caseId, handle } = await server.startCase('long-boundary-timer.bpmn', 'Process_long_timer');
    const startedAt = await server.env.currentTimeMs();

    // when three days pass on the server's clock
    await server.env.sleep('3 days');
    await server.env.sleep('1 second');

    // then the decision was withdrawn and the escalation task is open
    const view = await handle.query(caseViewQuery);
    expect(view.tasks.map((task) => task.nodeId)).toEqual(['Task_escalate']);
    expect((await server.env.currentTimeMs()) - startedAt).toBeGreaterThanOrEqual(3 * 24 * 3600 * 1000);
    const kinds = (await server.events(caseId)).map((event) => event.kind).filter((kind) => !kind.startsWith('element-'));
    expect(kinds).toEqual(['case-started', 'task-ready', 'timer-fired', 'task-cancelled', 'task-ready']);
    await handle.terminate('test over');
  });
});
