// The insights API over a real run: two cases through the two-lane referral on a real Temporal
// server, then the report, exports and import read from the same database. api/app.ts is not ours
// to change, so `insightsRouter` is mounted on its own express app, with the user set by a stand-in
// for the sign-in middleware, over the running Casemap's database.
import { readFileSync } from 'node:fs';
import express from 'express';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insightsRouter } from '../../api/insights/router.ts';
import { problemHandler } from '../../api/problems/problem-handler.ts';
import { findUserById } from '../../storage/identity-store.ts';
import { startTestCasemap, eventually, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

/** Reads a non-text response (XES is application/xml) as a string body. */
const asText: Parameters<supertest.Test['parse']>[0] = (res, done) => {
  let text = '';
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (text += chunk));
  stream.on('end', () => done(null, text));
};

const referralXml = readFileSync(new URL('../fixtures/two-lane-referral.bpmn', import.meta.url), 'utf8');

interface LoggedEvent {
  kind: string;
  taskId?: string | null;
  at: string;
}

describe('insights API on a real run', () => {
  let casemap: TestCasemap;
  let priya: UserClient;
  let tom: UserClient;
  let insights: supertest.Agent;
  const timelines: LoggedEvent[][] = [];

  const runCase = async (nationality: string) => {
    const started = await priya.post('/api/cases', { definitionId: 'fno-referral', data: { nationality } }).expect(201);
    const caseId: string = started.body.caseId;
    const refer = (await priya.get(`/api/tasks?view=team&caseId=${caseId}`).expect(200)).body.items[0];
    await priya.post(`/api/tasks/${encodeURIComponent(refer.id)}/claim`).expect(200);
    await priya.post(`/api/tasks/${encodeURIComponent(refer.id)}/complete`, { data: { prisonNumber: `A${nationality}1BC`, sentenceMonths: 18 } }).expect(200);
    const decide = (await tom.get(`/api/tasks?view=team&caseId=${caseId}`).expect(200)).body.items[0];
    await tom.post(`/api/tasks/${encodeURIComponent(decide.id)}/claim`).expect(200);
    await tom.post(`/api/tasks/${encodeURIComponent(decide.id)}/complete`, { data: { decision: 'deport' } }).expect(200);
    const events = await eventually(
      () => tom.get(`/api/cases/${caseId}/events`).then((response) => response.body.items as LoggedEvent[]),
      (items) => items.some((event) => event.kind === 'case-completed'),
    );
    timelines.push(events);
  };

  beforeAll(async () => {
    casemap = await startTestCasemap();
    const designer = await casemap.as('designer');
    [priya, tom] = await Promise.all([casemap.as('priya'), casemap.as('tom')]);
    await designer.post('/api/definitions/deploy', { id: 'fno-referral', xml: referralXml }).expect(201);
    await runCase('NG');
    await runCase('AL');

    const app = express();
    app.use(express.json({ limit: '25mb' }));
    app.use(async (req, _res, next) => {
      const user = await findUserById(casemap.db, req.header('x-test-user') ?? 'analyst');
      if (user) req.user = user;
      next();
    });
    app.use('/api', insightsRouter(casemap.db));
    app.use(problemHandler);
    insights = supertest.agent(app);
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  const ms = (a: string, b: string) => Date.parse(b) - Date.parse(a);
  /** The n-th task's ready, claimed and completed instants in a case's timeline. */
  const taskTimes = (timeline: LoggedEvent[], n: number) => {
    const ready = timeline.filter((e) => e.kind === 'task-ready')[n]!;
    const of = (kind: string) => timeline.find((e) => e.kind === kind && e.taskId === ready.taskId)!.at;
    return { ready: ready.at, claimed: of('task-claimed'), completed: of('task-completed') };
  };
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

  it('reports the figures of the two cases, measured from their own log', async () => {
    const { body: report } = await insights.get('/api/insights/report?definitionId=fno-referral').expect(200);
    expect(report.cases).toEqual({ total: 2, open: 0, completed: 2, failed: 0, cancelled: 0 });

    const refer = timelines.map((t) => taskTimes(t, 0));
    const decide = timelines.map((t) => taskTimes(t, 1));
    const referStats = report.elements.find((e: { nodeId: string }) => e.nodeId === 'Task_refer');
    expect(referStats).toMatchObject({ name: 'Refer case to FNO Returns', kind: 'task', team: 'prison-casework', cases: 2, executions: 2, completed: 2 });
    expect(referStats.waiting.mean).toBeCloseTo(mean(refer.map((t) => ms(t.ready, t.claimed))), 6);
    expect(referStats.processing.mean).toBeCloseTo(mean(refer.map((t) => ms(t.claimed, t.completed))), 6);
    expect(referStats.sojourn.max).toBe(Math.max(...refer.map((t) => ms(t.ready, t.completed))));
    const decideStats = report.elements.find((e: { nodeId: string }) => e.nodeId === 'Task_decide');
    expect(decideStats).toMatchObject({ team: 'fno-returns', executions: 2, completed: 2 });
    expect(decideStats.sojourn.mean).toBeCloseTo(mean(decide.map((t) => ms(t.ready, t.completed))), 6);

    expect(report.directlyFollows.edges).toEqual([
      expect.objectContaining({ from: 'Task_refer', to: 'Task_decide', count: 2, duration: expect.objectContaining({ mean: expect.closeTo(mean(refer.map((t, i) => ms(t.completed, decide[i]!.completed))), 6) }) }),
    ]);
    expect(report.variants).toMatchObject({ total: 1, variants: [{ activities: ['Refer case to FNO Returns', 'Make deportation decision'], count: 2, share: 1 }] });
    expect(report.handoffs).toEqual([expect.objectContaining({ fromTeam: 'prison-casework', toTeam: 'fno-returns', count: 2, accepted: 2, overdue: 0 })]);
    expect(report.rework.casesWithRework).toBe(0);
    // both steps carry an SLA (P5D working days, P10D), none missed in a run of seconds
    expect(report.slaBreaches.overall).toEqual({ tasks: 4, withDeadline: 4, breached: 0, rate: 0 });
    expect(report.atRisk).toEqual([]);
    expect(report.throughput.periods.reduce((sum: number, p: { completed: number }) => sum + p.completed, 0)).toBe(2);

    const working = await insights.get('/api/insights/report?definitionId=fno-referral&time=working&team=fno-returns').expect(200);
    expect(working.body).toMatchObject({ time: 'working', cases: { total: 2 } });
  });

  it('exports the log as CSV, XES and OCEL, and imports the CSV back on the model', async () => {
    const csv = await insights.get('/api/insights/export.csv?definitionId=fno-referral').expect(200).expect('content-type', /text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 2 * 2 * 3); // header + 2 cases × 2 tasks × (schedule, start, complete)
    const xes = await insights.get('/api/insights/export.xes?definitionId=fno-referral').buffer(true).parse(asText).expect(200).expect('content-type', /application\/xml/);
    expect(xes.body.match(/<trace>/g)).toHaveLength(2);
    const ocel = await insights.get('/api/insights/export.ocel.json?definitionId=fno-referral').expect(200);
    expect(JSON.parse(ocel.text).objects.filter((o: { type: string }) => o.type === 'case')).toHaveLength(2);

    const imported = await insights.post('/api/insights/import').send({ format: 'csv', content: csv.text, definitionId: 'fno-referral' }).expect(200);
    expect(imported.body.imported).toEqual({ cases: 2, events: expect.any(Number), skippedRows: 0 });
    expect(imported.body.conformance).toMatchObject({ cases: 2, conformingCases: 2, offModel: [], disallowedPairs: [] });
    expect(imported.body.report.directlyFollows.edges).toEqual([expect.objectContaining({ fromName: 'Refer case to FNO Returns', toName: 'Make deportation decision', count: 2 })]);
    const fromXes = await insights.post('/api/insights/import').send({ format: 'xes', content: xes.body }).expect(200);
    expect(fromXes.body.report.variants.variants[0]).toMatchObject({ count: 2 });
  });

  it('refuses logs over 20 MB or that cannot be read, and readers without the analyst role', async () => {
    const big = await insights.post('/api/insights/import').send({ format: 'csv', content: 'x'.repeat(20 * 1024 * 1024 + 1) }).expect(413);
    expect(big.body).toMatchObject({ code: 'payload-too-large', detail: expect.stringContaining('20 MB') });
    const unreadable = await insights.post('/api/insights/import').send({ format: 'csv', content: 'a,b\n1,2\n' }).expect(400);
    expect(unreadable.body.issues).toEqual([expect.objectContaining({ field: 'body.content', code: 'missing-column' })]);
    await insights.get('/api/insights/report?definitionId=no-such-process').expect(404);
    await insights.get('/api/insights/report?definitionId=fno-referral').set('x-test-user', 'tom').expect(403);
    const leads = await insights.get('/api/insights/at-risk?definitionId=fno-referral').set('x-test-user', 'lena').expect(200);
    expect(leads.body).toEqual({ items: [] });
  });
});
