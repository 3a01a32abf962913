// Attempts to get at what a caller should not (issue #9.5): another team's cases and tasks by id,
// expired and forged sessions, cookie changes without the CSRF token, API keys with the wrong scope
// or none. Each one is refused, changes nothing, and leaves a refused entry in the audit log.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/demo-identities.ts';
import { listAudit } from '../../storage/audit-store.ts';
import { startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const assessmentXml = readFileSync(new URL('../fixtures/one-lane-assessment.bpmn', import.meta.url), 'utf8');
const referralXml = readFileSync(new URL('../fixtures/two-lane-referral.bpmn', import.meta.url), 'utf8');

type Attempt = { method: 'get' | 'post' | 'put'; path: string; body?: object; headers?: Record<string, string> };

describe('access attempts', () => {
  let casemap: TestCasemap;
  let tom: UserClient;
  let fnoCase: string;
  let fnoTask: string;
  let prisonCase: string;
  const tried = { idor: 0, session: 0, csrf: 0, apiKey: 0 };

  beforeAll(async () => {
    casemap = await startTestCasemap();
    const designer = await casemap.as('designer');
    await designer.post('/api/definitions/deploy', { id: 'assessment', xml: assessmentXml }).expect(201);
    await designer.post('/api/definitions/deploy', { id: 'referral', xml: referralXml }).expect(201);
    tom = await casemap.as('tom');
    const started = await tom.post('/api/cases', { definitionId: 'assessment', data: {} }).expect(201);
    fnoCase = started.body.caseId;
    fnoTask = `${fnoCase}:${started.body.next.opened[0].taskId}`;
    prisonCase = (await (await casemap.as('priya')).post('/api/cases', { definitionId: 'referral', data: {} }).expect(201)).body.caseId;
  });
  afterAll(async () => {
    console.log(`access attempts refused and audited: ${JSON.stringify(tried)}`);
    await casemap?.stop();
  });

  function send(attempt: Attempt, auth: Record<string, string>) {
    const agent = supertest(casemap.url);
    const request = attempt.method === 'get' ? agent.get(attempt.path) : attempt.method === 'put' ? agent.put(attempt.path) : agent.post(attempt.path);
    return request.set({ ...auth, ...attempt.headers }).send(attempt.body ?? {});
  }

  /** The targets ("METHOD /path") of the access refusals audited so far, oldest first. */
  async function refusalTargets(): Promise<string[]> {
    return (await listAudit(casemap.db, 100_000))
      .filter((entry) => entry.action === 'access.refused' && entry.outcome === 'refused')
      .map((entry) => String(entry.target))
      .reverse();
  }

  async function stateCounts(): Promise<string> {
    const rows = await casemap.db.query<{ events: number; claimed: number; cancelled: number }>(
      "SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM tasks WHERE status <> 'open') AS claimed, (SELECT count(*)::int FROM cases WHERE status = 'cancelled') AS cancelled",
    );
    return JSON.stringify(rows[0]);
  }

  /** Sends each attempt, expects `status`, and exactly one refusal audited per attempt, naming it. */
  async function expectRefusedAndAudited(attempts: Attempt[], auth: Record<string, string>, status: number[], code?: string): Promise<number> {
    const before = { audit: (await refusalTargets()).length, state: await stateCounts() };
    for (const attempt of attempts) {
      const response = await send(attempt, auth);
      const label = `${attempt.method.toUpperCase()} ${attempt.path} → ${response.status} ${response.body?.code}`;
      expect(status, label).toContain(response.status);
      if (code) expect(response.body.code, label).toBe(code);
    }
    expect((await refusalTargets()).slice(before.audit)).toEqual(attempts.map((attempt) => `${attempt.method.toUpperCase()} ${attempt.path}`));
    expect(await stateCounts()).toBe(before.state);
    return attempts.length;
  }

  const taskPath = (id: string) => `/api/tasks/${encodeURIComponent(id)}`;
  const objectAttempts = (): Attempt[] => [
    { method: 'get', path: `/api/cases/${fnoCase}` },
    { method: 'get', path: `/api/cases/${fnoCase}/events` },
    { method: 'get', path: taskPath(fnoTask) },
    { method: 'post', path: `${taskPath(fnoTask)}/claim` },
    { method: 'post', path: `${taskPath(fnoTask)}/complete`, body: { data: { decision: 'deport' } } },
    { method: 'post', path: `${taskPath(fnoTask)}/return` },
    { method: 'post', path: `${taskPath(fnoTask)}/accept` },
  ];

  it("answers 404 to caseworkers of other teams naming FNO Returns' case and task, and audits each try", async () => {
    for (const username of ['priya', 'bilal', 'rosa']) {
      const user = await casemap.as(username);
      tried.idor += await expectRefusedAndAudited(objectAttempts(), { authorization: `Bearer ${user.token}` }, [404], 'not-found');
    }
    // A lead of FNO Returns cannot cancel or reassign the prison team's case either.
    const lena = await casemap.as('lena');
    tried.idor += await expectRefusedAndAudited([{ method: 'post', path: `/api/cases/${prisonCase}/cancel`, body: { reason: 'Not mine to cancel' } }], { authorization: `Bearer ${lena.token}` }, [404], 'not-found');
    // A caseworker cannot edit or read the drafts of a process definition.
    tried.idor += await expectRefusedAndAudited(
      [
        { method: 'put', path: '/api/definitions/assessment/draft', body: { xml: assessmentXml } },
        { method: 'get', path: '/api/definitions/assessment/draft' },
      ],
      { authorization: `Bearer ${tom.token}` },
      [403],
      'forbidden',
    );
  });

  it('refuses expired, forged and signed-out sessions, and audits each try', async () => {
    const expired = await casemap.as('tom');
    await casemap.db.query("UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = 'tom'");
    const signedOut = await casemap.as('priya');
    await signedOut.post('/api/auth/logout').expect(204);
    const tokens = [expired.token, signedOut.token, randomBytes(32).toString('base64url'), `${tom.token.slice(0, -2)}xx`, 'null', "' OR 1=1 --"];
    for (const token of tokens) {
      const attempts: Attempt[] = [{ method: 'get', path: '/api/me' }, ...objectAttempts().slice(2, 5), { method: 'post', path: '/api/cases', body: { definitionId: 'assessment', data: {} } }];
      tried.session += await expectRefusedAndAudited(attempts, { authorization: `Bearer ${token}` }, [401], 'unauthenticated');
      tried.session += await expectRefusedAndAudited(attempts, { cookie: `casemap_session=${encodeURIComponent(token)}` }, [401], 'unauthenticated');
    }
  });

  it('refuses changes sent with the session cookie but without the right CSRF token, and audits each try', async () => {
    const login = await supertest(casemap.url).post('/api/auth/login').send({ username: 'lena', password: DEMO_PASSWORD }).expect(200);
    const cookie = login.headers['set-cookie']![0]!.split(';')[0]!;
    const attempts: Attempt[] = [
      { method: 'post', path: `${taskPath(fnoTask)}/claim` },
      { method: 'post', path: '/api/cases', body: { definitionId: 'assessment', data: {} } },
      { method: 'post', path: `/api/cases/${fnoCase}/cancel`, body: { reason: 'Forged form post' } },
      { method: 'post', path: `${taskPath(fnoTask)}/claim`, headers: { 'x-csrf-token': 'guessed' } },
      { method: 'post', path: `${taskPath(fnoTask)}/claim`, headers: { 'x-csrf-token': login.body.token } },
    ];
    tried.csrf += await expectRefusedAndAudited(attempts, { cookie }, [403], 'csrf-token-missing');
    // The same cookie with its token is accepted, so the refusals above were about the token alone.
    await supertest(casemap.url).get('/api/me').set({ cookie }).expect(200);
    await supertest(casemap.url).post(`${taskPath(fnoTask)}/claim`).set({ cookie, 'x-csrf-token': login.body.csrfToken }).expect(200);
  });

  it('refuses API keys without the scope, unknown or revoked keys, and keys used as a user, and audits each try', async () => {
    const admin = await casemap.as('admin');
    const reader = (await admin.post('/api/admin/api-keys', { name: 'Tribunal reader', scopes: ['messages:read'] }).expect(201)).body;
    const revoked = (await admin.post('/api/admin/api-keys', { name: 'Old adapter', scopes: ['messages:send'] }).expect(201)).body;
    await supertest(casemap.url).delete(`/api/admin/api-keys/${revoked.id}`).set('Authorization', `Bearer ${admin.token}`).expect((response) => expect(response.status).toBeLessThan(300));
    const message: Attempt = { method: 'post', path: '/api/messages', body: { messageName: 'Appeal lodged', correlationKey: 'X1' } };
    tried.apiKey += await expectRefusedAndAudited([message], { 'x-api-key': reader.key }, [403], 'forbidden');
    tried.apiKey += await expectRefusedAndAudited([message], { authorization: `ApiKey ${reader.key}` }, [403], 'forbidden');
    for (const key of [revoked.key, `cmk_${reader.id}_${randomBytes(24).toString('base64url')}`, 'cmk_000000000000_x']) {
      tried.apiKey += await expectRefusedAndAudited([message], { 'x-api-key': key }, [401], 'unauthenticated');
    }
    // A key is not a user: it opens no inbox, case or admin route.
    const asUser: Attempt[] = [{ method: 'get', path: '/api/tasks' }, { method: 'get', path: `/api/cases/${fnoCase}` }, { method: 'get', path: '/api/admin/audit' }];
    tried.apiKey += await expectRefusedAndAudited(asUser, { 'x-api-key': revoked.key }, [401], 'unauthenticated');
    const audit = await listAudit(casemap.db, 100_000);
    expect(audit.some((entry) => entry.action === 'api-key.use' && entry.outcome === 'refused' && JSON.stringify(entry.detail).includes('missing scope messages:send'))).toBe(true);
  });
});
