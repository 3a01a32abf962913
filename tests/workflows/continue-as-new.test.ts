// Continue-as-new on a real server: a dev server of its own is told to suggest continue-as-new
// after 40 history events (dynamic config `limit.historyCount.suggestContinueAsNew`), so a case
// looping through a review step rolls over to a new run within seconds. The open task, its
// boundary timer, the message subscription and the event-log numbering must all carry over.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTemporalCli } from '../../runtime/temporal-binaries.ts';
import { freePort } from '../../runtime/free-port.ts';
import { EngineHarness, eventually, fixture, quietRuntime } from './support/engine-harness.ts';

const SUGGEST_AFTER_EVENTS = 40;

describe('continue-as-new of a long-running case', () => {
  let server: TestWorkflowEnvironment;
  let engine: EngineHarness;

  beforeAll(async () => {
    quietRuntime();
    const cli = findTemporalCli();
    if (cli.kind !== 'path') throw new Error('This test needs the Temporal CLI that the integration setup provisions.');
    const port = await freePort();
    server = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: cli.path },
        ip: '127.0.0.1',
        port,
        extraArgs: ['--log-level', 'error', '--dynamic-config-value', `limit.historyCount.suggestContinueAsNew=${SUGGEST_AFTER_EVENTS}`],
      },
    });
    engine = await EngineHarness.start({
      address: `127.0.0.1:${port}`,
      serviceHandlers: { 'check-dependant-record': async ({ input }) => ({ record: `${(input.dependant as { name: string }).name}: no record` }) },
    });
    await engine.deploy(fixture('review-cycle.bpmn'));
    await engine.deploy(fixture('multi-instance.bpmn'));
  });
  afterAll(async () => {
    await engine?.stop();
    await server?.teardown();
  });

  it('carries open tasks, timers, subscriptions and log numbering into the next run', async () => {
    // given a case that keeps asking for another review
    const { caseId, handle } = await engine.startCase('Process_review_cycle');
    const firstRunId = (await handle.describe()).runId;
    let rounds = 0;
    while ((await handle.describe()).runId === firstRunId) {
      if (rounds > 20) throw new Error('The server never suggested continue-as-new.');
      await engine.completeStep(caseId, 'Task_review', { again: true });
      rounds += 1;
    }

    // then the new run still has the review open, its timer armed and the message awaited
    const carried = await eventually(() => engine.view(caseId), (view) => view.tasks.length === 1);
    expect(carried.tasks.map((task) => task.nodeId)).toEqual(['Task_review']);
    expect(carried.timers).toHaveLength(1);
    expect(Date.parse(carried.timers[0]!.fireAt)).toBeGreaterThan(Date.now() + 60_000);
    expect(carried.waitingFor.map((sub) => sub.messageName)).toEqual(['Closure approved']);
    expect(carried.data).toMatchObject({ again: true });

    // when the review settles and closure is approved, the case ends in the new run
    await engine.completeStep(caseId, 'Task_review', { again: false });
    await engine.message(caseId, 'Closure approved', { approvedBy: 'lead' });
    expect(await engine.result(caseId)).toMatchObject({ status: 'completed', data: { again: false, approvedBy: 'lead' } });

    // and the log spans both runs with one numbering: no gap, no duplicate
    const events = await engine.events(caseId);
    expect(events.map((event) => event.id)).toEqual(events.map((_, index) => `${caseId}:${index + 1}`));
    const kinds = events.map((event) => event.kind).filter((kind) => !kind.startsWith('element-'));
    expect(kinds.filter((kind) => kind === 'task-completed')).toHaveLength(rounds + 1);
    expect(kinds.filter((kind) => kind === 'task-ready')).toHaveLength(rounds + 1);
    expect(kinds.filter((kind) => kind === 'case-started')).toHaveLength(1);
    expect(kinds.at(-1)).toBe('case-completed');
    const firstRun = await engine.client.workflow.getHandle(handle.workflowId, firstRunId).fetchHistory();
    expect(firstRun.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
  });

  it('carries a multi-instance step into the next run: its open instance, its item and the outputs gathered so far', async () => {
    // given a case over 12 dependants: 12 record checks at once (well over 40 history events), then one interview each
    const dependants = Array.from({ length: 12 }, (_, i) => ({ name: `D${i + 1}` }));
    const { caseId, handle } = await engine.startCase('Process_multi_instance', { dependants });
    const firstRunId = (await handle.describe()).runId;
    let interviewed = 0;
    while ((await handle.describe()).runId === firstRunId && interviewed < dependants.length) {
      await engine.completeStep(caseId, 'Task_interview', { outcome: `seen ${interviewed + 1}` });
      interviewed += 1;
    }
    expect((await handle.describe()).runId).not.toBe(firstRunId);

    // then the new run holds the next interview, knowing which dependant it is for and how many are done
    const next = await engine.waitForTask(caseId, 'Task_interview');
    expect(next.instance).toMatchObject({ index: interviewed + 1, count: 12, completed: interviewed });

    // when the rest are interviewed and two reviewers agree
    for (let i = interviewed; i < dependants.length; i += 1) await engine.completeStep(caseId, 'Task_interview', { outcome: `seen ${i + 1}` });
    await engine.completeStep(caseId, 'Task_review', { agreed: true });
    await engine.completeStep(caseId, 'Task_review', { agreed: true });

    // then every output was gathered in order, across both runs
    const done = await engine.result(caseId);
    expect(done.status).toBe('completed');
    expect(done.data.records).toEqual(dependants.map((d) => `${d.name}: no record`));
    expect(done.data.interviews).toEqual(dependants.map((d, i) => `${d.name}: seen ${i + 1}`));
  }, 120_000);
});
