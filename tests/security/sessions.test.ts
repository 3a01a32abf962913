// Issue #14, finding 11 (sessions): a session presented at sign-in survived it (a planted cookie
// stayed valid), and a session never went idle. A sign-in now ends the session its request
// presented, and one unused for CASEMAP_SESSION_IDLE_MINUTES is refused and deleted.
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/demo-identities.ts';
import { hashToken } from '../../api/identity/sessions.ts';
import { startTestCasemap, type TestCasemap } from '../support/test-casemap.ts';

describe('session rotation and idle timeout', () => {
  let casemap: TestCasemap;

  beforeAll(async () => {
    casemap = await startTestCasemap({ env: { CASEMAP_SESSION_IDLE_MINUTES: '20' } });
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  const signIn = async (username: string, presenting?: { cookie?: string; bearer?: string }) => {
    const request = supertest(casemap.url).post('/api/auth/login');
    if (presenting?.cookie) request.set('Cookie', `casemap_session=${presenting.cookie}`);
    if (presenting?.bearer) request.set('Authorization', `Bearer ${presenting.bearer}`);
    const reply = await request.send({ username, password: DEMO_PASSWORD }).expect(200);
    return reply.body.token as string;
  };
  const me = (token: string) => supertest(casemap.url).get('/api/me').set('Authorization', `Bearer ${token}`);
  const meByCookie = (token: string) => supertest(casemap.url).get('/api/me').set('Cookie', `casemap_session=${token}`);
  const lastSeen = async (token: string) => (await casemap.db.query<{ last_seen_at: string }>('SELECT last_seen_at FROM sessions WHERE token_hash = $1', [hashToken(token)]))[0]?.last_seen_at;

  it('ends a planted session cookie when its victim signs in, so the planter holds nothing', async () => {
    // The attacker signs in as themselves and plants that cookie in the victim's browser.
    const planted = await signIn('tom');
    const victims = await signIn('lena', { cookie: planted });
    expect((await meByCookie(planted)).status).toBe(401);
    expect((await me(planted)).status).toBe(401);
    expect((await me(victims)).body.id).toBe('lena');
  });

  it('ends the session sent as a bearer token at sign-in, and keeps the user\'s other sessions', async () => {
    const first = await signIn('priya');
    const second = await signIn('priya');
    const rotated = await signIn('priya', { bearer: first });
    expect((await me(first)).status).toBe(401);
    expect((await me(second)).status).toBe(200);
    expect((await me(rotated)).status).toBe(200);
  });

  it('refuses and deletes a session unused for longer than the idle timeout', async () => {
    const token = await signIn('bilal');
    await casemap.db.query("UPDATE sessions SET last_seen_at = now() - interval '21 minutes' WHERE token_hash = $1", [hashToken(token)]);
    const reply = await me(token);
    expect(reply.status).toBe(401);
    expect(reply.body.code).toBe('unauthenticated');
    expect(reply.body.detail).toMatch(/unused for more than 20 minutes/);
    expect(await lastSeen(token)).toBeUndefined();
  });

  it('slides the idle timeout on use, writing the last-seen time at most once a minute', async () => {
    const token = await signIn('rosa');
    await casemap.db.query("UPDATE sessions SET last_seen_at = now() - interval '19 minutes' WHERE token_hash = $1", [hashToken(token)]);
    const stale = await lastSeen(token);
    expect((await me(token)).status).toBe(200);
    const slid = await lastSeen(token);
    expect(Date.parse(slid!)).toBeGreaterThan(Date.parse(stale!) + 18 * 60_000);

    // Used again within the minute: a read, not a write.
    await casemap.db.query("UPDATE sessions SET last_seen_at = now() - interval '30 seconds' WHERE token_hash = $1", [hashToken(token)]);
    const recent = await lastSeen(token);
    expect((await me(token)).status).toBe(200);
    expect(await lastSeen(token)).toBe(recent);
  });

  it('refuses a live session of an account disabled since it signed in, and reads its teams as they are now', async () => {
    const token = await signIn('nico');
    const before = await me(token);
    expect(before.status).toBe(200);
    // The session and its user are read in one statement: a change to either shows on the next request.
    const teams = before.body.teams as string[];
    expect(teams.length).toBeGreaterThan(0);
    await casemap.db.query('DELETE FROM memberships WHERE user_id = $1 AND team_id = $2', ['nico', teams[0]]);
    expect((await me(token)).body.teams).toEqual(teams.slice(1));
    await casemap.db.query('UPDATE users SET disabled = true WHERE id = $1', ['nico']);
    const reply = await me(token);
    expect(reply.status).toBe(401);
    expect(reply.body.detail).toMatch(/no longer active/);
    await casemap.db.query('UPDATE users SET disabled = false WHERE id = $1', ['nico']);
  });

  it('treats a session cookie that is not valid percent-encoding as absent: 401, not 500', async () => {
    for (const cookie of ['casemap_session=%E0%A4%A', 'casemap_session=%', 'casemap_session=%zz; other=1']) {
      const reply = await supertest(casemap.url).get('/api/me').set('Cookie', cookie);
      expect(reply.status, cookie).toBe(401);
      expect(reply.body.code).toBe('unauthenticated');
    }
    // Before sign-in too: the login route never reads a cookie it cannot decode.
    const reply = await supertest(casemap.url).post('/api/auth/login').set('Cookie', 'casemap_session=%E0%A4%A').send({ username: 'nico', password: DEMO_PASSWORD });
    expect(reply.status).toBe(200);
  });
});
