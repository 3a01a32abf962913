// The endpoints operators and load balancers use, outside /api and its sign-in: `/health`
// (liveness: the process serves), `/ready` (readiness: database and Temporal reachable) and
// `/metrics` (Prometheus text format). Also counts every request this replica answers.
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { registerCasemapMetrics, type MetricsStore } from './casemap-metrics.ts';
import { checkReadiness, type Queryable } from './readiness.ts';

export interface OpsOptions {
  db: Queryable & MetricsStore;
  client: Client;
}

/** Method and status class only: a label per path would grow with every case and task id. */
function requestMetrics(registry: Registry) {
  const requests = new Counter({ name: 'casemap_http_requests_total', help: 'HTTP requests this API replica answered.', labelNames: ['method', 'status'], registers: [registry] });
  const duration = new Histogram({
    name: 'casemap_http_request_duration_seconds',
    help: 'Time this API replica took to answer, by method and status class.',
    labelNames: ['method', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return { requests, duration };
}

export function opsRoutes({ db, client }: OpsOptions): Router {
  // One registry per app, not prom-client's global one: tests build many apps in one process.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registerCasemapMetrics(registry, db);
  const { requests, duration } = requestMetrics(registry);

  const router = Router();
  router.use((req, res, next) => {
    const began = process.hrtime.bigint();
    res.on('finish', () => {
      const labels = { method: req.method, status: `${Math.floor(res.statusCode / 100)}xx` };
      requests.inc(labels);
      duration.observe(labels, Number(process.hrtime.bigint() - began) / 1e9);
    });
    next();
  });
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res, next) => {
    try {
      res.json({ status: 'ready', ...(await checkReadiness(db, client)) });
    } catch (error) {
      next(error);
    }
  });
  router.get('/metrics', async (_req, res, next) => {
    try {
      const text = await registry.metrics();
      res.type(registry.contentType).send(text);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
