// The OpenAPI 3.1 document, generated from the route table's zod schemas (the single source of
// both the TypeScript types and this description).
import { z } from 'zod';
import { describeCaller, ruleOf } from '../access/access-rules.ts';
import type { RegisteredRoute } from '../routes/route.ts';
import { ProblemCode } from '../problems/problem.ts';

type Json = Record<string, unknown>;

function schema(zodSchema: z.ZodType): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(zodSchema, { io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
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

export function openApiDocument(routes: RegisteredRoute[]): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const { spec } = route;
    const path = `/api${spec.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
    const rule = ruleOf(spec.rule);
    const access = `Access rule \`${spec.rule}\` (${describeCaller(rule.caller)}): ${rule.says}`;
    const operation: Json = {
      operationId: `${spec.method}${spec.path.replace(/[/:-]+(\w)/g, (_m, c: string) => c.toUpperCase())}`,
      summary: spec.summary,
      description: [access, spec.idempotent ? 'Accepts an Idempotency-Key header.' : ''].filter(Boolean).join(' '),
      tags: [spec.tag],
      security: security(route),
      parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query'), ...(spec.idempotent ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 } }] : [])],
      responses: {
        [String(spec.successStatus ?? 200)]: spec.produces
          ? { description: 'OK', content: { [spec.produces]: { schema: { type: 'string' } } } }
          : { description: 'OK', content: { 'application/json': { schema: spec.response ? schema(spec.response) : { type: 'object' } } } },
        default: { description: 'A problem (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
      },
    };
    if (spec.body) operation.requestBody = { required: true, content: { 'application/json': { schema: schema(spec.body) } } };
    paths[path] = { ...(paths[path] ?? {}), [spec.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Casemap API', version: '1', description: 'Definitions, cases, inbox, messages and identity. Errors are RFC 9457 problem+json with a stable `code`.' },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The token from POST /api/auth/login.' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'casemap_session', description: 'Set by POST /api/auth/login; changes also need the x-csrf-token header.' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
    },
  };
}
