// OpenID Connect sign-in end to end. The identity provider is outside Casemap, so a real one runs
// in the test process as its stand-in: oidc-provider (a certified OpenID Provider) on a free port,
// with a test client and its development login and consent pages, which the test drives over HTTP
// as a browser would (following redirects, keeping each site's cookies, submitting the forms).
import Provider from 'oidc-provider';
import type { Server } from 'node:http';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCasemapApp } from '../../api/app.ts';
import { freePort } from '../../runtime/free-port.ts';
import { startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const CLIENT_SECRET = 'a-test-client-secret-that-is-long-enough';

/** The people the provider knows, and the claims it vouches for (changed by the tests). */
const accounts: Record<string, { preferred_username: string; name: string; roles: string[]; groups: string[] }> = {
  olivia: { preferred_username: 'olivia.sso', name: 'Olivia Okafor', roles: ['casemap-leads'], groups: ['fno-returns-leads', 'ghost-unit'] },
  mallory: { preferred_username: 'mallory.sso', name: 'Mallory', roles: ['casemap-caseworkers'], groups: ['fno-returns-staff'] },
  nadia: { preferred_username: 'nadia.sso', name: 'Nadia (no Casemap role)', roles: ['payroll'], groups: ['fno-returns-staff'] },
};

/** A browser stand-in: one cookie jar per site (host and port), redirects followed one at a time. */
class Browser {
  private jars = new Map<string, Map<string, string>>();

  cookie(url: string, name: string): string | undefined {
    return this.jars.get(new URL(url).host)?.get(name);
  }

  async request(url: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Response> {
    const jar = this.jars.get(new URL(url).host) ?? new Map<string, string>();
    this.jars.set(new URL(url).host, jar);
    const headers: Record<string, string> = { ...init.headers, cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') };
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, { method: init.method ?? 'GET', headers, body: init.form ? new URLSearchParams(init.form).toString() : undefined, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const [name = '', ...value] = pair.split('=');
      const expired = attributes.some((attribute) => /^max-age=0$/i.test(attribute) || (/^expires=/i.test(attribute) && Date.parse(attribute.slice(8)) < Date.now()));
      if (expired) jar.delete(name);
      else jar.set(name, value.join('='));
    }
    return response;
  }
}

function formOf(html: string, baseUrl: string, login: string): { action: string; fields: Record<string, string> } {
  const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
  if (!action) throw new Error(`No form on the provider's page:\n${html.slice(0, 500)}`);
  const fields: Record<string, string> = {};
  for (const input of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*>/g)) fields[input[1]!] = input[0].match(/value="([^"]*)"/)?.[1] ?? '';
  if ('login' in fields) Object.assign(fields, { login, password: 'any password the development login accepts' });
  return { action: new URL(action.replace(/&amp;/g, '&'), baseUrl).href, fields };
}

describe('signing in with OpenID Connect', () => {
  let provider: Server;
  let casemap: TestCasemap;
  let admin: UserClient;
  let callbackUrl: string;

  beforeAll(async () => {
    const [providerPort, casemapPort] = [await freePort(), await freePort()];
    const issuer = `http://localhost:${providerPort}`;
    callbackUrl = `http://127.0.0.1:${casemapPort}/api/auth/oidc/callback`;
    const oidcProvider = new Provider(issuer, {
      clients: [{ client_id: 'casemap', client_secret: CLIENT_SECRET, redirect_uris: [callbackUrl], grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' }],
      claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'roles', 'groups'] },
      findAccount: async (_ctx, id) => (accounts[id] ? { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) } : undefined),
      cookies: { keys: ['oidc-test-cookie-key'] },
      features: { devInteractions: { enabled: true } },
    });
    provider = oidcProvider.listen(providerPort);
    casemap = await startTestCasemap({
      env: {
        PORT: String(casemapPort),
        CASEMAP_OIDC_ISSUER: issuer,
        CASEMAP_OIDC_CLIENT_ID: 'casemap',
        CASEMAP_OIDC_CLIENT_SECRET: CLIENT_SECRET,
        CASEMAP_OIDC_REDIRECT_URL: callbackUrl,
        CASEMAP_OIDC_PROVIDER_NAME: 'Home Office SSO',
        CASEMAP_OIDC_ROLE_MAP: JSON.stringify({ 'casemap-caseworkers': 'caseworker', 'casemap-leads': ['team-lead', 'caseworker'] }),
        CASEMAP_OIDC_TEAM_MAP: JSON.stringify({ 'fno-returns-staff': 'fno-returns', 'fno-returns-leads': { team: 'fno-returns', lead: true }, 'ghost-unit': 'no-such-team' }),
      },
    });
    admin = await casemap.as('admin');
  });
  afterAll(async () => {
    await casemap?.stop();
    await new Promise((resolve) => provider?.close(resolve));
  });

  /**
   * Starts at Casemap's login route and walks through the provider's pages until the provider
   * sends the browser back; returns that way back (the callback URL) without following it.
   * `tamper` may change the request sent to the provider.
   */
  async function reachCallback(browser: Browser, accountId: string, tamper?: (authorization: URL) => void): Promise<URL> {
    const start = await browser.request(`${casemap.url}/api/auth/oidc/login`);
    expect(start.status).toBe(302);
    const authorization = new URL(start.headers.get('location')!);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('state')).toBeTruthy();
    expect(authorization.searchParams.get('nonce')).toBeTruthy();
    tamper?.(authorization);
    let next: { url: string; form?: Record<string, string> } = { url: authorization.href };
    for (let step = 0; step < 12; step += 1) {
      if (next.url.startsWith(callbackUrl)) return new URL(next.url);
      const response = await browser.request(next.url, next.form ? { method: 'POST', form: next.form } : {});
      if (response.status >= 300 && response.status < 400) {
        next = { url: new URL(response.headers.get('location')!, next.url).href };
        continue;
      }
      const page = await response.text();
      if (response.status !== 200) throw new Error(`The provider answered ${response.status} at ${next.url}: ${page.slice(0, 500)}`);
      const form = formOf(page, next.url, accountId);
      next = { url: form.action, form: form.fields };
    }
    throw new Error('The provider never sent the browser back to Casemap');
  }

  async function signIn(browser: Browser, accountId: string, tamper?: (authorization: URL) => void): Promise<Response> {
    return browser.request((await reachCallback(browser, accountId, tamper)).href);
  }

  async function counts(): Promise<{ oidcUsers: number; sessions: number }> {
    const [row] = await casemap.db.query<{ oidcUsers: number; sessions: number }>(`SELECT (SELECT count(*)::int FROM users WHERE id LIKE 'oidc:%') AS "oidcUsers", (SELECT count(*)::int FROM sessions) AS sessions`);
    return row!;
  }

  async function loginAudit(): Promise<{ actor: string | null; outcome: string; detail: Record<string, unknown> }[]> {
    const audit = await admin.get('/api/admin/audit?limit=1000').expect(200);
    return audit.body.items.filter((entry: { action: string; detail: { method?: string } }) => entry.action === 'login' && entry.detail?.method === 'oidc');
  }

  it('tells the sign-in page that OpenID Connect is on, and documents both routes', async () => {
    const methods = await supertest(casemap.url).get('/api/auth/methods').expect(200);
    expect(methods.body).toEqual({ password: true, oidc: { providerName: 'Home Office SSO', loginUrl: '/api/auth/oidc/login' } });
    const document = (await supertest(casemap.url).get('/api/openapi.json').expect(200)).body;
    expect(document.paths['/api/auth/oidc/login'].get.security).toEqual([]);
    expect(document.paths['/api/auth/oidc/callback'].get.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(['code', 'state']));
  });

  it('creates the user from the claims, starts a cookie session that works, and audits the sign-in', async () => {
    const browser = new Browser();
    const back = await signIn(browser, 'olivia');
    expect(back.status, await back.clone().text()).toBe(302);
    expect(back.headers.get('location')).toBe('/');
    const csrf = browser.cookie(casemap.url, 'casemap_csrf');
    expect(browser.cookie(casemap.url, 'casemap_session')).toBeTruthy();
    expect(csrf).toBeTruthy();
    expect(back.headers.getSetCookie().find((line) => line.startsWith('casemap_session='))).toMatch(/HttpOnly/i);

    const me = await browser.request(`${casemap.url}/api/me`);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: 'oidc:olivia', username: 'olivia.sso', displayName: 'Olivia Okafor', teams: ['fno-returns'], leadOf: ['fno-returns'] });
    const user = await (await browser.request(`${casemap.url}/api/me`)).json();
    expect([...user.roles].sort()).toEqual(['caseworker', 'team-lead']);
    // The same session a password sign-in gives: role-checked routes work, changes need the CSRF token.
    expect((await browser.request(`${casemap.url}/api/tasks?view=team`)).status).toBeLessThan(400);
    expect((await browser.request(`${casemap.url}/api/auth/logout`, { method: 'POST' })).status).toBe(403);

    const audit = await loginAudit();
    expect(audit.find((entry) => entry.actor === 'oidc:olivia' && entry.outcome === 'ok')?.detail).toMatchObject({ created: true, unknownTeams: ['no-such-team'] });

    expect((await browser.request(`${casemap.url}/api/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': csrf! } })).status).toBe(204);
    expect((await browser.request(`${casemap.url}/api/me`)).status).toBe(401);
  });

  it("updates the user's roles and teams from the claims at the next sign-in", async () => {
    accounts.olivia = { ...accounts.olivia!, roles: ['casemap-caseworkers'], groups: ['fno-returns-staff'] };
    const browser = new Browser();
    expect((await signIn(browser, 'olivia')).status).toBe(302);
    const me = await (await browser.request(`${casemap.url}/api/me`)).json();
    expect(me).toMatchObject({ id: 'oidc:olivia', roles: ['caseworker'], teams: ['fno-returns'], leadOf: [] });
    expect((await casemap.db.query(`SELECT id FROM users WHERE id = 'oidc:olivia'`)).length).toBe(1);
  });

  it('refuses an answer whose state does not match the sign-in this browser started, and creates nothing', async () => {
    const before = await counts();
    const browser = new Browser();
    const callback = await reachCallback(browser, 'mallory');
    callback.searchParams.set('state', 'forged-state');
    const back = await browser.request(callback.href);
    expect(back.status).toBe(400);
    const problem = await back.json();
    expect(problem).toMatchObject({ code: 'invalid-request', issues: [{ field: 'query.state' }] });
    expect(back.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await counts()).toEqual(before);
    expect((await loginAudit()).some((entry) => entry.outcome === 'refused' && String(entry.detail.reason).includes('does not belong'))).toBe(true);
  });

  it('refuses an ID token whose nonce is not the one this sign-in sent, and creates nothing', async () => {
    const before = await counts();
    const back = await signIn(new Browser(), 'mallory', (authorization) => authorization.searchParams.set('nonce', 'a-nonce-from-another-sign-in'));
    expect(back.status).toBe(401);
    expect((await back.json()).code).toBe('unauthenticated');
    expect(await counts()).toEqual(before);
    expect((await loginAudit()).some((entry) => entry.outcome === 'refused' && /nonce/i.test(String(entry.detail.reason)))).toBe(true);
  });

  it('refuses a way back carried to another browser (which started no sign-in), and creates nothing', async () => {
    const before = await counts();
    const callback = await reachCallback(new Browser(), 'mallory');
    const back = await new Browser().request(callback.href);
    expect(back.status).toBe(400);
    expect((await back.json()).detail).toMatch(/No sign-in with Home Office SSO was started in this browser/);
    expect(await counts()).toEqual(before);
  });

  it('refuses someone the provider knows but who has no Casemap role, and creates nothing', async () => {
    const before = await counts();
    const back = await signIn(new Browser(), 'nadia');
    expect(back.status).toBe(403);
    expect((await back.json()).detail).toMatch(/no Casemap role is mapped from your roles \(payroll\)/);
    expect(await counts()).toEqual(before);
  });

  it('answers 404 on both routes when OpenID Connect is not configured', async () => {
    const { app } = createCasemapApp({ db: casemap.db, client: casemap.client, taskQueue: casemap.taskQueue });
    const login = await supertest(app).get('/api/auth/oidc/login').expect(404);
    expect(login.body.detail).toMatch(/not configured/);
    await supertest(app).get('/api/auth/oidc/callback?code=x&state=y').expect(404);
    expect((await supertest(app).get('/api/auth/methods').expect(200)).body.oidc).toBeNull();
  });

  it('answers 502 and sets no cookie when the provider cannot be reached', async () => {
    const closedPort = await freePort();
    const settings = { issuer: `http://127.0.0.1:${closedPort}`, clientId: 'casemap', redirectUrl: callbackUrl, providerName: 'Home Office SSO', scopes: 'openid', rolesClaim: 'roles', teamsClaim: 'groups' };
    const { app } = createCasemapApp({ db: casemap.db, client: casemap.client, taskQueue: casemap.taskQueue, oidc: settings });
    const login = await supertest(app).get('/api/auth/oidc/login').expect(502);
    expect(login.body).toMatchObject({ code: 'identity-provider-unavailable', detail: expect.stringMatching(/Home Office SSO .* cannot be reached/) });
    expect(login.headers['set-cookie']).toBeUndefined();
  });
});
