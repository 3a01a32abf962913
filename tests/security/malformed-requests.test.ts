// Issue #14, finding 7: eleven requests the API could not read were answered 500 (one before
// sign-in). Each is now a precise 4xx problem+json naming what is wrong, and changes nothing.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/demo-identities.ts';
import { startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const referralXml = readFileSync(new URL('../fixtures/two-lane-referral.bpmn', import.meta.url), 'utf8');

interface Refusal {
  status: number;
  code: string;
  /** The field named in the problem's issues, when the refusal is about one. */
  field?: string;
}

describe('malformed requests', () => {
  let casemap: TestCasemap;
  let priya: UserClient;
  let analyst: UserClient;
  let taskPath: string;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    const designer = await casemap.as('designer');
    await designer.post('/api/definitions/deploy', { id: 'referral', xml: referralXml }).expect(201);
    priya = await casemap.as('priya');
    analyst = await casemap.as('analyst');
    const started = await priya.post('/api/cases', { definitionId: 'referral', data: {} }).expect(201);
    taskPath = `/api/tasks/${encodeURIComponent(`${started.body.caseId}:${started.body.next.opened[0].taskId}`)}`;
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  /** Everything a malformed request could have changed. */
  const state = async () =>
    (
      await casemap.db.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM tasks WHERE status <> 'ready') AS taken,
                (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM sessions) AS sessions,
                (SELECT count(*)::int FROM login_attempts) AS attempts, (SELECT count(*)::int FROM definition_versions) AS versions`,
      )
    )[0];

  interface Reply {
    status: number;
    headers: Record<string, string>;
    body: { code?: string; issues: { field?: string }[] };
  }

  async function expectRefused(response: Reply, expected: Refusal): Promise<void> {
    const what = `${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
    expect(response.status, what).toBe(expected.status);
    expect(response.headers['content-type'], what).toMatch(/^application\/problem\+json/);
    expect(response.body.code, what).toBe(expected.code);
    if (expected.field) expect(response.body.issues.map((issue: { field?: string }) => issue.field), what).toContain(expected.field);
  }

  const raw = () => supertest(casemap.url);
  /** Sends bytes exactly as given (supertest would serialise a Buffer as JSON under a JSON content type). */
  const postBytes = async (path: string, headers: Record<string, string>, body: Buffer): Promise<Reply> => {
    const response = await fetch(`${casemap.url}${path}`, { method: 'POST', headers, body: new Uint8Array(body) });
    const text = await response.text();
    return { status: response.status, headers: Object.fromEntries(response.headers), body: text ? JSON.parse(text) : {} };
  };
  const bearer = (client: UserClient) => `Bearer ${client.token}`;

  it('treats a session cookie that does not percent-decode as no session, before sign-in too (401, not 500)', async () => {
    const before = await state();
    await expectRefused(await raw().get('/api/me').set('Cookie', 'casemap_session=%E0%A4%A'), { status: 401, code: 'unauthenticated' });
    await expectRefused(await raw().get('/api/tasks').set('Cookie', 'casemap_session=%'), { status: 401, code: 'unauthenticated' });
    expect(await state()).toEqual(before);
  });

  it('refuses a task or case path that does not percent-decode with 400 naming the path', async () => {
    const before = await state();
    await expectRefused(await raw().post('/api/tasks/%E0%A4%A/claim').set('Authorization', bearer(priya)), { status: 400, code: 'invalid-request', field: 'params' });
    await expectRefused(await raw().get('/api/tasks/case-1%3A%E0%A4%A').set('Authorization', bearer(priya)), { status: 400, code: 'invalid-request', field: 'params' });
    await expectRefused(await raw().get('/api/cases/%ZZ').set('Authorization', bearer(priya)), { status: 400, code: 'invalid-request', field: 'params' });
    expect(await state()).toEqual(before);
  });

  it('refuses a JSON body in a charset it cannot read with 415, before sign-in too', async () => {
    const before = await state();
    const login = JSON.stringify({ username: 'tom', password: DEMO_PASSWORD });
    await expectRefused(await raw().post('/api/auth/login').set('Content-Type', 'application/json; charset=foo').send(login), { status: 415, code: 'unsupported-media-type', field: 'header.content-type' });
    await expectRefused(await raw().post('/api/auth/login').set('Content-Type', 'application/json; charset=latin1').send(login), { status: 415, code: 'unsupported-media-type', field: 'header.content-type' });
    await expectRefused(await raw().post(`${taskPath}/claim`).set('Authorization', bearer(priya)).set('Content-Type', 'application/json; charset=iso-8859-1').send('{}'), { status: 415, code: 'unsupported-media-type' });
    expect(await state()).toEqual(before);
  });

  it('refuses gzip and br bodies that do not decompress with 400, and an unknown content encoding with 415', async () => {
    const before = await state();
    const garbage = Buffer.from('this is not compressed at all');
    const truncatedGzip = gzipSync(JSON.stringify({ username: 'tom', password: DEMO_PASSWORD })).subarray(0, 12);
    const cases: [string, Buffer, Refusal][] = [
      ['gzip', garbage, { status: 400, code: 'invalid-request', field: 'header.content-encoding' }],
      ['gzip', truncatedGzip, { status: 400, code: 'invalid-request', field: 'header.content-encoding' }],
      ['deflate', garbage, { status: 400, code: 'invalid-request', field: 'header.content-encoding' }],
      ['br', garbage, { status: 400, code: 'invalid-request', field: 'header.content-encoding' }],
      ['compress', garbage, { status: 415, code: 'unsupported-media-type', field: 'header.content-encoding' }],
      ['gzip, br', garbage, { status: 415, code: 'unsupported-media-type', field: 'header.content-encoding' }],
    ];
    for (const [encoding, body, refusal] of cases) {
      await expectRefused(await postBytes('/api/auth/login', { 'Content-Type': 'application/json', 'Content-Encoding': encoding }, body), refusal);
    }
    expect(await state()).toEqual(before);
  });

  it('still reads gzip and br bodies that do decompress', async () => {
    const body = JSON.stringify({ username: 'tom', password: DEMO_PASSWORD });
    expect((await postBytes('/api/auth/login', { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, gzipSync(body))).status).toBe(200);
    expect((await postBytes('/api/auth/login', { 'Content-Type': 'application/json', 'Content-Encoding': 'br' }, brotliCompressSync(body))).status).toBe(200);
  });

  it('refuses NUL characters in the login username, query values, path ids and case data with 400 naming the field', async () => {
    const before = await state();
    await expectRefused(await raw().post('/api/auth/login').send({ username: 'tom\u0000', password: DEMO_PASSWORD }), { status: 400, code: 'invalid-request', field: 'body.username' });
    await expectRefused(await raw().post('/api/auth/login').send({ username: 'tom', password: `${DEMO_PASSWORD}\u0000` }), { status: 400, code: 'invalid-request', field: 'body.password' });
    await expectRefused(await priya.get('/api/cases?ownerTeam=prison%00casework'), { status: 400, code: 'invalid-request', field: 'query.ownerTeam' });
    await expectRefused(await priya.get('/api/cases?data=prisonNumber:eq:A1%00'), { status: 400, code: 'invalid-request', field: 'query.data' });
    await expectRefused(await priya.get('/api/tasks/case-1%3Atask%00x'), { status: 400, code: 'invalid-request', field: 'params.taskId' });
    await expectRefused(await priya.post('/api/tasks/case-1%3Atask%00x/claim'), { status: 400, code: 'invalid-request', field: 'params.taskId' });
    await expectRefused(await priya.post('/api/cases', { definitionId: 'referral', data: { note: 'a\u0000b' } }), { status: 400, code: 'invalid-request', field: 'body.data.note' });
    await expectRefused(await priya.post('/api/cases', { definitionId: 'referral', data: { 'n\u0000te': 'ab' } }), { status: 400, code: 'invalid-request' });
    expect(await state()).toEqual(before);
  });

  it('refuses year-0000 and impossible dates in time filters with 400 naming the field', async () => {
    const before = await state();
    await expectRefused(await analyst.get('/api/insights/report?definitionId=referral&from=0000-01-01T00:00:00Z'), { status: 400, code: 'invalid-request', field: 'query.from' });
    await expectRefused(await analyst.get('/api/insights/report?definitionId=referral&to=2026-02-30T00:00:00Z'), { status: 400, code: 'invalid-request', field: 'query.to' });
    await expectRefused(await analyst.get('/api/insights/compare?definitionId=referral&baseFrom=0000-01-01T00:00:00Z&otherFrom=2026-01-01T00:00:00Z'), { status: 400, code: 'invalid-request', field: 'query.baseFrom' });
    expect(await state()).toEqual(before);
  });

  it('refuses a JSON body that is not an object with 400 naming the body', async () => {
    const before = await state();
    const json = (body: string) => raw().post('/api/auth/login').set('Content-Type', 'application/json').send(body);
    await expectRefused(await json('"tom"'), { status: 400, code: 'invalid-request', field: 'body' });
    await expectRefused(await json('42'), { status: 400, code: 'invalid-request', field: 'body' });
    await expectRefused(await json('null'), { status: 400, code: 'invalid-request', field: 'body' });
    await expectRefused(await json('[]'), { status: 400, code: 'invalid-request' });
    await expectRefused(await json('{"username": "tom", '), { status: 400, code: 'invalid-request', field: 'body' });
    await expectRefused(await raw().post(`${taskPath}/claim`).set('Authorization', bearer(priya)).set('Content-Type', 'application/json').send('[1, 2]'), { status: 400, code: 'invalid-request', field: 'body' });
    expect(await state()).toEqual(before);
  });

  it('refuses a query key given twice where one value is expected with 400 naming it', async () => {
    await expectRefused(await priya.get('/api/cases?status=running&status=failed'), { status: 400, code: 'invalid-request', field: 'query.status' });
    await expectRefused(await priya.get('/api/tasks?limit=1&limit=2'), { status: 400, code: 'invalid-request', field: 'query.limit' });
  });

  it('answers a path outside the API and the app with a 404 problem, not an HTML page', async () => {
    await expectRefused(await raw().get('/%E0%A4%A'), { status: 404, code: 'not-found' });
    await expectRefused(await raw().get('/nothing-here'), { status: 404, code: 'not-found' });
  });

  it('leaves over-long headers to Node, which answers 431 before any of Casemap runs', async () => {
    const response = await raw().get('/api/health').set('X-Filler', 'x'.repeat(20_000));
    expect(response.status).toBe(431);
    await raw().get('/api/health').expect(200);
  });
});
