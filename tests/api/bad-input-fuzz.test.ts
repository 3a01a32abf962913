// Generated bad input for every route in the OpenAPI document: each must get a precise 4xx
// (never a 5xx), and nothing in the store may change.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const assessmentXml = readFileSync(new URL('../fixtures/one-lane-assessment.bpmn', import.meta.url), 'utf8');
const TABLES = ['definitions', 'definition_versions', 'cases', 'tasks', 'events', 'api_keys', 'messages', 'sessions', 'idempotency_keys'];

type Operation = { method: string; path: string; body?: { properties?: Record<string, unknown> }; query: string[] };

describe('bad input on every route', () => {
  let casemap: TestCasemap;
  let admin: UserClient;
  let operations: Operation[];
  let ids: Record<string, string>;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    admin = await casemap.as('admin');
    const designer = await casemap.as('designer');
    await designer.post('/api/definitions/deploy', { id: 'assessment', xml: assessmentXml }).expect(201);
    const started = await (await casemap.as('tom')).post('/api/cases', { definitionId: 'assessment', data: {} }).expect(201);
    ids = { caseId: started.body.caseId, taskId: `${started.body.caseId}:${started.body.next.opened[0].taskId}`, id: 'assessment', version: '1' };
    const document = (await supertest(casemap.url).get('/api/openapi.json').expect(200)).body;
    operations = Object.entries(document.paths as Record<string, Record<string, { parameters: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: Operation['body'] }> } }>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ method, path, body: op.requestBody?.content['application/json']?.schema, query: op.parameters.filter((p) => p.in === 'query').map((p) => p.name) })),
    );
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  async function snapshot(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of TABLES) counts[table] = (await casemap.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
    return counts;
  }

  const url = (path: string) => path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(ids[name] ?? '000000000000'));

  /** A body that no route's (strict) schema accepts: known fields with values of any type, plus an unknown field. */
  const badBody = (known: string[]) =>
    fc.oneof(
      fc.record({ __fuzz: fc.anything() }, { requiredKeys: [] }).map((extra) => ({ ...extra, __fuzz: 1 })),
      fc.dictionary(fc.constantFrom(...(known.length ? known : ['x'])), fc.anything({ maxDepth: 3 })).map((fields) => ({ ...fields, __unexpected: true })),
      fc.oneof(fc.string(), fc.integer(), fc.array(fc.anything({ maxDepth: 2 })), fc.constant(null)),
    );

  it('answers every generated bad body or query with a 4xx problem and changes nothing', async () => {
    const before = await snapshot();
    let tried = 0;
    const statuses = new Map<number, number>();
    for (const operation of operations) {
      if (operation.method === 'get' && operation.query.length === 0) continue;
      await fc.assert(
        fc.asyncProperty(badBody(Object.keys(operation.body?.properties ?? {})), fc.dictionary(fc.constantFrom(...operation.query, '__fuzz'), fc.string({ maxLength: 50 }), { minKeys: 1 }), async (body, query) => {
          const agent = supertest(casemap.url);
          const target = url(operation.path);
          const withQuery = { ...query, __fuzz: 'x' };
          const request =
            operation.method === 'get' ? agent.get(target).query(withQuery) : operation.method === 'delete' ? agent.delete(target).query(withQuery) : (operation.method === 'put' ? agent.put(target) : agent.post(target)).set('Content-Type', 'application/json').send(JSON.stringify(body) ?? 'null');
          const response = await request.set('Authorization', `Bearer ${admin.token}`);
          tried += 1;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect(response.status, `${operation.method.toUpperCase()} ${operation.path} ${JSON.stringify(body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
          expect(response.body.code).toEqual(expect.any(String));
        }),
        { numRuns: 15, seed: 20261125 },
      );
    }
    console.log(`bad-input fuzz: ${tried} requests over ${operations.length} operations; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(tried).toBeGreaterThan(200);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses malformed JSON and oversized bodies precisely', async () => {
    const malformed = await supertest(casemap.url).post('/api/cases').set('Authorization', `Bearer ${admin.token}`).set('Content-Type', 'application/json').send('{"definitionId": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('invalid-request');
    const huge = await supertest(casemap.url).post('/api/definitions/deploy').set('Authorization', `Bearer ${admin.token}`).send({ id: 'big', xml: 'x'.repeat(25_000_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('payload-too-large');
  });

  it('names the element at fault when a diagram cannot be deployed, and deploys nothing', async () => {
    const broken = assessmentXml.replace(' casework:sla="P10D"', ' casework:sla="ten days"');
    const response = await admin.post('/api/definitions/deploy', { id: 'broken', xml: broken }).expect(422);
    expect(response.body.code).toBe('bpmn-check-failed');
    expect(response.body.issues.map((issue: { elementId: string }) => issue.elementId)).toContain('Task_assess');
    await admin.get('/api/definitions/broken/versions/1').expect(404);
  });
});
