// Broadcast signals through the API: a designer broadcasts a signal name, and every case waiting
// for it (three cases, each waiting three ways) gets it once, even though the broadcast's activity
// fails after signalling two of them and its retry signals those two again.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignalActivities, type SignalCase } from '../../activities/signal-activities.ts';
import { bpmnSignal, workflowIdForBroadcast, workflowIdForCase } from '../../workflows/case-api.ts';
import { quietRuntime } from '../workflows/support/engine-harness.ts';
import { startSignalTestWorker, type SignalTestWorker } from '../support/signal-test-worker.ts';
import { eventually, startTestCasemap, type TestCasemap } from '../support/test-casemap.ts';

const GUIDANCE = 'Country guidance changed';
const signalsXml = readFileSync(new URL('../workflows/fixtures/signals.bpmn', import.meta.url), 'utf8');

describe('the signals endpoint', () => {
  let casemap: TestCasemap;
  let worker: SignalTestWorker | undefined;
  /** Every delivery the broadcast made, in order; the first attempt fails after its second. */
  const deliveries: string[] = [];
  let failedOnce = false;

  beforeAll(async () => {
    quietRuntime();
    // The API alone, and this test's own worker on its task queue, whose link to Temporal drops
    // once after the second signal (the signal itself was delivered): the activity then fails and is retried.
    casemap = await startTestCasemap({ parts: { api: true, worker: false } });
    const signalCase: SignalCase = async (caseId, signal) => {
      await casemap.client.workflow.getHandle(workflowIdForCase(caseId)).signal(bpmnSignal, signal);
      deliveries.push(caseId);
      if (!failedOnce && deliveries.length === 2) {
        failedOnce = true;
        throw new Error('The connection to Temporal dropped after the signal was sent.');
      }
    };
    worker = await startSignalTestWorker(casemap, createSignalActivities(casemap.db, signalCase));
    await (await casemap.as('designer')).post('/api/definitions/deploy', { id: 'guidance', xml: signalsXml }).expect(201);
  });
  afterAll(async () => {
    await worker?.stop();
    await casemap?.stop();
  });

  it('lets only designers and admins broadcast', async () => {
    const body = { name: GUIDANCE };
    await (await casemap.as('lena')).post('/api/signals', body).expect(403);
    await (await casemap.as('tom')).post('/api/signals', body).expect(403);
    await casemap.http.post('/api/signals').send(body).expect(401);
  });

  it('names the field at fault in a broadcast without a name', async () => {
    const response = await (await casemap.as('designer')).post('/api/signals', { data: {} }).expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(response.body)).toContain('name');
  });

  it('reaches each of three waiting cases once, in all three places, when the broadcast activity fails half-way and is retried', async () => {
    // given three cases waiting for the signal (catch event, boundary on the decision, event sub-process)
    const tom = await casemap.as('tom');
    const caseIds: string[] = [];
    for (let n = 0; n < 3; n += 1) caseIds.push((await tom.post('/api/cases', { definitionId: 'guidance', data: {} }).expect(201)).body.caseId);
    await eventually(
      () => casemap.db.query<{ n: number }>('SELECT count(*)::int AS n FROM signal_subscriptions WHERE signal_name = $1', [GUIDANCE]),
      (rows) => rows[0]!.n === 9,
    );

    // when a designer broadcasts it
    const receipt = await (await casemap.as('designer')).post('/api/signals', { name: GUIDANCE, data: { guidanceNote: 'CPIN v3' } }).expect(202);
    expect(receipt.body).toMatchObject({ signalName: GUIDANCE, waitingCases: 3, duplicate: false });

    // then the broadcast finishes having signalled three cases, after signalling two of them twice
    const result = await casemap.client.workflow.getHandle(workflowIdForBroadcast(receipt.body.broadcastId)).result();
    expect(result).toMatchObject({ signalled: 3 });
    expect(failedOnce).toBe(true);
    expect(deliveries).toHaveLength(5);
    // The broadcast pages in case id order, so the two signalled twice are the first two by id.
    const [first, second] = [...caseIds].sort();
    expect([...deliveries].sort()).toEqual([...caseIds, first, second].sort());

    // and each case caught it exactly once, in every place it waited
    for (const caseId of caseIds) {
      const page = await eventually(
        () => tom.get(`/api/cases/${caseId}`).expect(200),
        (response) => response.body.tasks.filter((task: { status: string }) => task.status === 'open').length === 3,
      );
      const open = page.body.tasks.filter((task: { status: string }) => task.status === 'open').map((task: { nodeId: string }) => task.nodeId).sort();
      expect(open).toEqual(['Task_decide', 'Task_recheck', 'Task_review']);
      const events = await casemap.db.query<{ kind: string; nodeId: string; data: Record<string, unknown> }>('SELECT kind, node_id AS "nodeId", data FROM events WHERE case_id = $1 ORDER BY seq', [caseId]);
      const received = events.filter((event) => event.kind === 'signal-received');
      expect(received.map((event) => event.nodeId).sort()).toEqual(['Guidance_during_decision', 'Start_guidance', 'Wait_guidance']);
      expect(received.every((event) => event.data.broadcastId === receipt.body.broadcastId)).toBe(true);
      expect(events.filter((event) => event.kind === 'event-sub-process-triggered')).toHaveLength(1);
      expect(events.filter((event) => event.kind === 'task-ready')).toHaveLength(3);
    }
  }, 120_000);

  it('finds the broadcast already started when the same request is resent with its Idempotency-Key', async () => {
    const designer = await casemap.as('designer');
    const first = await designer.post('/api/signals', { name: 'Nobody waits for this' }).set('Idempotency-Key', 'note-42').expect(202);
    const again = await designer.post('/api/signals', { name: 'Nobody waits for this' }).set('Idempotency-Key', 'note-42').expect(202);
    expect(again.body.broadcastId).toBe(first.body.broadcastId);
    expect(first.body).toMatchObject({ waitingCases: 0, duplicate: false });
  });
});
