// A route declared once: its path, the access rule it falls under, and the zod schemas of its
// parts. The same declaration mounts the express handler (parsing every part before the handler
// runs), enforces the rule's caller check, feeds the OpenAPI document and drives the authorisation
// matrix test. Object checks (which team's case or task) are made through api/access/access-policy.ts.
import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import type { UserRecord } from '../../services/accounts.ts';
import { requireRole } from '../access/roles.ts';
import { ruleOf, type AccessRuleId } from '../access/access-rules.ts';
import { parse } from '../validation.ts';
import { Problem } from '../problems/problem.ts';
import { checkResponse, responseChecksOn } from './response-check.ts';

type Schema = z.ZodType;

export interface RouteSpec<P extends Schema = Schema, Q extends Schema = Schema, B extends Schema = Schema> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express path below /api, e.g. `/cases/:caseId`. */
  path: string;
  summary: string;
  tag: string;
  /** The access rule (api/access/access-rules.ts) the route falls under. */
  rule: AccessRuleId;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * Schema of the success body (from domain/contract), for the OpenAPI document and, when
   * CASEMAP_CHECK_RESPONSES is set, checked against every real success body (response-check.ts).
   * Only a route without a JSON body leaves it out: 204, or a download named by `produces`.
   */
  response?: Schema;
  successStatus?: number;
  /** Media type of the success body when it is not JSON. */
  produces?: string;
  /** Honours an Idempotency-Key header (state-changing POSTs). */
  idempotent?: boolean;
}

export interface RouteContext<P extends Schema, Q extends Schema, B extends Schema> {
  req: Request;
  res: Response;
  user: UserRecord;
  params: z.infer<P>;
  query: z.infer<Q>;
  body: z.infer<B>;
}

/** Runs a state change at most once per (caller, Idempotency-Key, route), replaying its reply. */
export interface IdempotencyKeys {
  once(owner: string, key: string, route: string, body: unknown, run: () => Promise<{ status: number; result: unknown }>): Promise<{ status: number; result: unknown }>;
}

export interface RegisteredRoute {
  spec: RouteSpec;
}

/** How a request proves who sent it; supplied by api/identity so routes stay declarative. */
export interface Authenticators {
  /** A signed-in user (session cookie with CSRF check, or bearer token). */
  user(req: Request): Promise<UserRecord>;
  /** Another system holding an API key with `scope`. */
  apiKey(req: Request, scope: string): Promise<UserRecord>;
}

/** Casemap's paths use `:name` segments only, so a path's shape is its literal segments with any one segment per parameter. */
function shapeOf(path: string): RegExp {
  return new RegExp(`^${path.split('/').map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}/?$`, 'i');
}

export class RouteTable {
  readonly routes: RegisteredRoute[] = [];
  private readonly checkResponses = responseChecksOn();
  private readonly shapes = new Map<string, { shape: RegExp; methods: Set<string> }>();

  constructor(
    private readonly authenticators: Authenticators,
    private readonly idempotency: IdempotencyKeys,
  ) {}

  add<P extends Schema, Q extends Schema, B extends Schema>(
    router: Router,
    spec: RouteSpec<P, Q, B>,
    handler: (context: RouteContext<P, Q, B>) => Promise<unknown>,
  ): void {
    this.routes.push({ spec: spec as unknown as RouteSpec });
    this.refuseOtherMethods(router, spec.path, spec.method);
    router[spec.method](spec.path, async (req, res) => {
      const access = ruleOf(spec.rule).caller;
      const user = access.kind === 'public' ? (undefined as unknown as UserRecord) : access.kind === 'api-key' ? await this.authenticators.apiKey(req, access.scope) : await this.authenticators.user(req);
      if (access.kind === 'roles') requireRole(user, access.roles, spec.summary);
      const params = spec.params ? parse(spec.params, req.params, 'params') : {};
      const query = spec.query ? parse(spec.query, req.query, 'query') : {};
      if (!spec.body && req.body !== undefined && req.body !== null && typeof req.body === 'object' && Object.keys(req.body).length > 0) {
        throw new Problem('invalid-request', `${spec.method.toUpperCase()} /api${spec.path} takes no request body.`, [{ field: 'body', message: 'must be empty' }]);
      }
      const body = spec.body ? parse(spec.body, req.body, 'body') : {};
      const run = async () => {
        res.status(spec.successStatus ?? 200);
        const result = await handler({ req, res, user, params, query, body } as RouteContext<P, Q, B>);
        return { status: result === undefined ? 204 : res.statusCode, result };
      };
      const key = spec.idempotent ? req.header('idempotency-key') : undefined;
      const outcome = key ? await this.idempotency.once(user.id, key, `${spec.method} ${spec.path} ${JSON.stringify(params)}`, body, run) : await run();
      if (res.headersSent) return;
      if (this.checkResponses && spec.response && outcome.result !== undefined) checkResponse(`${spec.method} ${spec.path}`, spec.response, outcome.result);
      if (outcome.result === undefined) res.status(outcome.status).end();
      else res.status(outcome.status).json(outcome.result);
    });
  }

  /**
   * RFC 9110: a method the resource does not support is 405 with an Allow header, not 404. Mounted
   * once per path, before the path's first handler; the methods are looked up when a request
   * arrives (the table is complete by then), over every path of the same shape.
   */
  private refuseOtherMethods(router: Router, path: string, method: string): void {
    const known = this.shapes.get(path);
    if (known) {
      known.methods.add(method.toUpperCase());
      return;
    }
    this.shapes.set(path, { shape: shapeOf(path), methods: new Set([method.toUpperCase()]) });
    router.all(path, (req, res, next) => {
      const allowed = new Set<string>();
      for (const { shape, methods } of this.shapes.values()) if (shape.test(req.path)) for (const name of methods) allowed.add(name);
      if (allowed.has('GET')) allowed.add('HEAD');
      if (allowed.has(req.method)) return next();
      const allow = [...allowed].join(', ');
      res.setHeader('Allow', allow);
      next(new Problem('method-not-allowed', `${req.method} is not allowed on ${req.originalUrl.split('?')[0]}; it takes ${allow}.`));
    });
  }
}
