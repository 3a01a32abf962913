// Kept logs through the real API: a file upload (XES, gzipped XES, CSV) read as a stream into the
// database, listed, analysed again by id, discovered into BPMN, checked against a deployed process,
// refused with the line or trace at fault (keeping nothing), and seen only by its importer and admins.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseLog } from '../../domain/insights/analyse.ts';
import { exportCsv } from '../../domain/insights/formats/csv-export.ts';
import { exportXes } from '../../domain/insights/formats/xes-export.ts';
import { importXes } from '../../domain/insights/formats/xes-import.ts';
import { generateSyntheticLog } from '../../domain/insights/synthetic-log.ts';
import { startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const log = generateSyntheticLog({ seed: 2020, cases: 120, start: '2026-01-05T09:00:00Z' });
const xes = exportXes(log);
const csv = exportCsv(log);
const referralXml = readFileSync(new URL('../fixtures/two-lane-referral.bpmn', import.meta.url), 'utf8');

describe('kept event logs through the API', () => {
  let casemap: TestCasemap;
  let analyst: UserClient;
  let admin: UserClient;
  let lena: UserClient;

  const upload = (who: UserClient, query: string, type: string, body: string | Buffer) =>
    supertest(casemap.url).post(`/api/insights/logs?${query}`).set('Authorization', `Bearer ${who.token}`).set('Content-Type', type).send(body);
  const remove = (who: UserClient, id: string) => supertest(casemap.url).delete(`/api/insights/logs/${id}`).set('Authorization', `Bearer ${who.token}`);
  const eventRows = async () => (await casemap.db.query<{ n: number }>('SELECT count(*)::int AS n FROM imported_log_events'))[0]!.n;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    [analyst, admin, lena] = await Promise.all([casemap.as('analyst'), casemap.as('admin'), casemap.as('lena')]);
    const designer = await casemap.as('designer');
    await designer.post('/api/definitions/deploy', { id: 'fno-referral', xml: referralXml }).expect(201);
  }, 120_000);
  afterAll(async () => casemap?.stop());

  it('keeps a gzipped XES upload and answers the same report by id as the whole-file import', async () => {
    const created = await upload(analyst, 'name=returns.xes.gz', 'application/gzip', gzipSync(xes)).expect(201);
    expect(created.body).toMatchObject({ name: 'returns.xes.gz', format: 'xes', importedBy: 'analyst', cases: 120 });
    const id: string = created.body.id;
    const whole = importXes(xes);
    if (!whole.ok) throw new Error(whole.problem.message);
    expect(created.body.events).toBe(xes.match(/<event>/g)!.length);
    const last = whole.events.reduce((max, e) => (e.at > max ? e.at : max), whole.events[0]!.at);
    const expected = analyseLog(whole.events, { now: last });
    const report = await analyst.get(`/api/insights/logs/${id}/report`).expect(200);
    expect(report.body.variants).toEqual(expected.variants);
    expect(report.body.directlyFollows).toEqual(expected.directlyFollows);
    const listed = await analyst.get('/api/insights/logs').expect(200);
    expect(listed.body.logs.map((l: { id: string }) => l.id)).toContain(id);
  });

  it('keeps a CSV upload (format from the name) and compares two of its periods', async () => {
    const created = await upload(analyst, 'name=returns.csv', 'text/csv', csv).expect(201);
    expect(created.body).toMatchObject({ format: 'csv', cases: 120 });
    const compared = await analyst.get(`/api/insights/logs/${created.body.id}/compare?baseTo=2026-02-01T00:00:00Z&otherFrom=2026-02-01T00:00:00Z`).expect(200);
    expect(compared.body.cases.base + compared.body.cases.other).toBeGreaterThan(0);
    expect(compared.body.elements.length).toBeGreaterThan(0);
  });

  it('discovers a process map from a kept log as laid-out BPMN with its directly-follows graph', async () => {
    const created = await upload(analyst, 'format=xes&name=for-discovery', 'application/xml', xes).expect(201);
    const found = await analyst.get(`/api/insights/logs/${created.body.id}/discovery?minEdgeCount=2`).expect(200);
    expect(found.body.bpmn).toContain('<bpmndi:BPMNDiagram');
    expect(found.body.bpmn).toContain('bpmn:userTask');
    expect(found.body.cases).toBe(120);
    expect(found.body.dfg.edges.every((e: { count: number }) => e.count >= 2)).toBe(true);
    expect(found.body.tree).toMatch(/^(->|X|\+|\*)\(/);
  });

  it('checks a kept log against a deployed process', async () => {
    const rows = 'case_id,activity,timestamp\nc1,Refer case to FNO Returns,2026-01-05T09:00:00Z\nc1,Make deportation decision,2026-01-06T09:00:00Z\nc2,Make deportation decision,2026-01-05T09:00:00Z\n';
    const created = await upload(analyst, 'format=csv&name=two-cases', 'text/csv', rows).expect(201);
    const checked = await analyst.get(`/api/insights/logs/${created.body.id}/conformance?definitionId=fno-referral`).expect(200);
    expect(checked.body).toMatchObject({ cases: 2, conformingCases: 1 });
  });

  it('refuses a CSV with a bad timestamp naming its line, and keeps nothing of it', async () => {
    const before = await eventRows();
    const lines = csv.split('\r\n');
    const bad = Math.floor(lines.length * 0.7);
    lines[bad] = lines[bad]!.replace(/20\d\d-\d\d-\d\dT[\d:.]+Z/, 'not-a-time');
    const refused = await upload(analyst, 'format=csv&name=broken', 'text/csv', lines.join('\r\n')).expect(400);
    expect(refused.body).toMatchObject({ code: 'invalid-request', line: bad + 1, issues: [{ field: 'body', code: 'invalid-timestamp' }] });
    expect(refused.body.detail).toContain(`Line ${bad + 1},`);
    expect(await eventRows()).toBe(before);
    const listed = await analyst.get('/api/insights/logs').expect(200);
    expect(listed.body.logs.map((l: { name: string }) => l.name)).not.toContain('broken');
  });

  it('refuses an XES file cut short, naming the unclosed trace', async () => {
    const cut = xes.slice(0, Math.floor(xes.length / 2));
    const refused = await upload(analyst, 'format=xes&name=cut', 'application/xml', cut).expect(400);
    expect(refused.body).toMatchObject({ issues: [{ code: 'invalid-xes' }], trace: expect.any(Number), line: expect.any(Number) });
    expect(refused.body.detail).toMatch(/trace \d+ is never closed/);
  });

  it('refuses a log above the configured size with 413', async () => {
    const previous = process.env.CASEMAP_MAX_LOG_BYTES;
    process.env.CASEMAP_MAX_LOG_BYTES = '10000';
    try {
      const refused = await upload(analyst, 'format=xes&name=big', 'application/xml', xes).expect(413);
      expect(refused.body.code).toBe('payload-too-large');
    } finally {
      if (previous === undefined) delete process.env.CASEMAP_MAX_LOG_BYTES;
      else process.env.CASEMAP_MAX_LOG_BYTES = previous;
    }
  });

  it('refuses a JSON body and a body without a format it can tell', async () => {
    await upload(analyst, 'name=x', 'application/json', '{}').expect(415);
    const unknown = await upload(analyst, 'name=export', 'application/gzip', gzipSync(xes)).expect(400);
    expect(unknown.body.issues).toEqual([expect.objectContaining({ field: 'query.format' })]);
  });

  it('lets admins see and delete a log, refuses leads, and answers 404 once deleted', async () => {
    const created = await upload(analyst, 'format=csv&name=to-delete', 'text/csv', csv).expect(201);
    await supertest(casemap.url).get('/api/insights/logs').set('Authorization', `Bearer ${lena.token}`).expect(403);
    const seen = await admin.get(`/api/insights/logs/${created.body.id}`).expect(200);
    expect(seen.body.importedBy).toBe('analyst');
    const rows = await eventRows();
    await remove(admin, created.body.id).expect(204);
    expect(await eventRows()).toBe(rows - created.body.events);
    await analyst.get(`/api/insights/logs/${created.body.id}`).expect(404);
    await analyst.get(`/api/insights/logs/${created.body.id}/report`).expect(404);
    await remove(analyst, created.body.id).expect(404);
  });
});
