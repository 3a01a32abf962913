// BPMN errors and escalations that travel out of a scope on a real Temporal server: an error end
// event inside an embedded sub-process, an escalation end event caught by an interrupting
// boundary, and a called case that fails (its failure reaches the call activity's error boundary).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness, eventually, fixture } from './support/engine-harness.ts';

describe('errors and escalations leaving a scope', () => {
  let engine: EngineHarness;

  beforeAll(async () => {
    engine = await EngineHarness.start();
    for (const name of ['sub-process-error.bpmn', 'escalation-end.bpmn', 'call-failing-parent.bpmn', 'call-coded-error-parent.bpmn']) await engine.deploy(fixture(name));
    await engine.deploy(fixture('call-failing-child.bpmn'), 'Process_refusable');
  });
  afterAll(async () => {
    await engine?.stop();
  });

  const openNodes = async (caseId: string) => (await engine.view(caseId)).tasks.map((task) => task.nodeId).sort();

  it('catches an error end event inside a sub-process on its error boundary, cancelling the sub-process', async () => {
    // given documents being verified while the interview is still open
    const { caseId, next } = await engine.startCase('Process_sub_error');
    expect(next.opened.map((task) => task.nodeId).sort()).toEqual(['Task_interview', 'Task_verify']);

    // when the verifier finds the documents missing
    const after = await engine.completeStep(caseId, 'Task_verify', { documentsFound: false });

    // then the whole sub-process (the interview too) is cancelled and the boundary path runs
    expect(after.opened.map((task) => task.nodeId)).toEqual(['Task_request']);
    expect(await openNodes(caseId)).toEqual(['Task_request']);
    const events = await engine.events(caseId);
    expect(events.find((event) => event.kind === 'error-raised')).toMatchObject({ nodeId: 'Sub_missing', data: { errorCode: 'DOCUMENTS_MISSING', caught: true } });
    expect(events.filter((event) => event.kind === 'task-cancelled').map((event) => event.taskId?.split(':')[0])).toEqual(['Task_interview']);
    await engine.completeStep(caseId, 'Task_request');
    expect((await engine.result(caseId)).status).toBe('completed');
    expect(await engine.entered(caseId)).not.toContain('Task_decide');
  });

  it('leaves the sub-process normally when the error end event is not reached', async () => {
    const { caseId } = await engine.startCase('Process_sub_error');
    await engine.completeStep(caseId, 'Task_verify', { documentsFound: true });
    const after = await engine.completeStep(caseId, 'Task_interview');
    expect(after.opened.map((task) => task.nodeId)).toEqual(['Task_decide']);
    expect((await engine.events(caseId)).some((event) => event.kind === 'error-raised')).toBe(false);
  });

  it('interrupts a sub-process whose path ends in an escalation end event caught on its boundary', async () => {
    // given a barrier check inside the sub-process
    const { caseId } = await engine.startCase('Process_escalation_end');

    // when a barrier is found, the path ends in the escalation end event
    const after = await engine.completeStep(caseId, 'Task_check', { barrier: true });

    // then the interrupting boundary refers the barrier instead of booking the removal
    expect(after.opened.map((task) => task.nodeId)).toEqual(['Task_clear_barrier']);
    const raised = (await engine.events(caseId)).find((event) => event.kind === 'escalation-raised');
    expect(raised).toMatchObject({ nodeId: 'Sub_barrier', data: { escalationCode: 'BARRIER_RAISED', caught: true } });
    await engine.completeStep(caseId, 'Task_clear_barrier');
    expect((await engine.result(caseId)).status).toBe('completed');
    const entered = await engine.entered(caseId);
    expect(entered).toContain('End_referred');
    expect(entered).not.toContain('Task_book');
  });

  it('takes the error boundary of a call activity when the called case fails, and carries on when it succeeds', async () => {
    // given two parents, each calling the application process
    const refused = await engine.startCase('Process_failing_parent');
    const issued = await engine.startCase('Process_failing_parent');
    const childOf = async (parentId: string) =>
      (await eventually(() => engine.db.query<{ id: string }>('SELECT id FROM cases WHERE id LIKE $1', [`${parentId}.%`]), (rows) => rows.length === 1))[0]!.id;
    const refusedChild = await childOf(refused.caseId);
    const issuedChild = await childOf(issued.caseId);

    // when the embassy refuses one application (an uncaught error end in the child) and issues the other
    await engine.completeStep(refusedChild, 'Task_apply', { refused: true });
    await engine.completeStep(issuedChild, 'Task_apply', { refused: false });

    // then the failed child ends failed and its parent follows its error boundary
    expect((await engine.result(refusedChild)).status).toBe('failed');
    await engine.waitForTask(refused.caseId, 'Task_escalate');
    expect(await openNodes(refused.caseId)).toEqual(['Task_escalate']);
    const raised = (await engine.events(refused.caseId)).find((event) => event.kind === 'error-raised');
    expect(raised).toMatchObject({ nodeId: 'Call_apply', data: { caught: true } });
    expect((await engine.events(refusedChild)).map((event) => event.kind)).toContain('case-failed');

    // and the successful one books the removal
    expect((await engine.result(issuedChild)).status).toBe('completed');
    await engine.waitForTask(issued.caseId, 'Task_book');
    expect(await openNodes(issued.caseId)).toEqual(['Task_book']);
    for (const { caseId } of [refused, issued]) await engine.handle(caseId).terminate('test over');
  });

  it("passes the called case's error code to the call activity, whose boundary naming that code wins over the catch-all", async () => {
    // given a parent that reacts to a refusal differently from any other failure
    const parent = await engine.startCase('Process_coded_parent');
    const child = (await eventually(() => engine.db.query<{ id: string }>('SELECT id FROM cases WHERE id LIKE $1', [`${parent.caseId}.%`]), (rows) => rows.length === 1))[0]!.id;

    // when the embassy refuses: the child ends in its error end event APPLICATION_REFUSED
    await engine.completeStep(child, 'Task_apply', { refused: true });

    // then the child failed with that code, and the parent took the boundary naming it
    expect(await engine.result(child)).toMatchObject({ status: 'failed', errorCode: 'APPLICATION_REFUSED' });
    await engine.waitForTask(parent.caseId, 'Task_reapply');
    expect(await openNodes(parent.caseId)).toEqual(['Task_reapply']);
    const raised = (await engine.events(parent.caseId)).find((event) => event.kind === 'error-raised');
    expect(raised).toMatchObject({ nodeId: 'Call_apply', data: { errorCode: 'APPLICATION_REFUSED', caught: true } });
  });
});
