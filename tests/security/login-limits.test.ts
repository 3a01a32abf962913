// Issue #14, finding 3: the per-user sign-in limit was checked before the (slow, async) password
// hash and recorded after it, so 16 parallel guesses got 15×401 + 1×200 and no 429. Attempts are
// now counted atomically before hashing: however many arrive at once, only 5 are checked.
import supertest from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { DEMO_PASSWORD } from '../../demo/demo-identities.ts';
import { startTestCasemap, type TestCasemap } from '../support/test-casemap.ts';

describe('sign-in limits under parallel guessing', () => {
  let casemap: TestCasemap;

  // Each test comes from its own client address, through a trusted proxy on this machine, so the
  // per-address limit (20 a minute) of one test does not refuse the next one's attempts.
  beforeAll(async () => {
    casemap = await startTestCasemap({ env: { CASEMAP_TRUST_PROXY: 'loopback' } });
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  let client = 0;
  let address = '';
  beforeEach(() => {
    client += 1;
    address = `203.0.113.${client}`;
  });
  const signIn = (username: string, password: string) => supertest(casemap.url).post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });

  it('checks exactly 5 of 16 parallel wrong guesses, refuses the other 11 with 429, and then refuses the right password too', async () => {
    const guesses = Array.from({ length: 16 }, (_, i) => `wrong-guess-${i}`);
    // The right password is among the guesses, sent after all of them have been counted.
    const replies = await Promise.all(guesses.map((password) => signIn('tom', password)));
    const statuses = replies.map((reply) => reply.status).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(11);
    for (const reply of replies.filter((r) => r.status === 429)) {
      expect(reply.body.code).toBe('too-many-requests');
      expect(Number(reply.headers['retry-after'])).toBeGreaterThan(0);
    }

    const right = await signIn('tom', DEMO_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body.token).toBeUndefined();
    expect(await casemap.db.query("SELECT 1 FROM sessions WHERE user_id = 'tom'")).toEqual([]);
  });

  it('counts a username in any letter case as the same account', async () => {
    const replies = await Promise.all(['LENA', 'Lena', 'lena', 'lEnA', 'LeNa', 'leNA'].map((username) => signIn(username, 'not-it')));
    expect(replies.map((reply) => reply.status).sort()).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await signIn('lena', DEMO_PASSWORD)).status).toBe(429);
  });

  it('lets a user with fewer failures than the limit sign in, and clears their count', async () => {
    for (let i = 0; i < 4; i++) expect((await signIn('priya', `wrong-${i}`)).status).toBe(401);
    expect((await signIn('priya', DEMO_PASSWORD)).status).toBe(200);
    const [count] = await casemap.db.query<{ n: number }>("SELECT count(*)::int AS n FROM login_attempts WHERE key = 'user:priya'");
    expect(count!.n).toBe(0);
    for (let i = 0; i < 5; i++) expect((await signIn('priya', `wrong-again-${i}`)).status).toBe(401);
    expect((await signIn('priya', DEMO_PASSWORD)).status).toBe(429);
  });

  it('stops guesses spread over two API apps sharing the database at 5 as well', async () => {
    // A second Casemap API on the same database, as docker-compose scales the API: the count is
    // in the database, not in an app's memory, so guesses spread over both still stop at 5.
    const other = createApp({ db: casemap.db, client: casemap.client, taskQueue: casemap.taskQueue, trustProxy: 'loopback' });
    const spread = await Promise.all(
      Array.from({ length: 8 }, (_, i) => supertest(i % 2 === 0 ? casemap.url : other).post('/api/auth/login').set('X-Forwarded-For', address).send({ username: 'rosa', password: `wrong-${i}` })),
    );
    expect(spread.map((reply) => reply.status).sort()).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  });
});
