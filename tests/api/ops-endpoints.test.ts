// The endpoints a load balancer and Prometheus use (api/ops/): liveness, readiness naming the
// dependency at fault, and Casemap's own metrics read from the projection.
import { readFileSync } from 'node:fs';
import supertest from 'supertest';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { freePort } from '../../runtime/free-port.ts';
import { startTestCasemap, type TestCasemap } from '../support/test-casemap.ts';

const referralXml = readFileSync(new URL('../fixtures/two-lane-referral.bpmn', import.meta.url), 'utf8');

/** One sample's value from Prometheus text, or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((each) => each.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('operations endpoints', () => {
  let casemap: TestCasemap;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    await (await casemap.as('designer')).post('/api/definitions/deploy', { id: 'ops-referral', xml: referralXml }).expect(201);
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  it('answers /health without a sign-in', async () => {
    const reply = await casemap.http.get('/health').expect(200);
    expect(reply.body).toEqual({ status: 'ok' });
  });

  it('answers /ready when the database and Temporal both answer', async () => {
    const reply = await casemap.http.get('/ready').expect(200);
    expect(reply.body).toEqual({ status: 'ready', database: 'ok', temporal: 'ok' });
  });

  it('answers /ready with 503 naming Temporal when this replica cannot reach it', async () => {
    // given a replica whose Temporal address has nothing listening
    const connection = Connection.lazy({ address: `127.0.0.1:${await freePort()}`, connectTimeout: 500 });
    const app = createApp({ db: casemap.db, client: new Client({ connection }), taskQueue: casemap.taskQueue });
    // when
    const reply = await supertest(app).get('/ready');
    // then
    expect(reply.status).toBe(503);
    expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reply.body.code).toBe('temporal-unavailable');
    expect(reply.body.issues.map((issue: { field: string }) => issue.field)).toEqual(['temporal']);
    await connection.close();
  });

  it('reports cases started and ended, tasks open per team and completion latency from the projection', async () => {
    // given a case whose first task was completed and whose second waits for FNO Returns
    const priya = await casemap.as('priya');
    const started = await priya.post('/api/cases', { definitionId: 'ops-referral', data: {} }).expect(201);
    const queue = await priya.get('/api/tasks?view=team').expect(200);
    const taskId: string = queue.body.items.find((task: { caseId: string }) => task.caseId === started.body.caseId).id;
    await priya.post(`/api/tasks/${encodeURIComponent(taskId)}/claim`).expect(200);
    await priya.post(`/api/tasks/${encodeURIComponent(taskId)}/complete`, { data: { prisonNumber: 'A1234BC', sentenceMonths: 18 } }).expect(200);

    // when Prometheus scrapes
    const reply = await casemap.http.get('/metrics').expect(200);

    // then
    expect(reply.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(reply.text, 'casemap_cases_started_total')).toBe(1);
    expect(sample(reply.text, 'casemap_cases_running')).toBe(1);
    expect(reply.text).not.toMatch(/^casemap_cases_ended_total\{/m);
    expect(sample(reply.text, 'casemap_tasks_open{team="fno-returns",status="open"}')).toBe(1);
    expect(reply.text).not.toMatch(/^casemap_tasks_open\{team="prison-casework"/m);
    expect(sample(reply.text, 'casemap_task_completion_seconds_count')).toBe(1);
    expect(sample(reply.text, 'casemap_task_completion_seconds_bucket{le="+Inf"}')).toBe(1);
    expect(sample(reply.text, 'casemap_case_completion_seconds_count')).toBe(0);
    // this replica's own requests, by method and status class
    expect(sample(reply.text, 'casemap_http_requests_total{method="POST",status="2xx"}')).toBeGreaterThanOrEqual(4);
  });
});
