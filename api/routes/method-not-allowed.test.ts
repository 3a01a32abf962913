import express from 'express';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { problemHandler } from '../problems/problem-handler.ts';
import { RouteTable } from './route.ts';

function appWithTwoRoutes() {
  const table = new RouteTable({ user: async () => Promise.reject(new Error('not used')), apiKey: async () => Promise.reject(new Error('not used')) }, { once: async (_o, _k, _r, _b, run) => run() });
  const router = express.Router();
  table.add(router, { method: 'get', path: '/things/:id', summary: 'One thing', tag: 't', rule: 'public' }, async () => ({ ok: true }));
  table.add(router, { method: 'delete', path: '/things/:id', summary: 'Remove a thing', tag: 't', rule: 'public' }, async () => undefined);
  const app = express();
  app.use(express.json());
  app.use('/api', router);
  app.use(problemHandler);
  return app;
}

describe('a method a route does not take', () => {
  it('is 405 problem+json with an Allow header listing the methods the path takes', async () => {
    // given
    const app = appWithTwoRoutes();
    // when
    const response = await supertest(app).patch('/api/things/7');
    // then
    expect(response.status).toBe(405);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.code).toBe('method-not-allowed');
    expect(response.headers.allow).toBe('GET, DELETE, HEAD');
  });

  it('still reaches every declared method', async () => {
    const app = appWithTwoRoutes();
    await supertest(app).get('/api/things/7').expect(200);
    await supertest(app).delete('/api/things/7').expect(204);
  });
});
