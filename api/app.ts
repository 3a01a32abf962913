// Assembles the HTTP API (and, when given, the built browser app) into one express app.
import express, { type Express } from 'express';
import type { Client } from '@temporalio/client';
import type { Database } from '../storage/database.ts';
import { problemHandler } from './problems/problem-handler.ts';
import { Problem } from './problems/problem.ts';
import { identityRouter } from './identity/router.ts';
import { authenticate } from './identity/sessions.ts';
import { definitionsRouter } from './definitions/router.ts';
import { casesRouter } from './cases/router.ts';
import { inboxRouter } from './inbox/router.ts';

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
}

export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(express.json({ limit: options.bodyLimit ?? '5mb' }));

  const api = express.Router();
  api.get('/health', (_req, res) => {
    res.json({ status: 'ok', temporalUiUrl: options.temporalUiUrl ?? null, temporalNamespace: 'default' });
  });
  api.use(identityRouter(options.db, { secureCookies: options.secureCookies ?? false }));
  api.use(authenticate(options.db));
  api.use(definitionsRouter(options.db));
  api.use(casesRouter({ db: options.db, client: options.client, taskQueue: options.taskQueue }));
  api.use(inboxRouter(options.db, options.client));
  api.use((req, _res, next) => next(new Problem('not-found', `There is no API route ${req.method} ${req.path}.`)));
  app.use('/api', api);

  if (options.staticDir) {
    const staticDir = options.staticDir;
    app.use(express.static(staticDir, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes (e.g. /tasks/123) all load the app.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile('index.html', { root: staticDir }));
  }
  app.use(problemHandler);
  return app;
}
