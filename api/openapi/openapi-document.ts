// The OpenAPI 3.1 document, generated from the route table's zod schemas (the single source of
// both the TypeScript types and this description), with each problem status a route can answer
// and the links between operations.
import { z } from 'zod';
import { describeCaller, ruleOf } from '../access/access-rules.ts';
import type { RegisteredRoute, RouteSpec } from '../routes/route.ts';
import { ProblemCode } from '../problems/problem.ts';
import { operationLinks, type OperationLink } from './openapi-links.ts';
import { problemStatuses, problemStatusesOf } from './problem-responses.ts';

type Json = Record<string, unknown>;

/**
 * JSON Schema patterns are ECMA-262, where `.` matches no line terminator; tools reading them
 * with Python's `re` (Schemathesis) let `.` match \r, U+2028 and U+2029 and so call values valid
 * that the API rightly refuses. Spelling each dot out keeps the meaning under both readings.
 */
function explicitDots(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else if (inClass) {
      inClass = c !== ']';
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else out += c === '.' ? '[^\\n\\r\\u2028\\u2029]' : c;
  }
  return out;
}

function withExplicitDots(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withExplicitDots);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === 'pattern' && typeof item === 'string' ? explicitDots(item) : withExplicitDots(item)]));
}

function schema(zodSchema: z.ZodType): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(zodSchema, { io: 'input', unrepresentable: 'any' }) as Json;
  return withExplicitDots(rest) as Json;
}

function parameters(zodSchema: z.ZodType | undefined, where: 'path' | 'query'): Json[] {
  if (!zodSchema) return [];
  const object = schema(zodSchema) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({ name, in: where, required: where === 'path' || (object.required ?? []).includes(name), schema: property }));
}

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', enum: ProblemCode.options },
    detail: { type: 'string' },
    instance: { type: 'string' },
    issues: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, elementId: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } }, required: ['message'] } },
  },
};

function security(route: RegisteredRoute): Json[] {
  switch (ruleOf(route.spec.rule).caller.kind) {
    case 'public':
      return [];
    case 'api-key':
      return [{ apiKey: [] }];
    default:
      return [{ bearer: [] }, { sessionCookie: [] }];
  }
}

function operationId(spec: RouteSpec): string {
  return `${spec.method}${spec.path.replace(/[/:-]+(\w)/g, (_m, c: string) => c.toUpperCase())}`;
}

/** A JSON media type (e.g. OCEL's application/json) is parsed by clients, so its body is an object, not a string. */
function successResponse(spec: RouteSpec): Json {
  if (spec.successStatus === 204) return { description: 'Done; no body' };
  if (spec.produces) return { description: 'OK', content: { [spec.produces]: { schema: /[/+]json$/.test(spec.produces) ? { type: 'object' } : { type: 'string' } } } };
  return { description: 'OK', content: { 'application/json': { schema: spec.response ? schema(spec.response) : { type: 'object' } } } };
}

/** Links keyed by the source route; a link naming a route that does not exist is a mistake in openapi-links.ts. */
function linksFrom(routes: RegisteredRoute[], links: OperationLink[]): Map<string, Json> {
  const ids = new Map(routes.map((route) => [`${route.spec.method} ${route.spec.path}`, operationId(route.spec)]));
  const byRoute = new Map<string, Json>();
  for (const link of links) {
    const target = ids.get(link.to);
    if (!ids.has(link.from) || !target) throw new Error(`openapi-links.ts links ${link.from} → ${link.to}, but one of them is not a route`);
    const name = target.charAt(0).toUpperCase() + target.slice(1);
    byRoute.set(link.from, { ...(byRoute.get(link.from) ?? {}), [name]: { operationId: target, parameters: link.parameters, ...(link.requestBody === undefined ? {} : { requestBody: link.requestBody }) } });
  }
  return byRoute;
}

export function openApiDocument(routes: RegisteredRoute[], links: OperationLink[] = operationLinks): Json {
  const paths: Record<string, Json> = {};
  const linksByRoute = linksFrom(routes, links);
  for (const route of routes) {
    const { spec } = route;
    const path = `/api${spec.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
    const rule = ruleOf(spec.rule);
    const access = `Access rule \`${spec.rule}\` (${describeCaller(rule.caller)}): ${rule.says}`;
    const success = successResponse(spec);
    const routeLinks = linksByRoute.get(`${spec.method} ${spec.path}`);
    const responses: Json = { [String(spec.successStatus ?? 200)]: routeLinks ? { ...success, links: routeLinks } : success };
    for (const status of problemStatusesOf(spec)) responses[String(status)] = { $ref: `#/components/responses/${problemStatuses[status].name}` };
    responses['431'] = { $ref: '#/components/responses/HeadersTooLarge' };
    const operation: Json = {
      operationId: operationId(spec),
      summary: spec.summary,
      description: [access, spec.idempotent ? 'Accepts an Idempotency-Key header.' : ''].filter(Boolean).join(' '),
      tags: [spec.tag],
      security: security(route),
      parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query'), ...(spec.idempotent ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 } }] : [])],
      responses,
    };
    if (spec.body) operation.requestBody = { required: true, content: { 'application/json': { schema: schema(spec.body) } } };
    paths[path] = { ...(paths[path] ?? {}), [spec.method]: operation };
  }
  const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  const responses: Json = Object.fromEntries(Object.values(problemStatuses).map(({ name, says }) => [name, { description: says, content: problem }]));
  // Node's HTTP parser answers this itself, with no body, before any route runs.
  responses.HeadersTooLarge = { description: 'The request line or headers are over 16 KB (e.g. a very long query); refused by the HTTP server before Casemap reads the request, with no body.' };
  return {
    openapi: '3.1.0',
    info: { title: 'Casemap API', version: '1', description: 'Definitions, cases, inbox, messages and identity. Errors are RFC 9457 problem+json with a stable `code`.' },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Problem: problemSchema },
      responses,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The token from POST /api/auth/login.' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'casemap_session', description: 'Set by POST /api/auth/login; changes also need the x-csrf-token header.' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
    },
  };
}
