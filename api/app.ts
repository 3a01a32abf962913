// Assembles the HTTP API (and, when given, the built browser app) into one express app. Every
// route is declared in a route table, which also yields the OpenAPI document.
import express, { type Express, type Router } from 'express';
import type { Client } from '@temporalio/client';
import type { Database } from '../services/database.ts';
import { problemHandler } from './problems/problem-handler.ts';
import { auditRefusals } from './problems/audit-refusals.ts';
import { Problem } from './problems/problem.ts';
import { RouteTable } from './routes/route.ts';
import { idempotencyKeys } from './routes/idempotency-keys.ts';
import { authenticateUser, DEFAULT_SESSION_IDLE_MINUTES } from './identity/sessions.ts';
import { authenticateApiKey } from './identity/api-keys.ts';
import { identityRoutes } from './identity/routes.ts';
import { oidcRoutes } from './identity/oidc-routes.ts';
import type { OidcSettings } from './identity/oidc-login.ts';
import { definitionRoutes } from './definitions/routes.ts';
import { migrationRoutes } from './migrations/routes.ts';
import { caseRoutes } from './cases/routes.ts';
import { inboxRoutes } from './inbox/routes.ts';
import { messageRoutes } from './messages/routes.ts';
import { signalRoutes } from './signals/routes.ts';
import { adminRoutes } from './admin/routes.ts';
import { insightsRoutes } from './insights/router.ts';
import { duplicationRoutes } from './duplication/router.ts';
import { openApiDocument } from './openapi/openapi-document.ts';
import { docsPage } from './openapi/docs-page.ts';
import { securityHeaders } from './security-headers.ts';
import { opsRoutes } from './ops/ops-routes.ts';
import { ApiDescription, Health } from '../domain/contract/meta.ts';

export interface AppOptions {
  db: Database;
  client: Client;
  taskQueue: string;
  /** Folder of the built browser app to serve at `/`. */
  staticDir?: string;
  secureCookies?: boolean;
  /** Largest accepted request body (BPMN uploads included). */
  bodyLimit?: string;
  /** Where people can open a case's workflow in the Temporal Web UI. */
  temporalUiUrl?: string;
  /**
   * express's `trust proxy`: whose X-Forwarded-For decides the client address (sign-in limits,
   * audit). Off (false) by default, so a direct client cannot name its own address.
   */
  trustProxy?: boolean | number | string;
  /** Minutes a session may go unused before it is refused (default 30). */
  sessionIdleMinutes?: number;
  /** OpenID Connect sign-in, when configured. */
  oidc?: OidcSettings;
  /** Further resources (e.g. insights, duplication) mounted on the same table. */
  extraRoutes?: ((table: RouteTable, router: Router) => void)[];
}

export interface CasemapApp {
  app: Express;
  routes: RouteTable;
}

export function createCasemapApp(options: AppOptions): CasemapApp {
  const { db, client } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(securityHeaders());
  app.use(opsRoutes({ db, client }));
  // Event-log imports may be up to 20 MB; every route's own schema caps its fields far lower.
  // Errors reading a body (charset, content encoding, JSON) become 4xx in problems/request-decoding-problem.ts.
  app.use(express.json({ limit: options.bodyLimit ?? '21mb' }));

  const table = new RouteTable({ user: (req) => authenticateUser(db, req, { idleMinutes: options.sessionIdleMinutes ?? DEFAULT_SESSION_IDLE_MINUTES }), apiKey: (req, scope) => authenticateApiKey(db, req, scope) }, idempotencyKeys(db));
  const api = express.Router();
  table.add(api, { method: 'get', path: '/health', summary: 'Liveness, and where the Temporal Web UI is', tag: 'meta', rule: 'public', response: Health }, async () => ({
    status: 'ok',
    temporalUiUrl: options.temporalUiUrl ?? null,
    temporalNamespace: 'default',
  }));
  identityRoutes(table, api, db, { secureCookies: options.secureCookies ?? false });
  oidcRoutes(table, api, db, { oidc: options.oidc, secureCookies: options.secureCookies ?? false });
  definitionRoutes(table, api, { db, client, taskQueue: options.taskQueue });
  migrationRoutes(table, api, { db, client, taskQueue: options.taskQueue });
  caseRoutes(table, api, { db, client, taskQueue: options.taskQueue });
  inboxRoutes(table, api, db, client);
  messageRoutes(table, api, { db, client, taskQueue: options.taskQueue });
  signalRoutes(table, api, { db, client, taskQueue: options.taskQueue });
  adminRoutes(table, api, db);
  insightsRoutes(table, api, db);
  duplicationRoutes(table, api, db);
  for (const extra of options.extraRoutes ?? []) extra(table, api);

  // Built on first request, so it lists every route including these two.
  let document: ReturnType<typeof openApiDocument> | undefined;
  const describeApi = () => (document ??= openApiDocument(table.routes));
  table.add(api, { method: 'get', path: '/openapi.json', summary: 'This API as an OpenAPI 3.1 document', tag: 'meta', rule: 'public', response: ApiDescription }, async () => describeApi());
  table.add(api, { method: 'get', path: '/docs', summary: 'This API as a browsable page', tag: 'meta', rule: 'public', produces: 'text/html' }, async ({ res }) => {
    res.type('html').send(docsPage(describeApi()));
  });
  api.use((req, _res, next) => next(new Problem('not-found', `There is no API route ${req.method} ${req.path}.`)));
  app.use('/api', api);

  if (options.staticDir) {
    const staticDir = options.staticDir;
    app.use(express.static(staticDir, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes (e.g. /tasks/123) all load the app.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile('index.html', { root: staticDir }));
  }
  // Anything else (no browser app served, or a path it does not take) is a problem too, not express's HTML page.
  app.use((req, _res, next) => next(new Problem('not-found', `There is nothing at ${req.method} ${req.path}.`)));
  app.use(auditRefusals(db));
  app.use(problemHandler);
  return { app, routes: table };
}

export function createApp(options: AppOptions): Express {
  return createCasemapApp(options).app;
}
