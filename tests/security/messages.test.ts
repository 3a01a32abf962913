// The message attacks of issue #14 (findings 2 and 8), replayed with two API keys: ids are the
// sender's own, a reused id or Idempotency-Key with another body is refused, a named case never
// reveals whether it exists, a key reads only what it sent, and a lead reads only the messages of
// cases their teams may see.
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';
import { deployMessageProcesses, issueApiKey, sendMessage, type ApiKey } from '../support/message-processes.ts';

describe('messages and API keys under attack', () => {
  let casemap: TestCasemap;
  let admin: UserClient;
  let tribunal: ApiKey;
  let prison: ApiKey;
  let sendOnly: ApiKey;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    admin = await casemap.as('admin');
    await deployMessageProcesses(casemap);
    tribunal = await issueApiKey(admin, 'appeals tribunal', ['messages:send', 'messages:read']);
    prison = await issueApiKey(admin, 'prison service', ['messages:send', 'messages:read']);
    sendOnly = await issueApiKey(admin, 'send-only adapter', ['messages:send']);
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  const send = (key: ApiKey, body: object, idempotencyKey?: string) => sendMessage(casemap, key.key, body, idempotencyKey);
  const sent = (key: ApiKey, query = '') => supertest(casemap.url).get(`/api/messages/sent${query}`).set('X-Api-Key', key.key);
  const rowsWithId = (id: string) => casemap.db.query<{ sent_by: string; payload: unknown }>('SELECT sent_by, payload FROM messages WHERE id = $1 ORDER BY sent_by', [id]);
  const intakeCases = async () => (await casemap.db.query<{ id: string }>("SELECT id FROM cases WHERE definition_id = 'referral-intake' ORDER BY id")).map((row) => row.id);

  it("keeps a second sender's message with the same id apart from the first one's, starting a case for each", async () => {
    // when two systems each send their own message "m-1"
    const fromTribunal = await send(tribunal, { messageId: 'm-1', messageName: 'FNO referral received', data: { prisonNumber: 'A1111AA' } }).expect(202);
    const fromPrison = await send(prison, { messageId: 'm-1', messageName: 'FNO referral received', data: { prisonNumber: 'B2222BB' } }).expect(202);

    // then both are new messages, each started its own case, and both rows are kept
    expect(fromTribunal.body).toMatchObject({ messageId: 'm-1', status: 'delivered', duplicate: false });
    expect(fromPrison.body).toMatchObject({ messageId: 'm-1', status: 'delivered', duplicate: false });
    const tribunalCase: string = fromTribunal.body.startedCases[0].caseId;
    const prisonCase: string = fromPrison.body.startedCases[0].caseId;
    expect(prisonCase).not.toBe(tribunalCase);
    expect(await intakeCases()).toEqual([tribunalCase, prisonCase].sort());
    expect(await rowsWithId('m-1')).toEqual(
      [
        { sent_by: `api-key:${tribunal.id}`, payload: { prisonNumber: 'A1111AA' } },
        { sent_by: `api-key:${prison.id}`, payload: { prisonNumber: 'B2222BB' } },
      ].sort((a, b) => a.sent_by.localeCompare(b.sent_by)),
    );
    const prisonCaseData = await eventually(
      () => admin.get(`/api/cases/${prisonCase}`).then((response) => response.body.case?.data),
      (data) => data !== undefined,
    );
    expect(prisonCaseData).toMatchObject({ prisonNumber: 'B2222BB' });
  });

  it("delivers a second sender's message with the same id to the case waiting for it", async () => {
    // given a case waiting for its travel document, and a stray message "m-2" from the tribunal
    const tom = await casemap.as('tom');
    const caseId: string = (await tom.post('/api/cases', { definitionId: 'await-document', data: { prisonNumber: 'C3333CC' } }).expect(201)).body.caseId;
    await eventually(() => casemap.db.query('SELECT 1 FROM message_subscriptions WHERE case_id = $1', [caseId]), (rows) => rows.length === 1);
    await send(tribunal, { messageId: 'm-2', messageName: 'Travel document issued', correlationKey: 'Z9999ZZ', data: {} }).expect(202);

    // when the prison service sends its own "m-2" for the waiting case
    const delivered = await send(prison, { messageId: 'm-2', messageName: 'Travel document issued', correlationKey: 'C3333CC', data: { documentNumber: 'ETD-9' } }).expect(202);

    // then it reaches the case, which completes with its data
    expect(delivered.body).toMatchObject({ status: 'delivered', caseIds: [caseId], duplicate: false });
    const finished = await eventually(
      () => admin.get(`/api/cases/${caseId}`).then((response) => response.body),
      (body) => body.case?.status === 'completed',
    );
    expect(finished.case.data).toMatchObject({ documentNumber: 'ETD-9' });
    expect(await rowsWithId('m-2')).toHaveLength(2);
  });

  it('refuses a reused message id with a different body, naming the field, and replays the same body', async () => {
    // given a message that started a case
    const message = { messageId: 'm-3', messageName: 'FNO referral received', data: { prisonNumber: 'D4444DD' } };
    const first = await send(tribunal, message).expect(202);
    const before = await intakeCases();

    // when the same id comes again with another body
    const reused = await send(tribunal, { ...message, data: { prisonNumber: 'E5555EE' } });

    // then it is refused naming messageId, and nothing was kept or started
    expect(reused.status).toBe(409);
    expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reused.body).toMatchObject({ status: 409, code: 'message-id-reused', issues: [{ field: 'messageId', message: 'reused with a different message' }] });
    expect(await rowsWithId('m-3')).toEqual([{ sent_by: `api-key:${tribunal.id}`, payload: { prisonNumber: 'D4444DD' } }]);
    expect(await intakeCases()).toEqual(before);

    // and a resend of the same message is a duplicate with the first answer
    const resent = await send(tribunal, message).expect(202);
    expect(resent.body).toEqual({ ...first.body, duplicate: true });
    expect(await intakeCases()).toEqual(before);
  });

  it('honours Idempotency-Key: a retry gets the first answer, another body with the key is refused', async () => {
    // when a message without an id is sent twice under one Idempotency-Key
    const message = { messageName: 'FNO referral received', data: { prisonNumber: 'F6666FF' } };
    const casesBefore = (await intakeCases()).length;
    const first = await send(prison, message, 'retry-1').expect(202);
    const retry = await send(prison, message, 'retry-1').expect(202);

    // then the retry replays the first answer, and one message and one case exist
    expect(retry.body).toEqual(first.body);
    expect(first.body).toMatchObject({ status: 'delivered', duplicate: false, startedCases: [{ definitionId: 'referral-intake' }] });
    expect(await intakeCases()).toHaveLength(casesBefore + 1);
    expect(await casemap.db.query("SELECT 1 FROM messages WHERE payload @> '{\"prisonNumber\": \"F6666FF\"}'")).toHaveLength(1);

    // when the key is reused for another message
    const reused = await send(prison, { ...message, data: { prisonNumber: 'G7777GG' } }, 'retry-1');

    // then it is refused naming the header, and nothing more was kept or started
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ code: 'conflict', issues: [{ field: 'header.idempotency-key', message: 'reused with a different body' }] });
    expect(await casemap.db.query("SELECT 1 FROM messages WHERE payload @> '{\"prisonNumber\": \"G7777GG\"}'")).toEqual([]);
    expect(await intakeCases()).toHaveLength(casesBefore + 1);
  });

  it('answers a message for a missing case exactly as one for an existing case that is not waiting', async () => {
    // given a case that exists but waits for no travel document
    const existing = (await intakeCases())[0]!;

    // when a key names it, and names a case that does not exist
    const toExisting = await send(sendOnly, { messageId: 'm-5a', messageName: 'Travel document issued', caseId: existing, data: {} });
    const toMissing = await send(sendOnly, { messageId: 'm-5b', messageName: 'Travel document issued', caseId: 'no-such-case', data: {} });

    // then both get the same status and body (bar the id), and both are kept as unmatched
    expect(toMissing.status).toBe(202);
    expect(toExisting.status).toBe(202);
    expect({ ...toMissing.body, messageId: 'x' }).toEqual({ ...toExisting.body, messageId: 'x' });
    expect(toMissing.body).toEqual({ messageId: 'm-5b', status: 'unmatched', caseIds: [], startedCases: [], duplicate: false });
    const kept = await casemap.db.query<{ id: string; status: string }>("SELECT id, status FROM messages WHERE id IN ('m-5a', 'm-5b') ORDER BY id");
    expect(kept).toEqual([
      { id: 'm-5a', status: 'unmatched' },
      { id: 'm-5b', status: 'unmatched' },
    ]);
  });

  it('lets a key with messages:read list the messages it sent, never another sender’s', async () => {
    // when each sender reads its sent messages
    const tribunalSent = await sent(tribunal, '?limit=200').expect(200);
    const prisonSent = await sent(prison, '?limit=200').expect(200);

    // then each sees exactly its own rows
    const own = async (key: ApiKey) => (await casemap.db.query<{ id: string }>('SELECT id FROM messages WHERE sent_by = $1 ORDER BY id', [`api-key:${key.id}`])).map((row) => row.id);
    const ids = (body: { items: { id: string; sentBy: string }[] }) => body.items.map((item) => item.id).sort();
    expect(ids(tribunalSent.body)).toEqual(await own(tribunal));
    expect(ids(prisonSent.body)).toEqual(await own(prison));
    expect(tribunalSent.body.total).toBe((await own(tribunal)).length);
    expect(tribunalSent.body.items.every((item: { sentBy: string }) => item.sentBy === `api-key:${tribunal.id}`)).toBe(true);
    expect(ids(tribunalSent.body)).toEqual(['m-1', 'm-2', 'm-3']);

    // and a key without messages:read, or no key, is refused
    expect((await sent(sendOnly)).status).toBe(403);
    expect((await supertest(casemap.url).get('/api/messages/sent')).status).toBe(401);
  });

  it("shows a lead only the messages of cases their teams may see, and unmatched ones to admins only", async () => {
    // given messages delivered to FNO Returns cases (each waits at its triage task) and unmatched ones
    const intakeCount = (await intakeCases()).length;
    await eventually(() => casemap.db.query("SELECT 1 FROM tasks t JOIN cases c ON c.id = t.case_id WHERE c.definition_id = 'referral-intake' AND t.status = 'open'"), (rows) => rows.length === intakeCount);
    const all = await admin.get('/api/messages?limit=200').expect(200);
    const delivered = all.body.items.filter((item: { status: string }) => item.status === 'delivered');
    const unmatched = all.body.items.filter((item: { status: string }) => item.status === 'unmatched');
    expect(all.body.total).toBe((await casemap.db.query('SELECT 1 FROM messages')).length);
    expect(unmatched.length).toBeGreaterThan(0);

    // when nico, who leads removals-logistics, lists messages
    const nico = await casemap.as('nico');
    const nicoSees = await nico.get('/api/messages?limit=200').expect(200);

    // then he sees none of them
    expect(nicoSees.body).toEqual({ items: [], total: 0 });

    // and lena, who leads FNO Returns, sees the ones delivered to its referral cases but no unmatched one
    const lena = await casemap.as('lena');
    const lenaSees = await lena.get('/api/messages?limit=200').expect(200);
    const intake = new Set(await intakeCases());
    const expected = delivered.filter((item: { caseIds: string[] }) => item.caseIds.every((id) => intake.has(id)));
    expect(lenaSees.body.items.map((item: { sentBy: string; id: string }) => `${item.sentBy}/${item.id}`).sort()).toEqual(expected.map((item: { sentBy: string; id: string }) => `${item.sentBy}/${item.id}`).sort());
    expect(lenaSees.body.total).toBe(expected.length);
    expect((await lena.get('/api/messages?status=unmatched').expect(200)).body).toEqual({ items: [], total: 0 });
  });
});
