// Service tasks (success, and a BPMN error caught by an error boundary), embedded sub-processes,
// escalations caught on a sub-process boundary, terminate end events and call activities.
// The service handlers registered here stand in for systems outside Casemap (a travel-document
// checker): the worker runs them as real activities, only their bodies are test doubles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmnError } from '../../activities/service-handlers/bpmn-error.ts';
import type { ServiceHandler } from '../../activities/service-handlers/registry.ts';
import { EngineHarness, eventually, fixture } from './support/engine-harness.ts';

const outsideCasemap: Record<string, ServiceHandler> = {
  'check-travel-document': async ({ input }) => {
    if (input.documentValid === false) throw bpmnError('DOCUMENT_INVALID', 'The travel document has expired.');
    return { documentCheckedBy: 'document-service' };
  },
  stamp: async () => ({ applicationRecorded: true }),
};

describe('activities and scopes on a real Temporal server', () => {
  let engine: EngineHarness;

  beforeAll(async () => {
    engine = await EngineHarness.start({ serviceHandlers: outsideCasemap });
    for (const name of ['service-error.bpmn', 'sub-process.bpmn', 'escalation.bpmn', 'terminate.bpmn', 'call-parent.bpmn']) await engine.deploy(fixture(name));
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('runs a service task through its registered handler and merges what it returns', async () => {
    const { caseId } = await engine.startCase('Process_service_error', { documentValid: true });

    const done = await engine.result(caseId);

    expect(done).toMatchObject({ status: 'completed', data: { documentCheckedBy: 'document-service' } });
    expect(await engine.entered(caseId)).toContain('End_checked');
    expect(await engine.lifecycle(caseId)).toEqual(['case-started', 'case-completed']);
  });

  it('turns a BPMN error from the handler into the error boundary path', async () => {
    // given a case whose document check fails with a business error
    const { caseId } = await engine.startCase('Process_service_error', { documentValid: false });

    // then the error boundary opens the redo task instead of ending the case
    const task = await engine.waitForTask(caseId, 'Task_new_document');
    expect(task.name).toBe('Request a new travel document');
    const raised = (await engine.events(caseId)).find((event) => event.kind === 'error-raised');
    expect(raised?.data).toMatchObject({ errorCode: 'DOCUMENT_INVALID', caught: true });
    await engine.completeStep(caseId, 'Task_new_document');
    expect((await engine.result(caseId)).status).toBe('completed');
    expect(await engine.entered(caseId)).not.toContain('End_checked');
  });

  it('runs an embedded sub-process step by step and carries on after it', async () => {
    const { caseId, next } = await engine.startCase('Process_sub');
    expect(next.opened.map((task) => task.nodeId)).toEqual(['Task_interview']);

    expect((await engine.completeStep(caseId, 'Task_interview')).opened.map((task) => task.nodeId)).toEqual(['Task_apply']);
    expect((await engine.completeStep(caseId, 'Task_apply')).opened.map((task) => task.nodeId)).toEqual(['Task_book']);
    await engine.completeStep(caseId, 'Task_book');

    expect((await engine.result(caseId)).status).toBe('completed');
    const entered = await engine.entered(caseId);
    expect(entered.indexOf('Sub_end')).toBeLessThan(entered.indexOf('Task_book'));
  });

  it('catches an escalation thrown inside a sub-process on its non-interrupting boundary', async () => {
    // given a risk assessment inside the sub-process
    const { caseId } = await engine.startCase('Process_escalation');

    // when the assessment finds high risk, the escalation is raised and caught
    const next = await engine.completeStep(caseId, 'Task_assess');

    // then the team lead is alerted and the sub-process still finishes
    expect(next.opened.map((task) => task.nodeId).sort()).toEqual(['Task_alert', 'Task_escort']);
    const raised = (await engine.events(caseId)).find((event) => event.kind === 'escalation-raised');
    expect(raised).toMatchObject({ nodeId: 'Throw_high_risk', data: { escalationCode: 'HIGH_RISK', caught: true } });
    await engine.completeStep(caseId, 'Task_alert');
    await engine.completeStep(caseId, 'Task_escort');
    expect((await engine.result(caseId)).status).toBe('completed');
  });

  it('ends the whole case at a terminate end event, cancelling the other open task', async () => {
    const { caseId } = await engine.startCase('Process_terminate');

    await engine.completeStep(caseId, 'Task_withdraw');

    const ended = await engine.result(caseId);
    expect(ended).toMatchObject({ status: 'terminated', tasks: [] });
    const cancelled = (await engine.events(caseId)).filter((event) => event.kind === 'task-cancelled');
    expect(cancelled).toHaveLength(1);
    expect(await engine.entered(caseId)).not.toContain('End_reviewed');
  });

  it('runs a call activity as a child case on the latest deployed version of the called process', async () => {
    // given the called process is deployed under its process id
    await engine.deploy(fixture('call-child.bpmn'), 'Process_called');
    const { caseId } = await engine.startCase('Process_parent', { nationality: 'NG' });

    // when the child case's task is done (the child is a case of its own, id <parent>.<call>)
    const [child] = await eventually(
      () => engine.db.query<{ id: string }>('SELECT id FROM cases WHERE id LIKE $1', [`${caseId}.%`]),
      (rows) => rows.length === 1,
    );
    const childTask = await engine.waitForTask(child!.id, 'Task_apply');
    expect(childTask.name).toBe('Apply for travel document');
    await engine.completeStep(child!.id, 'Task_apply');

    // then the parent carries on with the child's data
    expect(await engine.result(child!.id)).toMatchObject({ status: 'completed', data: { nationality: 'NG', applicationRecorded: true } });
    await engine.completeStep(caseId, 'Task_book');
    expect(await engine.result(caseId)).toMatchObject({ status: 'completed', data: { applicationRecorded: true } });
    expect(await engine.lifecycle(child!.id)).toEqual(['case-started', 'task-ready', 'task-claimed', 'task-completed', 'case-completed']);
  });
});
