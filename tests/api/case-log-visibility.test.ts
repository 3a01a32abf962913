// "Visible only after durable" through the API: a case's steps are written by a local activity
// before Temporal records them, and show in the inbox once confirmed. An Update's answer confirms
// what it carries (path 2), so a caseworker sees the next task the moment a completion answers; a
// step no Update answers (a timer) shows only once the worker's reconciler has found its write in
// history (path 3). The worker here runs without the reconciler until the test starts one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from '@temporalio/worker';
import { createCaseWorker } from '../../runtime/case-worker.ts';
import { startCaseLogReconciler } from '../../runtime/case-log-reconciler.ts';
import { RECONCILE_AFTER_MS } from '../../storage/fenced-case-log-store.ts';
import { caseViewQuery, workflowIdForCase } from '../../workflows/case-api.ts';
import { eventually, startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:casework="https://casemap.dev/schema/casework/1.0" id="Definitions_visibility" targetNamespace="https://casemap.dev/tests">
  <bpmn:collaboration id="Collaboration_visibility"><bpmn:participant id="Participant_visibility" name="Visibility" processRef="Process_visibility" /></bpmn:collaboration>
  <bpmn:process id="Process_visibility" name="Check, review, wait, decide" isExecutable="true">
    <bpmn:laneSet id="LaneSet_visibility">
      <bpmn:lane id="Lane_returns" name="FNO Returns" casework:team="fno-returns">
        <bpmn:flowNodeRef>Start</bpmn:flowNodeRef><bpmn:flowNodeRef>Task_check</bpmn:flowNodeRef><bpmn:flowNodeRef>Task_review</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>Wait_cooling_off</bpmn:flowNodeRef><bpmn:flowNodeRef>Task_decide</bpmn:flowNodeRef><bpmn:flowNodeRef>End</bpmn:flowNodeRef>
      </bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="Start"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Task_check" name="Check the referral"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>
    <bpmn:userTask id="Task_review" name="Review the check"><bpmn:incoming>Flow_2</bpmn:incoming><bpmn:outgoing>Flow_3</bpmn:outgoing></bpmn:userTask>
    <bpmn:intermediateCatchEvent id="Wait_cooling_off" name="Cooling-off"><bpmn:incoming>Flow_3</bpmn:incoming><bpmn:outgoing>Flow_4</bpmn:outgoing><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:userTask id="Task_decide" name="Decide"><bpmn:incoming>Flow_4</bpmn:incoming><bpmn:outgoing>Flow_5</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>Flow_5</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_check" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_check" targetRef="Task_review" />
    <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_review" targetRef="Wait_cooling_off" />
    <bpmn:sequenceFlow id="Flow_4" sourceRef="Wait_cooling_off" targetRef="Task_decide" />
    <bpmn:sequenceFlow id="Flow_5" sourceRef="Task_decide" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

describe('a step becomes visible once Temporal has recorded it', () => {
  let casemap: TestCasemap;
  let worker: Worker;
  let running: Promise<void>;
  let tom: UserClient;

  beforeAll(async () => {
    casemap = await startTestCasemap({ parts: { worker: false, api: true } });
    worker = await createCaseWorker({ address: casemap.temporalAddress, db: casemap.db, taskQueue: casemap.taskQueue, caseLogReconciler: false });
    running = worker.run();
    const designer = await casemap.as('designer');
    await designer.post('/api/definitions/deploy', { id: 'visibility', xml }).expect(201);
    tom = await casemap.as('tom');
  });
  afterAll(async () => {
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running;
    await casemap?.stop();
  });

  const inbox = async (caseId: string) => (await tom.get(`/api/tasks?view=team&caseId=${caseId}`).expect(200)).body.items.map((task: { name: string; status: string }) => `${task.name}: ${task.status}`);
  /** How long after its last write the case's rows wait for the reconciler's first look, in ms. */
  const lookAfter = async (caseId: string) => {
    const [row] = await casemap.db.query<{ ms: string | number }>('SELECT round(extract(epoch FROM reconcile_after - updated_at) * 1000) AS ms FROM case_log_fences WHERE case_id = $1', [caseId]);
    return Number(row?.ms);
  };
  const taskId = async (caseId: string, name: string) => (await tom.get(`/api/tasks?view=team&caseId=${caseId}`).expect(200)).body.items.find((task: { name: string }) => task.name === name).id as string;

  it("shows the first task as the start answers, and the next task as a completion answers, with nothing else confirming them", async () => {
    // when tom starts a case, the first task is in his team's inbox as soon as the start answers
    const started = await tom.post('/api/cases', { definitionId: 'visibility', data: {} }).expect(201);
    const caseId: string = started.body.caseId;
    expect(started.body.next.logPosition).toBeUndefined();
    expect(await inbox(caseId)).toEqual(['Check the referral: open']);

    // when he claims and completes it, the review is there as soon as the completion answers
    const check = await taskId(caseId, 'Check the referral');
    await tom.post(`/api/tasks/${encodeURIComponent(check)}/claim`).expect(200);
    expect(await inbox(caseId)).toEqual(['Check the referral: claimed']);
    const completed = await tom.post(`/api/tasks/${encodeURIComponent(check)}/complete`, { data: {} }).expect(200);
    expect(completed.body.next.opened.map((task: { name: string }) => task.name)).toEqual(['Review the check']);
    expect(await inbox(caseId)).toEqual(['Review the check: open']);
    // and the completion's write told the reconciler it need not hurry: the answer confirms it
    expect(await lookAfter(caseId)).toBe(RECONCILE_AFTER_MS.confirmationExpected);
  });

  it('shows a task a timer opened only once the reconciler has found its write in history', async () => {
    // given a case whose review is completed, so a timer will open the decision
    const started = await tom.post('/api/cases', { definitionId: 'visibility', data: {} }).expect(201);
    const caseId: string = started.body.caseId;
    for (const name of ['Check the referral', 'Review the check']) {
      const id = await taskId(caseId, name);
      await tom.post(`/api/tasks/${encodeURIComponent(id)}/claim`).expect(200);
      await tom.post(`/api/tasks/${encodeURIComponent(id)}/complete`, { data: {} }).expect(200);
    }
    expect(await inbox(caseId)).toEqual([]);

    // when the timer has fired and the workflow has opened (and written) the decision
    const handle = casemap.client.workflow.getHandle(workflowIdForCase(caseId));
    await eventually(() => handle.query(caseViewQuery), (view) => view.tasks.some((task) => task.nodeId === 'Task_decide'));
    const [written] = await casemap.db.query<{ tentative: boolean }>('SELECT written_through > confirmed_through AS tentative FROM case_log_fences WHERE case_id = $1', [caseId]);

    // then, with no reconciler, no Update and no later write, it stays tentative and out of the inbox
    expect(written?.tentative).toBe(true);
    // and the timer's write, which nothing else will confirm, asked the reconciler to look soon
    expect(await lookAfter(caseId)).toBe(RECONCILE_AFTER_MS.otherwise);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await inbox(caseId)).toEqual([]);

    // and once a reconciler runs, it shows
    const reconciler = startCaseLogReconciler({ db: casemap.db, workflowService: casemap.client.workflowService, namespace: 'default', intervalMs: 50 });
    try {
      expect(await eventually(() => inbox(caseId), (items) => items.length > 0)).toEqual(['Decide: open']);
    } finally {
      await reconciler.stop();
    }
  });
});
