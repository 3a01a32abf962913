// Gateways run on a real Temporal server: exclusive (FEEL conditions and default), parallel
// fork/join, inclusive split/merge and the event-based gateway (message against timer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness, fixture } from './support/engine-harness.ts';

describe('gateways on a real Temporal server', () => {
  let engine: EngineHarness;

  beforeAll(async () => {
    engine = await EngineHarness.start();
    for (const name of ['exclusive.bpmn', 'parallel.bpmn', 'inclusive.bpmn', 'event-gateway.bpmn']) await engine.deploy(fixture(name));
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('takes the first exclusive flow whose FEEL condition holds, else the default flow', async () => {
    // given three cases whose data selects each flow
    const high = await engine.startCase('Process_exclusive', { score: 9, nationality: 'NG' });
    const medium = await engine.startCase('Process_exclusive', { score: 6, nationality: 'NG' });
    const low = await engine.startCase('Process_exclusive', { score: 6, nationality: 'FR' });

    // then each ends at its own end event, the first matching condition winning for the high score
    for (const started of [high, medium, low]) expect((await engine.result(started.caseId)).status).toBe('completed');
    expect(await engine.entered(high.caseId)).toContain('End_high');
    expect(await engine.entered(high.caseId)).not.toContain('End_medium');
    expect(await engine.entered(medium.caseId)).toContain('End_medium');
    expect(await engine.entered(low.caseId)).toContain('End_low');
    expect(await engine.lifecycle(low.caseId)).toEqual(['case-started', 'case-completed']);
  });

  it('forks two tasks in parallel and joins them before the next step opens', async () => {
    // given a case with two parallel tasks open at once
    const { caseId, next } = await engine.startCase('Process_parallel');
    expect(next.opened.map((task) => task.nodeId).sort()).toEqual(['Task_escort', 'Task_risk']);

    // when one branch completes, the join still waits
    const afterRisk = await engine.completeStep(caseId, 'Task_risk', { risk: 'low' });
    expect(afterRisk.opened).toEqual([]);
    expect((await engine.view(caseId)).tasks.map((task) => task.nodeId)).toEqual(['Task_escort']);

    // when the other completes, the step after the join opens once
    const afterEscort = await engine.completeStep(caseId, 'Task_escort', { escorts: 2 });
    expect(afterEscort.opened.map((task) => task.nodeId)).toEqual(['Task_book']);
    await engine.completeStep(caseId, 'Task_book');

    // then the case ends with both branches' data
    const done = await engine.result(caseId);
    expect(done).toMatchObject({ status: 'completed', data: { risk: 'low', escorts: 2 } });
    expect((await engine.entered(caseId)).filter((node) => node === 'Task_book')).toHaveLength(1);
  });

  it('starts every inclusive flow whose condition holds and merges when those paths are done', async () => {
    // given a case with two barriers out of three
    const { caseId, next } = await engine.startCase('Process_inclusive', { asylumClaim: true, appealLodged: true });
    expect(next.opened.map((task) => task.nodeId).sort()).toEqual(['Task_appeal', 'Task_asylum']);

    // when one barrier is cleared the merge waits for the other live path
    await engine.completeStep(caseId, 'Task_asylum');
    expect((await engine.view(caseId)).status).toBe('running');
    await engine.completeStep(caseId, 'Task_appeal');

    // then the case ends, without taking the default flow
    expect((await engine.result(caseId)).status).toBe('completed');
    expect(await engine.entered(caseId)).not.toContain('Task_no_barriers');

    // and with no condition holding, the default flow alone runs
    const none = await engine.startCase('Process_inclusive', { asylumClaim: false, appealLodged: false });
    expect((await engine.result(none.caseId)).status).toBe('completed');
    expect(await engine.entered(none.caseId)).toContain('Task_no_barriers');
  });

  it('lets the first event after an event-based gateway win: a message before the timer, the timer without one', async () => {
    // given two cases waiting on the gateway
    const answered = await engine.startCase('Process_event_gateway');
    const silent = await engine.startCase('Process_event_gateway');
    expect((await engine.view(answered.caseId)).waitingFor.map((sub) => sub.messageName)).toEqual(['Documents received']);

    // when one receives the message and the other hears nothing for two seconds
    await engine.message(answered.caseId, 'Documents received', { documents: 3 });

    // then the message path wins in one, the timer path in the other, and the loser is withdrawn
    const [answeredView, silentView] = await Promise.all([engine.result(answered.caseId), engine.result(silent.caseId)]);
    expect(answeredView).toMatchObject({ status: 'completed', data: { documents: 3 }, timers: [] });
    expect(await engine.entered(answered.caseId)).toContain('End_documents');
    expect(await engine.entered(answered.caseId)).not.toContain('End_timeout');
    expect(await engine.lifecycle(answered.caseId)).toEqual(['case-started', 'message-received', 'case-completed']);
    expect(silentView).toMatchObject({ status: 'completed', waitingFor: [] });
    expect(await engine.entered(silent.caseId)).toContain('End_timeout');
    expect(await engine.lifecycle(silent.caseId)).toEqual(['case-started', 'timer-fired', 'case-completed']);
  });
});
