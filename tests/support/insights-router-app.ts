// The insights routes on an express app of their own, for tests that need only the store: a stand-in
// for sign-in takes the user named by the `x-test-user` header (the analyst when none), as the real
// session would. api/app.ts mounts the same router.
import express from 'express';
import supertest from 'supertest';
import { insightsRouter } from '../../api/insights/router.ts';
import { problemHandler } from '../../api/problems/problem-handler.ts';
import type { Database } from '../../storage/database.ts';
import { findUserById } from '../../storage/identity-store.ts';

export function insightsRouterApp(db: Database): supertest.Agent {
  const app = express();
  app.use(express.json());
  app.use(async (req, _res, next) => {
    const user = await findUserById(db, req.header('x-test-user') ?? 'analyst');
    if (user) req.user = user;
    next();
  });
  app.use('/api', insightsRouter(db));
  app.use(problemHandler);
  return supertest.agent(app);
}
