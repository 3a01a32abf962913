// A route declared once: its path, the access rule it falls under, and the zod schemas of its
// parts. The same declaration mounts the express handler (parsing every part before the handler
// runs), enforces the rule's caller check, feeds the OpenAPI document and drives the authorisation
// matrix test. Object checks (which team's case or task) are made through api/access/access-policy.ts.
import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import type { UserRecord } from '../../storage/identity-store.ts';
import { requireRole } from '../access/roles.ts';
import { ruleOf, type AccessRuleId } from '../access/access-rules.ts';
import { parse } from '../validation.ts';
import { Problem } from '../problems/problem.ts';

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
  /** Schema of the success body, for the OpenAPI document. */
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

export class RouteTable {
  readonly routes: RegisteredRoute[] = [];

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
      if (outcome.result === undefined) res.status(outcome.status).end();
      else res.status(outcome.status).json(outcome.result);
    });
  }
}
