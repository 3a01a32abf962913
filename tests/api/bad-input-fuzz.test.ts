// Generated bad input for every route in the route table: requests well-shaped in every part but
// wrong in exactly one declared field (of a wrong type, out of range, too long, not matching,
// missing), generated from the route's own zod schemas. Each must be refused with a 400 problem
// naming exactly that field (never a 5xx), and nothing in the store may change.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ruleOf } from '../../api/access/access-rules.ts';
import type { RegisteredRoute } from '../../api/routes/route.ts';
import { startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';
import { isRefused, MISSING, oneFieldWrong, withWrongField, type Part, type WrongField } from '../support/wrong-values.ts';

const assessmentXml = readFileSync(new URL('../fixtures/one-lane-assessment.bpmn', import.meta.url), 'utf8');
const SEED = 20261207;
/** Random wrong values per field, beyond one of each fixed kind. */
const RANDOM_PER_FIELD = 4;

describe('bad input on every route', () => {
  let casemap: TestCasemap;
  let admin: UserClient;
  let ids: Record<string, string>;
  const apiKeys: Record<string, string> = {};

  beforeAll(async () => {
    casemap = await startTestCasemap();
    admin = await casemap.as('admin');
    const designer = await casemap.as('designer');
    await designer.post('/api/definitions/deploy', { id: 'assessment', xml: assessmentXml }).expect(201);
    const started = await (await casemap.as('tom')).post('/api/cases', { definitionId: 'assessment', data: {} }).expect(201);
    ids = { caseId: started.body.caseId, taskId: `${started.body.caseId}:${started.body.next.opened[0].taskId}`, id: 'assessment', version: '1' };
    for (const scope of ['messages:send', 'messages:read']) apiKeys[scope] = (await admin.post('/api/admin/api-keys', { name: `fuzz ${scope}`, scopes: [scope] }).expect(201)).body.key;
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  /** Every row of every table, so an update that changes no count is still seen. */
  async function snapshot(): Promise<Record<string, string>> {
    const tables = await casemap.db.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name");
    const rows: Record<string, string> = {};
    for (const { name } of tables) {
      // A session's last use moves with every request the fuzzer makes; its rows may not appear or go.
      const select = name === 'sessions' ? 'SELECT count(*)::text AS rows' : `SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS rows FROM "${name}" t`;
      rows[name] = (await casemap.db.query<{ rows: string }>(name === 'sessions' ? `${select} FROM sessions` : select))[0]!.rows;
    }
    return rows;
  }

  /** A valid value of each part for the route, from its zod schema (the real ids where they fit). */
  function validParts(route: RegisteredRoute): Record<Part, Record<string, unknown>[]> {
    const parts = {} as Record<Part, Record<string, unknown>[]>;
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = route.spec[part] as z.ZodType | undefined;
      if (!schema) continue;
      const known = part === 'params' ? Object.fromEntries(Object.keys(ids).filter((name) => route.spec.path.includes(`:${name}`)).map((name) => [name, ids[name]])) : {};
      const sampled = fc.sample(oneFieldWrong(schema, part).candidates, { numRuns: 200, seed: SEED }) as Record<string, unknown>[];
      const valid = [...(part === 'params' ? [known] : []), {}, ...sampled].filter((value) => !isRefused(schema, value));
      parts[part] = valid.slice(0, 40);
    }
    return parts;
  }

  function send(route: RegisteredRoute, parts: Partial<Record<Part, Record<string, unknown>>>) {
    const path = `/api${route.spec.path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(String(parts.params?.[name])))}`;
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(parts.query ?? {})) for (const each of Array.isArray(value) ? value : [value]) search.append(key, String(each));
    const target = search.size > 0 ? `${path}?${search}` : path;
    const agent = supertest(casemap.url);
    const request = route.spec.method === 'get' ? agent.get(target) : route.spec.method === 'delete' ? agent.delete(target) : route.spec.method === 'put' ? agent.put(target) : agent.post(target);
    const caller = ruleOf(route.spec.rule).caller;
    // Admin passes every role check, so the request reaches the parsing of its parts.
    if (caller.kind === 'api-key') request.set('X-Api-Key', apiKeys[caller.scope]!);
    else if (caller.kind !== 'public') request.set('Authorization', `Bearer ${admin.token}`);
    return parts.body ? request.set('Content-Type', 'application/json').send(JSON.stringify(parts.body)) : request;
  }

  it('refuses each request wrong in one field with a 400 naming that field, and changes nothing', async () => {
    const before = await snapshot();
    const routes = casemap.routes!.routes;
    const failures: string[] = [];
    const noValidValue: string[] = [];
    const testedFields = new Set<string>();
    let tried = 0;
    for (const route of routes) {
      const valid = validParts(route);
      for (const part of ['params', 'query', 'body'] as const) {
        const schema = route.spec[part] as z.ZodType | undefined;
        if (!schema) continue;
        const label = `${route.spec.method.toUpperCase()} ${route.spec.path} ${part}`;
        const bases = valid[part];
        if (Object.values(valid).some((values) => values.length === 0)) {
          noValidValue.push(`${label}: no valid ${Object.entries(valid).filter(([, values]) => values.length === 0).map(([name]) => name).join(', ')}`);
          continue;
        }
        for (const { field, examples, random } of oneFieldWrong(schema, part).fields) {
          // Valid values that hold the field, so a wrong value in it does not also change which
          // fields are present (a rule across fields, like "both versions or none", stays met).
          const holding = bases.filter((base) => field in base);
          const pool = holding.length > 0 ? holding : bases;
          const cases: [Record<string, unknown>, WrongField][] = [
            ...examples.map((wrong, index) => [pool[index % pool.length]!, wrong] as [Record<string, unknown>, WrongField]),
            ...(random ? fc.sample(fc.tuple(fc.constantFrom(...pool), random), { numRuns: RANDOM_PER_FIELD, seed: SEED }) : []),
          ];
          for (const [base, wrong] of cases) {
            // An empty path segment cannot be sent: the request would go to another route.
            if (part === 'params' && wrong.value === '') continue;
            const value = withWrongField(base, wrong);
            if (!isRefused(schema, value)) continue; // e.g. a coerced "5" for a number: not wrong after all
            const parts = { ...Object.fromEntries(Object.entries(valid).map(([name, values]) => [name, values[0]])), [part]: value };
            const response = await send(route, parts);
            tried += 1;
            testedFields.add(`${label}.${field}`);
            const fields: string[] = (response.body?.issues ?? []).map((issue: { field?: string }) => issue.field ?? '(no field)');
            const named = fields.length > 0 && fields.every((name) => name === `${part}.${field}` || name.startsWith(`${part}.${field}.`));
            const ok = response.status === 400 && response.body?.code === 'invalid-request' && /application\/problem\+json/.test(response.headers['content-type'] ?? '') && named;
            if (!ok) {
              const shown = wrong.value === MISSING ? '(left out)' : JSON.stringify(wrong.value)?.slice(0, 120);
              failures.push(`${label}.${field} ${wrong.kind} ${shown} → ${response.status} ${response.body?.code ?? ''} issues ${JSON.stringify(fields)} (sent ${JSON.stringify(parts).slice(0, 300)})`);
            }
          }
        }
      }
    }
    console.log(`bad-input fuzz: ${tried} requests, ${testedFields.size} fields over ${routes.length} routes`);
    expect(noValidValue).toEqual([]);
    expect(failures).toEqual([]);
    expect(testedFields.size).toBeGreaterThan(40);
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
