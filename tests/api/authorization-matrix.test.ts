// Every route × every role × own/foreign object, with the expected answer taken from the access
// policy (api/access/access-rules.ts), not from the route code: a route without a rule, a rule no
// route uses, or a rule the server does not enforce fails here. Beyond the roles, the attacks an
// outsider tried: another team's case, a past team's case, a lead of another team.
import { readFileSync } from 'node:fs';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from '../../api/routes/route.ts';
import { accessRules, type AccessRuleId, type Caller } from '../../api/access/access-rules.ts';
import { startTestCasemap, eventually, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const assessmentXml = readFileSync(new URL('../fixtures/one-lane-assessment.bpmn', import.meta.url), 'utf8');
const referralXml = readFileSync(new URL('../fixtures/two-lane-referral.bpmn', import.meta.url), 'utf8');

/** One user per role; tom, lena (lead) and the "own" case are all FNO Returns. */
const userOfRole = { admin: 'admin', designer: 'designer', analyst: 'analyst', caseworker: 'tom', 'team-lead': 'lena' } as const;
type RoleName = keyof typeof userOfRole;
/** The roles each demo user holds (lena is caseworker and lead, as leads are in the demo data). */
const rolesOf: Record<RoleName, string[]> = { admin: ['admin'], designer: ['designer'], analyst: ['analyst'], caseworker: ['caseworker'], 'team-lead': ['team-lead', 'caseworker'] };

/** What the policy says about a caller, independent of how the route table enforces it. */
function callerAllows(caller: Caller, roles: string[]): boolean {
  if (caller.kind === 'public' || caller.kind === 'signed-in') return true;
  if (caller.kind === 'api-key') return false;
  return roles.includes('admin') || caller.roles.some((needed) => roles.includes(needed));
}

const ruleOfRoute = (route: RegisteredRoute) => accessRules[route.spec.rule as AccessRuleId];
const label = (route: RegisteredRoute) => `${route.spec.method.toUpperCase()} ${route.spec.path}`;

describe('authorisation matrix', () => {
  let casemap: TestCasemap;
  const clients = {} as Record<RoleName, UserClient>;
  let priya: UserClient;
  let nico: UserClient;
  let own: Record<string, string>;
  let foreign: Record<string, string>;
  let handedOn: { caseId: string; taskId: string };

  beforeAll(async () => {
    casemap = await startTestCasemap();
    for (const role of Object.keys(userOfRole) as RoleName[]) clients[role] = await casemap.as(userOfRole[role]);
    priya = await casemap.as('priya');
    nico = await casemap.as('nico');
    await clients.designer.post('/api/definitions/deploy', { id: 'assessment', xml: assessmentXml }).expect(201);
    await clients.designer.post('/api/definitions/deploy', { id: 'referral', xml: referralXml }).expect(201);
    const ownCase = await clients.caseworker.post('/api/cases', { definitionId: 'assessment', data: {} }).expect(201);
    const foreignCase = await priya.post('/api/cases', { definitionId: 'referral', data: {} }).expect(201);
    own = { caseId: ownCase.body.caseId, taskId: `${ownCase.body.caseId}:${ownCase.body.next.opened[0].taskId}`, id: 'assessment', version: '1' };
    foreign = { caseId: foreignCase.body.caseId, taskId: `${foreignCase.body.caseId}:${foreignCase.body.next.opened[0].taskId}`, id: 'referral', version: '1' };
    // A referral priya's team worked and handed on to FNO Returns: priya's team is now a past team.
    const passed = await priya.post('/api/cases', { definitionId: 'referral', data: {} }).expect(201);
    const referTask = `${passed.body.caseId}:${passed.body.next.opened[0].taskId}`;
    await priya.post(`/api/tasks/${referTask}/claim`).expect(200);
    const completed = await priya.post(`/api/tasks/${referTask}/complete`, { data: { prisonNumber: 'A1234BC', sentenceMonths: 30 } }).expect(200);
    handedOn = { caseId: passed.body.caseId, taskId: `${passed.body.caseId}:${completed.body.next.opened[0].taskId}` };
    await eventually(
      () => clients.admin.get(`/api/cases/${handedOn.caseId}`),
      (response) => response.body.case?.ownerTeam === 'fno-returns',
    );
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  const fill = (path: string, values: Record<string, string>) => `/api${path.replace(/:([A-Za-z]+)/g, (_m, name: string) => encodeURIComponent(path.startsWith('/admin/api-keys') ? '000000000000' : (values[name] ?? 'x')))}`;

  /** Valid bodies, so object checks are reached (an invalid body is refused before any lookup). */
  const validBody: Record<string, object> = {
    '/cases': { definitionId: 'assessment', data: {} },
    '/cases/:caseId/cancel': { reason: 'Matrix test' },
    '/tasks/:taskId/complete': { data: { decision: 'deport' } },
    '/tasks/:taskId/reassign': { toUser: 'tom' },
  };

  function call(route: RegisteredRoute, client: UserClient | undefined, values: Record<string, string>, body = validBody[route.spec.path]) {
    const url = fill(route.spec.path, values);
    const agent = supertest(casemap.url);
    const request = route.spec.method === 'get' ? agent.get(url) : route.spec.method === 'post' ? agent.post(url) : route.spec.method === 'put' ? agent.put(url) : agent.delete(url);
    return (client ? request.set('Authorization', `Bearer ${client.token}`) : request).send(body ?? {});
  }

  const routes = () => casemap.routes!.routes;
  const objectRoutes = () => routes().filter((route) => /:caseId|:taskId/.test(route.spec.path));

  it('names a policy rule on every route, guards every case or task route with a case or task rule, and leaves no rule unused', () => {
    expect(routes().length).toBeGreaterThan(30);
    for (const route of routes()) expect(ruleOfRoute(route), `${label(route)} names rule ${route.spec.rule}`).toBeDefined();
    for (const route of objectRoutes()) expect(['case', 'task'], label(route)).toContain(ruleOfRoute(route).objects);
    const used = new Set(routes().map((route) => route.spec.rule));
    expect(Object.keys(accessRules).filter((id) => !used.has(id as AccessRuleId))).toEqual([]);
  });

  it('refuses every non-public route without credentials', async () => {
    for (const route of routes().filter((r) => ruleOfRoute(r).caller.kind !== 'public')) {
      const response = await call(route, undefined, own);
      expect(response.status, label(route)).toBe(401);
    }
  });

  it("lets each role call exactly the routes the policy's caller rules allow", async () => {
    const refusedByRole = new Set([401, 403]);
    for (const role of Object.keys(userOfRole) as RoleName[]) {
      for (const route of routes().filter((r) => r.spec.path !== '/auth/logout' && r.spec.path !== '/auth/login')) {
        const response = await call(route, clients[role], own);
        const seen = `${role} ${label(route)} → ${response.status} ${response.body?.code ?? ''}`;
        expect(refusedByRole.has(response.status), seen).toBe(!callerAllows(ruleOfRoute(route).caller, rolesOf[role]));
        expect(response.status, seen).toBeLessThan(500);
      }
    }
  });

  it("answers 404 to a caseworker or lead naming another team's case or task, and changes nothing", async () => {
    expect(objectRoutes().length).toBeGreaterThan(8);
    const before = await casemap.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    for (const role of ['caseworker', 'team-lead'] as const) {
      for (const route of objectRoutes().filter((r) => callerAllows(ruleOfRoute(r).caller, rolesOf[role]))) {
        const response = await call(route, clients[role], foreign);
        expect(response.status, `${role} ${label(route)} on another team's object`).toBe(404);
      }
    }
    const after = await casemap.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('answers 404 to a lead of another team on every case and task route of a case they have no part in', async () => {
    for (const route of objectRoutes()) {
      const response = await call(route, nico, own);
      expect(response.status, `nico ${label(route)}`).toBe(404);
    }
  });

  it("gives a past team only a summary of a case it handed on, and no task or change of it", async () => {
    const page = await priya.get(`/api/cases/${handedOn.caseId}`).expect(200);
    expect(page.body.access).toBe('summary');
    expect(page.body.case.data).toEqual({});
    expect(page.body.live).toBeNull();
    expect(page.body.tasks.map((task: { team: string }) => task.team)).toEqual(['prison-casework']);
    expect(page.body.timeline.every((event: { team: string | null }) => event.team === 'prison-casework')).toBe(true);
    const ownerView = await clients.caseworker.get(`/api/cases/${handedOn.caseId}`).expect(200);
    expect(ownerView.body.access).toBe('full');
    expect(ownerView.body.tasks.map((task: { team: string }) => task.team).sort()).toEqual(['fno-returns', 'prison-casework']);
    const taskRoutes = routes().filter((route) => route.spec.path.includes(':taskId') && callerAllows(ruleOfRoute(route).caller, ['caseworker']));
    for (const route of taskRoutes) expect((await call(route, priya, { taskId: handedOn.taskId })).status, `priya ${label(route)} on the next team's task`).toBe(404);
    const search = await priya.get(`/api/cases?data=prisonNumber:eq:A1234BC`).expect(200);
    expect(search.body.items.map((item: { id: string }) => item.id)).not.toContain(handedOn.caseId);
  });

  it("refuses a start of another team's process with 403 and starts nothing", async () => {
    const before = await casemap.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    const processRoutes = routes().filter((route) => ruleOfRoute(route).objects === 'process');
    expect(processRoutes.map(label)).toEqual(['POST /cases']);
    for (const client of [clients.caseworker, clients['team-lead'], nico]) {
      const response = await call(processRoutes[0]!, client, {}, { definitionId: 'referral', data: {} });
      expect(response.status).toBe(403);
    }
    const after = await casemap.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('audits refused task actions', async () => {
    const audit = await clients.admin.get('/api/admin/audit?limit=1000').expect(200);
    expect(audit.body.items.some((entry: { action: string; outcome: string }) => entry.action.startsWith('task.') && entry.outcome === 'refused')).toBe(true);
  });
});
