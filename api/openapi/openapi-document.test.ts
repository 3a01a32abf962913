import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RegisteredRoute, RouteSpec } from '../routes/route.ts';
import { openApiDocument } from './openapi-document.ts';
import { problemStatusesOf } from './problem-responses.ts';

const route = (spec: Partial<RouteSpec>): RegisteredRoute => ({ spec: { method: 'get', path: '/things', summary: 'Things', tag: 'things', rule: 'public', ...spec } as RouteSpec });

describe('the OpenAPI document', () => {
  it('declares each problem status a route can answer instead of a catch-all default', () => {
    // given
    const routes = [route({ method: 'post', path: '/cases', rule: 'case.start', body: z.object({ definitionId: z.string() }), successStatus: 201 })];
    // when
    const responses = (openApiDocument(routes, []).paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)['/api/cases']!.post!.responses;
    // then
    expect(Object.keys(responses).sort()).toEqual(['201', '400', '401', '403', '404', '409', '413', '415', '422', '431', '503']);
    expect(responses.default).toBeUndefined();
  });

  it('spells out each dot of a pattern, so a reader of another regex dialect cannot let \\r through', () => {
    const routes = [route({ path: '/tasks/:taskId', rule: 'task.act', params: z.object({ taskId: z.string().regex(/^[^:.]+:.+\.x$/) }) })];
    const paths = openApiDocument(routes, []).paths as Record<string, Record<string, { parameters: { schema: { pattern: string } }[] }>>;
    expect(paths['/api/tasks/{taskId}']!.get!.parameters[0]!.schema.pattern).toBe('^[^:.]+:[^\\n\\r\\u2028\\u2029]+\\.x$');
  });

  it('gives a public read no 401, 403 or 404', () => {
    expect(problemStatusesOf(route({ path: '/health' }).spec)).toEqual([400]);
  });

  it('declares a body-less success for a 204 route and an object for a JSON export', () => {
    const document = openApiDocument([route({ method: 'delete', path: '/keys/:id', rule: 'admin', successStatus: 204 }), route({ path: '/export.json', rule: 'insights.read', produces: 'application/json' })], []);
    const paths = document.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
    expect(paths['/api/keys/{id}']!.delete!.responses['204']!.content).toBeUndefined();
    expect(paths['/api/export.json']!.get!.responses['200']!.content!['application/json']!.schema).toEqual({ type: 'object' });
  });

  it('links one answer to the next request, and refuses a link to an operation that does not exist', () => {
    const routes = [route({ method: 'post', path: '/cases', rule: 'case.start', successStatus: 201 }), route({ path: '/cases/:caseId', rule: 'case.read' })];
    const link = { from: 'post /cases', to: 'get /cases/:caseId', parameters: { caseId: '$response.body#/caseId' } };
    const paths = openApiDocument(routes, [link]).paths as Record<string, Record<string, { responses: Record<string, { links?: unknown }> }>>;
    expect(paths['/api/cases']!.post!.responses['201']!.links).toEqual({ GetCasesCaseId: { operationId: 'getCasesCaseId', parameters: { caseId: '$response.body#/caseId' } } });
    expect(() => openApiDocument(routes, [{ ...link, to: 'get /cases/:caseId/events' }])).toThrow(/not a route/);
  });
});
