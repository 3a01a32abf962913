// OCEL 2.0 logs through the real API: a JSON (gzipped) and an XML upload kept as every flattening
// at once, analysed by the type with most events or the one asked for, switched to another type
// without a new upload, and a malformed file refused with the path at fault, keeping nothing.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseLog } from '../../domain/insights/analyse.ts';
import { importRows } from '../../domain/insights/formats/log-rows.ts';
import { readOcel } from '../../domain/insights/formats/ocel-import.ts';
import { startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const fixture = (name: string) => readFileSync(new URL(`../../domain/insights/formats/ocel-fixtures/${name}`, import.meta.url), 'utf8');
const json = fixture('order-handling.jsonocel');
const xml = fixture('order-handling.xmlocel');

/** The report the whole-file reader and flattening give, to compare with what the kept rows give. */
function expectedReport(objectType: string) {
  const read = readOcel(json, 'jsonocel', objectType);
  if (!read.ok) throw new Error(read.problem.message);
  const imported = importRows(read.flattened, {});
  if (!imported.ok) throw new Error(imported.problem.message);
  const last = imported.events.reduce((max, e) => (e.at > max ? e.at : max), imported.events[0]!.at);
  return analyseLog(imported.events, { now: last });
}

describe('OCEL 2.0 logs through the API', () => {
  let casemap: TestCasemap;
  let analyst: UserClient;

  const upload = (query: string, type: string, body: string | Buffer) =>
    supertest(casemap.url).post(`/api/insights/logs?${query}`).set('Authorization', `Bearer ${analyst.token}`).set('Content-Type', type).send(body);
  const put = (id: string, objectType: string) => supertest(casemap.url).put(`/api/insights/logs/${id}/object-type`).set('Authorization', `Bearer ${analyst.token}`).send({ objectType });
  const eventRows = async () => (await casemap.db.query<{ n: number }>('SELECT count(*)::int AS n FROM imported_log_events'))[0]!.n;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    analyst = await casemap.as('analyst');
  }, 120_000);
  afterAll(async () => casemap?.stop());

  it('keeps a gzipped OCEL JSON log flattened by the type with most events, with its object types and counts', async () => {
    const created = await upload('name=orders.jsonocel', 'application/gzip', gzipSync(json)).expect(201);
    expect(created.body).toMatchObject({
      format: 'jsonocel',
      cases: 2,
      events: 8,
      ocel: {
        objectType: 'order',
        events: 13,
        unrelatedEvents: 1,
        objectTypes: [
          { name: 'delivery', objects: 2, events: 3 },
          { name: 'item', objects: 3, events: 7 },
          { name: 'order', objects: 2, events: 8 },
        ],
      },
    });
    const report = await analyst.get(`/api/insights/logs/${created.body.id}/report`).expect(200);
    const expected = expectedReport('order');
    expect(report.body.variants).toEqual(expected.variants);
    expect(report.body.directlyFollows).toEqual(expected.directlyFollows);
  });

  it('analyses a kept OCEL log by another object type without a new upload, and back', async () => {
    const created = await upload('name=orders.jsonocel', 'application/octet-stream', json).expect(201);
    const id: string = created.body.id;
    const byItem = await put(id, 'item').expect(200);
    expect(byItem.body).toMatchObject({ cases: 3, events: 9, ocel: { objectType: 'item' } });
    const report = await analyst.get(`/api/insights/logs/${id}/report`).expect(200);
    expect(report.body.variants).toEqual(expectedReport('item').variants);
    const listed = await analyst.get('/api/insights/logs').expect(200);
    expect(listed.body.logs.find((l: { id: string }) => l.id === id).ocel.objectType).toBe('item');
    const refused = await put(id, 'parcel').expect(400);
    expect(refused.body.issues).toEqual([expect.objectContaining({ field: 'body.objectType', code: 'unknown-object-type' })]);
    await put(id, 'order').expect(200);
    expect((await analyst.get(`/api/insights/logs/${id}/report`).expect(200)).body.variants).toEqual(expectedReport('order').variants);
  });

  it('keeps an OCEL XML log flattened by the object type asked for', async () => {
    const created = await upload('name=orders.xmlocel&objectType=delivery', 'application/xml', xml).expect(201);
    expect(created.body).toMatchObject({ format: 'xmlocel', cases: 2, events: 3, ocel: { objectType: 'delivery' } });
  });

  it('refuses a relationship without its objectId naming the path, and keeps nothing of the log', async () => {
    const before = await eventRows();
    const broken = json.replace('{ "objectId": "i2", "qualifier": "picked" }', '{ "qualifier": "picked" }');
    const refused = await upload('name=broken.jsonocel', 'application/octet-stream', broken).expect(400);
    expect(refused.body).toMatchObject({ code: 'invalid-request', path: 'events[3].relationships[0].objectId', line: 30, issues: [{ field: 'body', code: 'invalid-ocel' }] });
    expect(refused.body.detail).toContain('events[3].relationships[0].objectId');
    expect(await eventRows()).toBe(before);
    const listed = await analyst.get('/api/insights/logs').expect(200);
    expect(listed.body.logs.map((l: { name: string }) => l.name)).not.toContain('broken.jsonocel');
  });

  it('refuses an object type the log lacks naming the query parameter, and an object type for an XES log', async () => {
    const before = await eventRows();
    const refused = await upload('name=orders.jsonocel&objectType=parcel', 'application/octet-stream', json).expect(400);
    expect(refused.body.issues).toEqual([expect.objectContaining({ field: 'query.objectType', code: 'unknown-object-type' })]);
    expect(refused.body.detail).toContain('delivery, item, order');
    expect(await eventRows()).toBe(before);
    const xes = await upload('name=x.xes&objectType=order', 'application/xml', '<log><trace></trace></log>').expect(400);
    expect(xes.body.issues).toEqual([expect.objectContaining({ field: 'query.objectType' })]);
  });
});
