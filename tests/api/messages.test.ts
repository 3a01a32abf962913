// Messages from other systems through the API: authenticated by a scoped API key, correlated by
// name and key to the waiting case, starting a case at a message start event, and kept (not
// dropped) when no case waits for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';
import { deployMessageProcesses, issueApiKey, sendMessage } from '../support/message-processes.ts';

describe('the messages endpoint', () => {
  let casemap: TestCasemap;
  let admin: UserClient;
  let sendKey: string;
  let readOnlyKey: string;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    admin = await casemap.as('admin');
    await deployMessageProcesses(casemap);
    sendKey = (await issueApiKey(admin, 'travel-document service', ['messages:send'])).key;
    readOnlyKey = (await issueApiKey(admin, 'reporting', ['messages:read'])).key;
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  const send = (key: string | undefined, body: object) => sendMessage(casemap, key, body);

  it('refuses a missing key, an unknown key and a key without the send scope', async () => {
    const message = { messageName: 'Travel document issued', correlationKey: 'A1', data: {} };
    expect((await send(undefined, message)).status).toBe(401);
    expect((await send('cmk_000000000000_forged', message)).status).toBe(401);
    expect((await send(readOnlyKey, message)).status).toBe(403);
    const audit = await admin.get('/api/admin/audit?limit=100').expect(200);
    expect(audit.body.items.filter((entry: { action: string; outcome: string }) => entry.action === 'api-key.use' && entry.outcome === 'refused').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps a message no case waits for as unmatched, and delivers one that correlates', async () => {
    // given a case waiting for its travel document, keyed by prison number
    const tom = await casemap.as('tom');
    const started = await tom.post('/api/cases', { definitionId: 'await-document', data: { prisonNumber: 'A1234BC' } }).expect(201);
    const caseId: string = started.body.caseId;
    await eventually(() => casemap.db.query('SELECT 1 FROM message_subscriptions WHERE case_id = $1', [caseId]), (rows) => rows.length === 1);

    // when a message with another key arrives, it is kept and listed, and the case keeps waiting
    const stray = await send(sendKey, { messageId: 'm-1', messageName: 'Travel document issued', correlationKey: 'Z9999ZZ', data: {} }).expect(202);
    expect(stray.body).toMatchObject({ status: 'unmatched', caseIds: [] });
    // (unmatched messages reached no case, so no team's lead may read them: admins follow them up)
    const unmatched = await admin.get('/api/messages?status=unmatched').expect(200);
    expect(unmatched.body.items.map((message: { id: string }) => message.id)).toContain('m-1');

    // and when the right one arrives (twice: a retry), the case gets it once and completes
    const delivered = await send(sendKey, { messageId: 'm-2', messageName: 'Travel document issued', correlationKey: 'A1234BC', data: { documentNumber: 'ETD-77' } }).expect(202);
    expect(delivered.body).toMatchObject({ status: 'delivered', caseIds: [caseId], duplicate: false });
    const retried = await send(sendKey, { messageId: 'm-2', messageName: 'Travel document issued', correlationKey: 'A1234BC', data: { documentNumber: 'ETD-77' } }).expect(202);
    expect(retried.body.duplicate).toBe(true);
    const finished = await eventually(
      () => admin.get(`/api/cases/${caseId}`).then((response) => response.body),
      (body) => body.case?.status === 'completed',
    );
    expect(finished.case.data).toMatchObject({ documentNumber: 'ETD-77' });
    expect(finished.timeline.filter((event: { kind: string }) => event.kind === 'message-received')).toHaveLength(1);
    expect(await casemap.db.query('SELECT 1 FROM message_subscriptions WHERE case_id = $1', [caseId])).toEqual([]);
  });

  it('starts a case at the message start event, once per message, and refuses data its start form rejects', async () => {
    const casesOfIntake = () => casemap.db.query<{ id: string }>("SELECT id FROM cases WHERE definition_id = 'referral-intake'");

    // when a referral message arrives that no case waits for, and is resent
    const first = await send(sendKey, { messageId: 'referral-1', messageName: 'FNO referral received', data: { prisonNumber: 'A1234BC' } }).expect(202);
    const resent = await send(sendKey, { messageId: 'referral-1', messageName: 'FNO referral received', data: { prisonNumber: 'A1234BC' } }).expect(202);

    // then one case was started at the message start event, and the resend found it
    expect(first.body).toMatchObject({ status: 'delivered', duplicate: false, startedCases: [{ definitionId: 'referral-intake', version: 1 }] });
    const caseId: string = first.body.startedCases[0].caseId;
    expect(first.body.caseIds).toEqual([caseId]);
    expect(resent.body).toMatchObject({ duplicate: true, caseIds: [caseId] });
    const detail = await eventually(
      () => admin.get(`/api/cases/${caseId}`).then((response) => response.body),
      (body) => body.timeline?.some((event: { kind: string }) => event.kind === 'task-ready'),
    );
    const started = detail.timeline.find((event: { kind: string }) => event.kind === 'case-started');
    expect(started.data).toMatchObject({ startEventId: 'Start_by_message', data: { prisonNumber: 'A1234BC' } });
    expect(detail.case.data).toMatchObject({ prisonNumber: 'A1234BC' });

    // when the case is worked to its end and the message is sent once more
    const tom = await casemap.as('tom');
    const task = (await tom.get(`/api/tasks?view=team&caseId=${caseId}`).expect(200)).body.items[0];
    await tom.post(`/api/tasks/${encodeURIComponent(task.id)}/claim`).expect(200);
    await tom.post(`/api/tasks/${encodeURIComponent(task.id)}/complete`, { data: {} }).expect(200);
    await eventually(
      () => admin.get(`/api/cases/${caseId}`).then((response) => response.body),
      (body) => body.case?.status === 'completed',
    );
    const workflow = casemap.client.workflow.getHandle(`case-${caseId}`);
    const finishedRun = (await workflow.describe()).runId;
    const late = await send(sendKey, { messageId: 'referral-1', messageName: 'FNO referral received', data: { prisonNumber: 'A1234BC' } }).expect(202);

    // then the finished case is not started a second time under the same id
    expect(late.body).toMatchObject({ duplicate: true, caseIds: [caseId] });
    expect(await workflow.describe()).toMatchObject({ runId: finishedRun, status: { name: 'COMPLETED' } });
    expect(await casesOfIntake()).toEqual([{ id: caseId }]);

    // when a referral arrives without the prison number its start form requires
    const invalid = await send(sendKey, { messageId: 'referral-2', messageName: 'FNO referral received', data: {} });

    // then it is refused naming the field, and neither a case nor the message was kept
    expect(invalid.status).toBe(422);
    expect(JSON.stringify(invalid.body)).toContain('prisonNumber');
    expect(await casesOfIntake()).toHaveLength(1);
    expect(await casemap.db.query("SELECT id FROM messages WHERE id = 'referral-2'")).toEqual([]);

    // and a case started by hand begins at the plain start event
    const byHand = await tom.post('/api/cases', { definitionId: 'referral-intake', data: {} }).expect(201);
    const handTimeline = await eventually(
      () => admin.get(`/api/cases/${byHand.body.caseId}`).then((response) => response.body.timeline ?? []),
      (timeline) => timeline.some((event: { kind: string }) => event.kind === 'case-started'),
    );
    expect(handTimeline.find((event: { kind: string }) => event.kind === 'case-started').data.startEventId).toBeUndefined();
  });
});
