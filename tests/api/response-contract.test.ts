// The route table's response schemas against real answers: every route that answers with JSON
// declares a schema from domain/contract, and a flow through every such route (run with
// CASEMAP_CHECK_RESPONSES on, as all integration tests are) finds no body that strays from it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from '../../api/routes/route.ts';
import { checkedRoutes, responseViolations } from '../../api/routes/response-check.ts';
import { readSample } from '../../runtime/sample-library.ts';
import { startTestCasemap, eventually, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const library = (id: string) => readSample(fileURLToPath(new URL('../../processes', import.meta.url)), id);
const label = (route: RegisteredRoute) => `${route.spec.method} ${route.spec.path}`;

/** A route may leave out a response schema only when it sends no JSON body: 204, or a download/redirect named by `produces`. */
function bodyless(route: RegisteredRoute): boolean {
  return route.spec.successStatus === 204 || route.spec.produces !== undefined;
}

describe('response contract', () => {
  let casemap: TestCasemap;
  let admin: UserClient, designer: UserClient, analyst: UserClient, tom: UserClient, lena: UserClient, priya: UserClient;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    [admin, designer, analyst, tom, lena, priya] = await Promise.all([casemap.as('admin'), casemap.as('designer'), casemap.as('analyst'), casemap.as('tom'), casemap.as('lena'), casemap.as('priya')]);
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  const routes = () => casemap.routes!.routes;

  it('declares a response schema on every route that answers with a JSON body', () => {
    const missing = routes().filter((route) => !route.spec.response && !bodyless(route)).map(label);
    expect(missing).toEqual([]);
  });

  it('declares a params schema naming every path parameter', () => {
    for (const route of routes()) {
      const names = [...route.spec.path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]!);
      if (names.length === 0) continue;
      const shape = (route.spec.params as unknown as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
      expect(Object.keys(shape).sort(), label(route)).toEqual(names.sort());
    }
  });

  it('answers every JSON route with a body that matches its declared schema', async () => {
    const as = (client: UserClient) => ({
      get: (path: string) => client.get(path).expect((response) => expect(response.status, `GET ${path}: ${JSON.stringify(response.body)}`).toBeLessThan(300)),
      post: (path: string, body?: object) => client.post(path, body).expect((response) => expect(response.status, `POST ${path}: ${JSON.stringify(response.body)}`).toBeLessThan(300)),
    });
    const http = supertest(casemap.url);
    await http.get('/api/health').expect(200);
    await http.get('/api/auth/methods').expect(200);
    await http.get('/api/openapi.json').expect(200);
    await as(tom).get('/api/me');
    await as(tom).get('/api/teams');

    // Definitions: check, deploy (the demo library, so the duplication report has clusters), drafts, versions, diff.
    await as(designer).post('/api/definitions/check', { xml: fixture('one-lane-assessment.bpmn') });
    await as(designer).post('/api/definitions/deploy', { id: 'assessment', xml: fixture('one-lane-assessment.bpmn') });
    await as(designer).post('/api/definitions/deploy', { id: 'assessment', xml: fixture('one-lane-assessment.bpmn').replace('name="', 'name="Renamed ') });
    await as(designer).post('/api/definitions/deploy', { id: 'referral', xml: fixture('two-lane-referral.bpmn') });
    await as(designer).post('/api/definitions/deploy', { id: 'fno-returns', ...(await library('fno-returns-casework')) });
    await as(designer).post('/api/definitions/deploy', { id: 'removals', ...(await library('removals-logistics')) });
    await supertest(casemap.url).put('/api/definitions/assessment/draft').set('Authorization', `Bearer ${designer.token}`).send({ name: 'Assessment', xml: fixture('one-lane-assessment.bpmn') }).expect(200);
    await as(designer).get('/api/definitions/assessment/draft');
    await as(designer).get('/api/definitions');
    await as(designer).get('/api/definitions/assessment/versions');
    await as(designer).get('/api/definitions/assessment/versions/1');
    await as(designer).get('/api/definitions/assessment/diff?from=1&to=2');

    // Cases and tasks: start, claim, return, claim, complete with a handoff, accept, reassign, cancel.
    const referral = (await as(priya).post('/api/cases', { definitionId: 'referral', data: {} })).body;
    const refer = `${referral.caseId}:${referral.next.opened[0].taskId}`;
    await as(priya).get('/api/tasks?view=team');
    await as(priya).get(`/api/tasks/${refer}`);
    await as(priya).post(`/api/tasks/${refer}/claim`);
    await as(priya).post(`/api/tasks/${refer}/return`);
    await as(priya).post(`/api/tasks/${refer}/claim`);
    const completed = (await as(priya).post(`/api/tasks/${refer}/complete`, { data: { prisonNumber: 'A1234BC', sentenceMonths: 30 } })).body;
    const decide = `${referral.caseId}:${completed.next.opened[0].taskId}`;
    await eventually(() => tom.get(`/api/tasks/${decide}`), (response) => response.status === 200);
    await as(tom).post(`/api/tasks/${decide}/accept`);
    await as(lena).post(`/api/tasks/${decide}/reassign`, { toUser: 'tom' });
    await as(tom).get('/api/cases?definitionId=referral');
    await as(tom).get(`/api/cases/${referral.caseId}`);
    await as(priya).get(`/api/cases/${referral.caseId}`);
    await as(tom).get(`/api/cases/${referral.caseId}/events`);
    const assessment = (await as(tom).post('/api/cases', { definitionId: 'assessment', data: {} })).body;

    // Migrations: the assessment case runs on version 2; plan, preview and run its move to version 1.
    const plan = { fromVersion: 2, toVersion: 1, mappings: [{ source: 'Task_assess', target: 'Task_assess' }] };
    await as(designer).get('/api/definitions/assessment/migration-plan?from=2&to=1');
    await as(designer).post('/api/definitions/assessment/migrations/preview', plan);
    const migration = (await as(designer).post('/api/definitions/assessment/migrations', plan)).body;
    await eventually(() => designer.get(`/api/migrations/${migration.migrationId}`), (response) => response.body.status === 'completed');
    await as(designer).get('/api/definitions/assessment/migrations');
    await as(lena).post(`/api/cases/${assessment.caseId}/cancel`, { reason: 'Opened by mistake' });

    // Messages and API keys.
    const sender = (await as(admin).post('/api/admin/api-keys', { name: 'Prison system', scopes: ['messages:send', 'messages:read'] })).body;
    await as(admin).get('/api/admin/api-keys');
    await http.post('/api/messages').set('X-Api-Key', sender.key).send({ messageName: 'Nobody waits for this', data: {} }).expect(202);
    await http.get('/api/messages/sent').set('X-Api-Key', sender.key).expect(200);
    await as(admin).get('/api/messages?status=unmatched');
    await as(admin).get('/api/admin/audit');
    await as(designer).post('/api/signals', { name: 'Nobody waits for this signal' }).expect(202);

    // Insights and duplication.
    await as(analyst).get('/api/insights/report?definitionId=referral');
    for (const question of ['dfg', 'variants', 'handoffs', 'time-split']) await as(analyst).get(`/api/insights/${question}?definitionId=referral&version=1`);
    await as(analyst).get('/api/insights/compare?definitionId=assessment&baseVersion=1&otherVersion=2');
    await as(lena).get('/api/insights/at-risk?definitionId=referral');
    await as(analyst).post('/api/insights/simulate', { definitionId: 'referral', weeks: 2, scenarios: [{ name: 'one more in FNO Returns', staffChange: { 'fno-returns': 1 } }] });
    await as(analyst).post('/api/insights/import', { format: 'csv', content: 'case,activity,time\nc1,Refer,2026-01-01T09:00:00Z\nc1,Decide,2026-01-02T09:00:00Z\n', mapping: { caseId: 'case', activity: 'activity', timestamp: 'time', delimiter: ',' }, definitionId: 'referral' });
    // Kept logs: a raw-body upload, then every question asked of it by id.
    const kept = await http.post('/api/insights/logs?format=csv&name=contract').set('Authorization', `Bearer ${analyst.token}`).set('Content-Type', 'text/csv').send('case_id,activity,timestamp\nc1,Refer,2026-01-01T09:00:00Z\nc1,Decide,2026-01-02T09:00:00Z\n').expect(201);
    for (const path of ['', '/report', '/compare?baseTo=2026-01-02T00:00:00Z&otherFrom=2026-01-02T00:00:00Z', '/conformance?definitionId=referral', '/replay?definitionId=referral', '/discovery', '/dfg', '/variants', '/handoffs', '/time-split']) await as(analyst).get(`/api/insights/logs/${kept.body.id}${path}`);
    const ocel = JSON.stringify({ objectTypes: [], eventTypes: [], objects: [{ id: 'o1', type: 'order', attributes: [{ name: 'total', time: '1970-01-01T00:00:00Z', value: 12 }], relationships: [{ objectId: 'i1', qualifier: 'comprises' }] }, { id: 'i1', type: 'item' }], events: [{ id: 'e1', type: 'Refer', time: '2026-01-01T09:00:00Z', attributes: [{ name: 'channel', value: 'web' }], relationships: [{ objectId: 'o1', qualifier: '' }, { objectId: 'i1', qualifier: '' }] }] });
    const keptOcel = await http.post('/api/insights/logs?format=jsonocel&name=contract-ocel').set('Authorization', `Bearer ${analyst.token}`).set('Content-Type', 'application/octet-stream').send(ocel).expect(201);
    await http.put(`/api/insights/logs/${keptOcel.body.id}/object-type`).set('Authorization', `Bearer ${analyst.token}`).send({ objectType: 'item' }).expect(200);
    await as(analyst).get(`/api/insights/logs/${keptOcel.body.id}/dfg`);
    for (const path of ['/objects?type=order&q=o', '/objects/o1', '/object-graph']) await as(analyst).get(`/api/insights/logs/${keptOcel.body.id}${path}`);
    await as(analyst).get('/api/insights/logs');
    await as(analyst).get('/api/insights/discovery?definitionId=referral');
    const report = (await as(analyst).get('/api/duplication/report')).body;
    await as(analyst).get('/api/duplication/definitions/fno-returns');
    expect(report.clusters.length, 'the demo library has duplicated work to mark').toBeGreaterThan(0);
    await as(admin).post('/api/duplication/intended', { clusterKey: report.clusters[0].key, reason: 'Each team needs its own check' });
    await as(tom).post('/api/auth/logout');

    expect(responseViolations).toEqual([]);
    // OpenID Connect is not configured here; its routes redirect and have no JSON body.
    const unchecked = routes().filter((route) => route.spec.response && !checkedRoutes.has(label(route))).map(label);
    expect(unchecked).toEqual([]);
  });
});
