// Issue #14, finding 4: `trust proxy` believed X-Forwarded-For from any direct client, so a new
// forged address reset the per-address sign-in limit and went into the audit log. It is now off
// unless CASEMAP_TRUST_PROXY names the proxies to believe.
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { readConfig } from '../../runtime/config.ts';
import { startTestCasemap, type TestCasemap } from '../support/test-casemap.ts';

const forged = (i: number) => `198.51.100.${i}`;

describe('a forged X-Forwarded-For from a direct client', () => {
  let casemap: TestCasemap;

  beforeAll(async () => {
    casemap = await startTestCasemap();
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  const loginSources = async () => (await casemap.db.query<{ source: string | null }>("SELECT DISTINCT source FROM audit WHERE action = 'login'")).map((row) => row.source);

  it('neither resets the per-address limit nor reaches the audit log', async () => {
    // Password spraying: one wrong guess at each of 20 usernames, each with a new forged address.
    for (let i = 1; i <= 20; i++) {
      const reply = await supertest(casemap.url).post('/api/auth/login').set('X-Forwarded-For', forged(i)).send({ username: `sprayed-${i}`, password: 'Winter2026!' });
      expect(reply.status).toBe(401);
    }
    const next = await supertest(casemap.url).post('/api/auth/login').set('X-Forwarded-For', forged(21)).send({ username: 'sprayed-21', password: 'Winter2026!' });
    expect(next.status).toBe(429);
    expect(next.body.code).toBe('too-many-requests');

    const sources = await loginSources();
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
    const addressKeys = (await casemap.db.query<{ key: string }>('SELECT key FROM login_attempts WHERE key LIKE $1', ['address:%'])).map((row) => row.key);
    expect(addressKeys.some((key) => key.includes('198.51.100.'))).toBe(false);
  });

  it('is believed only from a proxy CASEMAP_TRUST_PROXY names', async () => {
    // The same database behind a trusted proxy on this machine (supertest connects over loopback).
    const behindProxy = createApp({ db: casemap.db, client: casemap.client, taskQueue: casemap.taskQueue, trustProxy: 'loopback' });
    const reply = await supertest(behindProxy).post('/api/auth/login').set('X-Forwarded-For', '192.0.2.77').send({ username: 'proxied-guess', password: 'not-it' });
    expect(reply.status).toBe(401);
    expect(await loginSources()).toContain('192.0.2.77');
  });

  it('reads CASEMAP_TRUST_PROXY as off by default, a hop count or a list, and refuses anything else', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ CASEMAP_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(readConfig({ CASEMAP_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(readConfig({ CASEMAP_TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::1' }).trustProxy).toBe('loopback, 10.0.0.0/8, fd00::1');
    expect(() => readConfig({ CASEMAP_TRUST_PROXY: 'everyone' })).toThrow(/CASEMAP_TRUST_PROXY/);
    expect(() => readConfig({ CASEMAP_TRUST_PROXY: '10.0.0.0/8/1' })).toThrow(/CASEMAP_TRUST_PROXY/);
  });
});
