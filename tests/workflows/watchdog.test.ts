// The case watchdog on a real Temporal server: a case that does not move for its process's
// `casework:watchdog` period (here two seconds) is flagged as stalled, and progress resets it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness, eventually, fixture } from './support/engine-harness.ts';

describe('the case watchdog', () => {
  let engine: EngineHarness;

  beforeAll(async () => {
    engine = await EngineHarness.start();
    await engine.deploy(fixture('watchdog.bpmn'));
  });
  afterAll(async () => {
    await engine?.stop();
  });

  const stalls = async (caseId: string) => (await engine.events(caseId)).filter((event) => event.kind === 'case-stalled');

  it('flags a case with no progress for the watchdog period, naming its owning team', async () => {
    // given a case waiting on a review nobody does
    const { caseId } = await engine.startCase('Process_watchdog');
    await engine.waitForTask(caseId, 'Task_review');
    expect(await stalls(caseId)).toEqual([]);

    // then after two quiet seconds it is flagged for FNO Returns
    const flagged = await eventually(() => stalls(caseId), (events) => events.length >= 1, 10_000);
    expect(flagged[0]).toMatchObject({ team: 'fno-returns', data: expect.objectContaining({ watchdog: 'PT2S' }) });

    // and once the review is done the case ends and is flagged no more
    await engine.completeStep(caseId, 'Task_review');
    expect((await engine.result(caseId)).status).toBe('completed');
    const count = (await stalls(caseId)).length;
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await stalls(caseId)).length).toBe(count);
  });

  it('does not flag a case that keeps moving', async () => {
    // given a case whose review is claimed within the period
    const { caseId } = await engine.startCase('Process_watchdog');
    await engine.waitForTask(caseId, 'Task_review');
    await engine.completeStep(caseId, 'Task_review');
    // then it ends without ever being flagged
    expect((await engine.result(caseId)).status).toBe('completed');
    expect(await stalls(caseId)).toEqual([]);
  });
});
