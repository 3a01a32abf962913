// Signal start events through the API: a broadcast of a signal name starts one new case of every
// process whose signal start event has that name, beside signalling the cases waiting for it. The
// starts are exactly-once per broadcast and process: a resent request starts nothing new, and the
// start activity failing after its first case is retried without a second case of that process.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignalActivities, type StartSignalledCase } from '../../activities/signal-activities.ts';
import { startPrepared } from '../../services/case-start.ts';
import { workflowIdForBroadcast, type SignalBroadcastResult } from '../../workflows/case-api.ts';
import { quietRuntime } from '../workflows/support/engine-harness.ts';
import { startSignalTestWorker, type SignalTestWorker } from '../support/signal-test-worker.ts';
import { eventually, startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const GUIDANCE = 'Country guidance changed';
const signalsXml = readFileSync(new URL('../workflows/fixtures/signals.bpmn', import.meta.url), 'utf8');

/** A process begun by hand (a none start) or by a broadcast of `signalName`, each leading to its own task. */
function signalStartXml(signalName: string, form = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:casework="https://casemap.dev/schema/casework/1.0" id="Definitions_1" targetNamespace="https://casemap.dev/tests/api">
  <bpmn:signal id="Signal_1" name="${signalName}" />
  <bpmn:process id="Process_signal_start" name="Begun by a signal" isExecutable="true">
    <bpmn:startEvent id="Start_by_hand" name="Case keyed in"><bpmn:outgoing>Flow_by_hand</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Task_keyed" name="Check the keyed case" casework:team="fno-returns"><bpmn:incoming>Flow_by_hand</bpmn:incoming><bpmn:outgoing>Flow_keyed_end</bpmn:outgoing></bpmn:userTask>
    <bpmn:startEvent id="Start_by_signal" name="${signalName}">
      ${form ? `<bpmn:extensionElements><casework:form>${form}</casework:form></bpmn:extensionElements>` : ''}
      <bpmn:outgoing>Flow_by_signal</bpmn:outgoing>
      <bpmn:signalEventDefinition signalRef="Signal_1" />
    </bpmn:startEvent>
    <bpmn:userTask id="Task_review" name="Review the cases the signal affects" casework:team="fno-returns"><bpmn:incoming>Flow_by_signal</bpmn:incoming><bpmn:outgoing>Flow_review_end</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>Flow_keyed_end</bpmn:incoming><bpmn:incoming>Flow_review_end</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_by_hand" sourceRef="Start_by_hand" targetRef="Task_keyed" />
    <bpmn:sequenceFlow id="Flow_keyed_end" sourceRef="Task_keyed" targetRef="End" />
    <bpmn:sequenceFlow id="Flow_by_signal" sourceRef="Start_by_signal" targetRef="Task_review" />
    <bpmn:sequenceFlow id="Flow_review_end" sourceRef="Task_review" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;
}

describe('signal start events through the signals endpoint', () => {
  let casemap: TestCasemap;
  let designer: UserClient;
  let worker: SignalTestWorker | undefined;
  /** Every case the broadcasts' start activity started (or found started), in order. */
  const startCalls: string[] = [];
  /** Set by a test: the start activity's link to Temporal drops once, just after it starts a case. */
  let failAfterNextStart = false;

  const casesOf = async (definitionId: string) =>
    casemap.db.query<{ id: string; data: Record<string, unknown>; startedBy: string }>('SELECT id, data, started_by AS "startedBy" FROM cases WHERE definition_id = $1 ORDER BY id', [definitionId]);
  const broadcastResult = async (broadcastId: string): Promise<SignalBroadcastResult> => casemap.client.workflow.getHandle(workflowIdForBroadcast(broadcastId)).result();
  const deploy = async (id: string, xml: string) => designer.post('/api/definitions/deploy', { id, xml }).expect(201);

  beforeAll(async () => {
    quietRuntime();
    // The API alone, and this test's own worker on its task queue, so the start activity can fail on cue.
    casemap = await startTestCasemap({ parts: { api: true, worker: false } });
    const startCase: StartSignalledCase = async (db, start) => {
      const started = await startPrepared({ db, client: casemap.client, taskQueue: casemap.taskQueue }, start);
      startCalls.push(started.caseId);
      if (failAfterNextStart) {
        failAfterNextStart = false;
        throw new Error('The connection to Temporal dropped after the case was started.');
      }
      return started;
    };
    worker = await startSignalTestWorker(casemap, createSignalActivities(casemap.db, undefined, startCase));
    designer = await casemap.as('designer');
  });
  afterAll(async () => {
    await worker?.stop();
    await casemap?.stop();
  });

  it('starts one case of each process with a signal start for the name and signals the waiting case, and a resent request starts nothing new', async () => {
    // given two processes a broadcast of the guidance signal starts, and one case waiting for it
    await deploy('guidance', signalsXml);
    await deploy('guidance-intake-a', signalStartXml(GUIDANCE));
    await deploy('guidance-intake-b', signalStartXml(GUIDANCE));
    const tom = await casemap.as('tom');
    const waiting = (await tom.post('/api/cases', { definitionId: 'guidance', data: {} }).expect(201)).body.caseId as string;
    await eventually(
      () => casemap.db.query<{ n: number }>('SELECT count(*)::int AS n FROM signal_subscriptions WHERE case_id = $1', [waiting]),
      (rows) => rows[0]!.n === 3,
    );

    // when a designer broadcasts it
    const key = `guidance-${randomUUID()}`;
    const receipt = await designer.post('/api/signals', { name: GUIDANCE, data: { guidanceNote: 'CPIN v3' } }).set('Idempotency-Key', key).expect(202);
    expect(receipt.body).toMatchObject({ waitingCases: 1, startingProcesses: ['guidance-intake-a', 'guidance-intake-b'], duplicate: false });
    const result = await broadcastResult(receipt.body.broadcastId);

    // then one case of each process started at its signal start, with the broadcast's data
    expect(result.signalled).toBe(1);
    expect(result.starts.refusedStarts).toEqual([]);
    expect(result.starts.startedCases.map((started) => started.definitionId)).toEqual(['guidance-intake-a', 'guidance-intake-b']);
    const designerId = (await designer.get('/api/me').expect(200)).body.id as string;
    for (const definitionId of ['guidance-intake-a', 'guidance-intake-b']) {
      const cases = await casesOf(definitionId);
      expect(cases).toHaveLength(1);
      expect(cases[0]).toMatchObject({ data: { guidanceNote: 'CPIN v3' }, startedBy: designerId });
      const view = await tom.get(`/api/cases/${cases[0]!.id}`).expect(200);
      expect(view.body.tasks.map((task: { nodeId: string }) => task.nodeId)).toEqual(['Task_review']);
    }
    // and the waiting case caught it, in each of its three places
    const received = await eventually(
      () => casemap.db.query<{ nodeId: string }>(`SELECT node_id AS "nodeId" FROM events WHERE case_id = $1 AND kind = 'signal-received'`, [waiting]),
      (rows) => rows.length === 3,
    );
    expect(received.map((row) => row.nodeId).sort()).toEqual(['Guidance_during_decision', 'Start_guidance', 'Wait_guidance']);

    // when the same request is resent with its Idempotency-Key
    const again = await designer.post('/api/signals', { name: GUIDANCE, data: { guidanceNote: 'CPIN v3' } }).set('Idempotency-Key', key).expect(202);

    // then it names the same broadcast, which started nothing more
    expect(again.body.broadcastId).toBe(receipt.body.broadcastId);
    expect(await broadcastResult(again.body.broadcastId)).toEqual(result);
    for (const definitionId of ['guidance-intake-a', 'guidance-intake-b']) expect(await casesOf(definitionId)).toHaveLength(1);
    expect(await casesOf('guidance')).toHaveLength(1);
  }, 120_000);

  it('ends with exactly one case per process when the start activity fails after starting the first case and is retried', async () => {
    // given two processes a broadcast of "Removal flights suspended" starts
    const name = 'Removal flights suspended';
    await deploy('flights-a', signalStartXml(name));
    await deploy('flights-b', signalStartXml(name));
    const before = startCalls.length;

    // when it is broadcast, and the start activity fails just after starting its first case
    failAfterNextStart = true;
    const receipt = await designer.post('/api/signals', { name }).expect(202);
    const result = await broadcastResult(receipt.body.broadcastId);

    // then the retry found the first case rather than starting another, and started the second
    const calls = startCalls.slice(before);
    expect(calls).toHaveLength(3);
    expect(calls[1]).toBe(calls[0]);
    expect(result.starts.startedCases.map((started) => started.caseId)).toEqual(calls.slice(1));
    expect((await casesOf('flights-a')).map((row) => row.id)).toEqual([calls[0]]);
    expect((await casesOf('flights-b')).map((row) => row.id)).toEqual([calls[2]]);
  }, 120_000);

  it('records a start form refusing the broadcast data in the broadcast result, and still starts the other processes', async () => {
    // given two processes a broadcast of "Travel document issued" starts, one asking for the document number
    const name = 'Travel document issued';
    await deploy('travel-doc-form', signalStartXml(name, '<casework:field name="documentNumber" label="Document number" type="string" required="true" />'));
    await deploy('travel-doc-plain', signalStartXml(name));

    // when it is broadcast without the document number
    const refused = await broadcastResult((await designer.post('/api/signals', { name }).expect(202)).body.broadcastId);

    // then the form's process is refused, by name and reason, and the other starts
    expect(refused.starts.refusedStarts).toEqual([{ definitionId: 'travel-doc-form', startEventId: 'Start_by_signal', refusal: expect.objectContaining({ code: 'start-data-invalid' }) }]);
    expect(refused.starts.startedCases.map((started) => started.definitionId)).toEqual(['travel-doc-plain']);
    expect(await casesOf('travel-doc-form')).toHaveLength(0);

    // and a broadcast with the document number starts a case of both
    const accepted = await broadcastResult((await designer.post('/api/signals', { name, data: { documentNumber: 'GB-4471' } }).expect(202)).body.broadcastId);
    expect(accepted.starts).toMatchObject({ refusedStarts: [], startedCases: [{ definitionId: 'travel-doc-form' }, { definitionId: 'travel-doc-plain' }] });
    expect(await casesOf('travel-doc-form')).toHaveLength(1);
    expect(await casesOf('travel-doc-plain')).toHaveLength(2);
  }, 120_000);
});
