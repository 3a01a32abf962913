// Every route × every role × own/other team, generated from the route table: a route added
// without an access rule, or a rule the server does not enforce, fails here.
import { readFileSync } from 'node:fs';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from '../../api/routes/route.ts';
import { startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const assessmentXml = readFileSync(new URL('../fixtures/one-lane-assessment.bpmn', import.meta.url), 'utf8');
const referralXml = readFileSync(new URL('../fixtures/two-lane-referral.bpmn', import.meta.url), 'utf8');

/** One user per role, all in (or leading) the FNO Returns team where the "own" case lives. */
const userOfRole = { admin: 'admin', designer: 'designer', analyst: 'analyst', caseworker: 'tom', 'team-lead': 'lena' } as const;
type RoleName = keyof typeof userOfRole;

function allowed(route: RegisteredRoute, role: RoleName): boolean {
  const access = route.spec.access;
  if (access.kind === 'public' || access.kind === 'signed-in') return true;
  if (access.kind === 'api-key') return false;
  if (role === 'admin') return true;
  // lena is both caseworker and team lead, as team leads are in the demo data.
  const roles: string[] = role === 'team-lead' ? ['team-lead', 'caseworker'] : [role];
  return access.roles.some((needed) => roles.includes(needed));
}

describe('authorisation matrix', () => {
  let casemap: TestCasemap;
  const clients = {} as Record<RoleName, UserClient>;
  let own: Record<string, string>;
  let other: Record<string, string>;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    for (const role of Object.keys(userOfRole) as RoleName[]) clients[role] = await casemap.as(userOfRole[role]);
    await clients.designer.post('/api/definitions/deploy', { id: 'assessment', xml: assessmentXml }).expect(201);
    await clients.designer.post('/api/definitions/deploy', { id: 'referral', xml: referralXml }).expect(201);
    const ownCase = await clients.caseworker.post('/api/cases', { definitionId: 'assessment', data: {} }).expect(201);
    const priya = await casemap.as('priya');
    const otherCase = await priya.post('/api/cases', { definitionId: 'referral', data: {} }).expect(201);
    own = { caseId: ownCase.body.caseId, taskId: `${ownCase.body.caseId}:${ownCase.body.next.opened[0].taskId}`, id: 'assessment', version: '1' };
    other = { caseId: otherCase.body.caseId, taskId: `${otherCase.body.caseId}:${otherCase.body.next.opened[0].taskId}`, id: 'referral', version: '1' };
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  const fill = (path: string, values: Record<string, string>) => `/api${path.replace(/:([A-Za-z]+)/g, (_m, name: string) => encodeURIComponent(path.startsWith('/admin/api-keys') ? '000000000000' : (values[name] ?? 'x')))}`;

  /** Valid bodies, so object checks are reached (an invalid body is refused before any lookup). */
  const validBody: Record<string, object> = {
    '/cases/:caseId/cancel': { reason: 'Matrix test' },
    '/tasks/:taskId/complete': { data: { decision: 'deport' } },
    '/tasks/:taskId/reassign': { toUser: 'tom' },
  };

  function call(route: RegisteredRoute, client: UserClient | undefined, values: Record<string, string>) {
    const url = fill(route.spec.path, values);
    const agent = supertest(casemap.url);
    const request = route.spec.method === 'get' ? agent.get(url) : route.spec.method === 'post' ? agent.post(url) : route.spec.method === 'put' ? agent.put(url) : agent.delete(url);
    return (client ? request.set('Authorization', `Bearer ${client.token}`) : request).send(validBody[route.spec.path] ?? {});
  }

  it('declares an access rule on every route, and an object rule on every route that names a case or task', () => {
    const routes = casemap.routes!.routes;
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      expect(route.spec.access, `${route.spec.method} ${route.spec.path}`).toBeDefined();
      if (/:caseId|:taskId/.test(route.spec.path)) expect(route.spec.objectRule, `${route.spec.method} ${route.spec.path}`).toBeTruthy();
    }
  });

  it('refuses every non-public route without credentials', async () => {
    for (const route of casemap.routes!.routes.filter((r) => r.spec.access.kind !== 'public')) {
      const response = await call(route, undefined, own);
      expect([401], `${route.spec.method} ${route.spec.path}`).toContain(response.status);
    }
  });

  it('lets each role call exactly the routes its rules allow', async () => {
    const routes = casemap.routes!.routes.filter((route) => route.spec.path !== '/auth/logout' && route.spec.path !== '/auth/login');
    const refusedByRole = new Set([401, 403]);
    for (const role of Object.keys(userOfRole) as RoleName[]) {
      for (const route of routes) {
        const response = await call(route, clients[role], own);
        const label = `${role} ${route.spec.method.toUpperCase()} ${route.spec.path} → ${response.status} ${response.body?.code ?? ''}`;
        if (allowed(route, role)) expect(refusedByRole.has(response.status), label).toBe(false);
        else expect(refusedByRole.has(response.status), label).toBe(true);
        expect(response.status, label).toBeLessThan(500);
      }
    }
  });

  it("answers 404 to a caseworker or lead naming another team's case or task, and changes nothing", async () => {
    const objectRoutes = casemap.routes!.routes.filter((route) => /:caseId|:taskId/.test(route.spec.path));
    expect(objectRoutes.length).toBeGreaterThan(5);
    const before = await casemap.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    for (const role of ['caseworker', 'team-lead'] as const) {
      for (const route of objectRoutes) {
        if (!allowed(route, role)) continue;
        const response = await call(route, clients[role], other);
        expect(response.status, `${role} ${route.spec.method.toUpperCase()} ${route.spec.path} on another team's object`).toBe(404);
      }
    }
    const after = await casemap.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('audits refused task actions', async () => {
    const audit = await clients.admin.get('/api/admin/audit?limit=1000').expect(200);
    expect(audit.body.items.some((entry: { action: string; outcome: string }) => entry.action.startsWith('task.') && entry.outcome === 'refused')).toBe(true);
  });
});
