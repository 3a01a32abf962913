// The objects of a kept OCEL 2.0 log through the API, on the store of the run (PGlite, or PostgreSQL
// when DATABASE_URL is set): a page of objects with their current attribute values and counts, one
// object with its attribute history, relations both ways and events, and the object-type graph, all
// counted by hand from the fixture; the same from its XML form; who may see them; an XES log's 400;
// a refused upload keeping no object; a delete removing every row.
import { readFileSync } from 'node:fs';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../storage/database.ts';
import { openTestStore } from '../../storage/support/test-store.ts';
import { upsertUser } from '../../storage/identity-store.ts';
import { seedDemoIdentities } from '../../demo/demo-identities.ts';
import { insightsRouterApp } from '../support/insights-router-app.ts';

const fixture = (name: string) => readFileSync(new URL(`../../domain/insights/formats/ocel-fixtures/${name}`, import.meta.url), 'utf8');
const json = fixture('order-handling.jsonocel');
const xml = fixture('order-handling.xmlocel');
const EPOCH = '1970-01-01T00:00:00.000Z';
const PAID = '2026-01-08T12:00:00.000Z';
const TABLES = ['imported_log_events', 'imported_log_objects', 'imported_log_object_relations', 'imported_log_ocel_events'];

/** The object graph of the fixture, counted by hand from its objects and events. */
const graph = {
  objectRelations: [
    { sourceType: 'delivery', targetType: 'item', qualifier: 'carries', count: 1 },
    { sourceType: 'delivery', targetType: 'order', qualifier: 'delivers', count: 1 },
    { sourceType: 'order', targetType: 'item', qualifier: 'comprises', count: 2 },
  ],
  eventRelations: [
    { activity: 'close order', objectType: 'order', count: 1 },
    { activity: 'confirm delivery', objectType: 'delivery', count: 1 },
    { activity: 'notify customer', objectType: 'order', count: 1 },
    { activity: 'pay order', objectType: 'order', count: 2 },
    { activity: 'pick item', objectType: 'item', count: 3 },
    { activity: 'place order', objectType: 'item', count: 3 },
    { activity: 'place order', objectType: 'order', count: 2 },
    { activity: 'send package', objectType: 'delivery', count: 2 },
    // e6 relates i1 twice (packed, insured): two relations.
    { activity: 'send package', objectType: 'item', count: 4 },
    { activity: 'send package', objectType: 'order', count: 2 },
  ],
};

const o1 = {
  id: 'o1',
  type: 'order',
  attributes: [
    { name: 'total', history: [{ at: EPOCH, value: '120.5' }, { at: PAID, value: '99.5' }] },
    { name: 'status', history: [{ at: EPOCH, value: 'open' }, { at: PAID, value: 'paid' }] },
  ],
  relations: {
    items: [
      { direction: 'from', objectId: 'i1', objectType: 'item', qualifier: 'comprises' },
      { direction: 'from', objectId: 'i2', objectType: 'item', qualifier: 'comprises' },
      { direction: 'to', objectId: 'd1', objectType: 'delivery', qualifier: 'delivers' },
    ],
    total: 3,
    truncated: false,
  },
  events: {
    items: [
      { id: 'e1', activity: 'place order', at: '2026-01-05T09:00:00.000Z', qualifiers: ['order'] },
      { id: 'e6', activity: 'send package', at: '2026-01-07T08:00:00.000Z', qualifiers: ['order'] },
      { id: 'e7', activity: 'pay order', at: '2026-01-08T12:00:00.000Z', qualifiers: ['order'] },
    ],
    total: 3,
    truncated: false,
  },
};

describe('the objects of a kept OCEL log through the API', () => {
  let db: Database;
  let app: supertest.Agent;
  let jsonLog: string;

  const as = (user: string) => ({
    get: (path: string) => app.get(path).set('x-test-user', user),
    upload: (query: string, type: string, body: string) => app.post(`/api/insights/logs?${query}`).set('x-test-user', user).set('Content-Type', type).send(body),
  });
  const analyst = as('analyst');
  const rowsOf = async (logId: string) => {
    const counts: Record<string, number> = {};
    for (const table of TABLES) counts[table] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE log_id = $1`, [logId]))[0]!.n;
    return counts;
  };
  const allRows = async () => {
    const counts: Record<string, number> = {};
    for (const table of TABLES) counts[table] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
    return counts;
  };

  beforeAll(async () => {
    db = await openTestStore();
    await seedDemoIdentities(db);
    await upsertUser(db, { id: 'ben', username: 'ben', displayName: 'Ben (another analyst)', passwordHash: null, roles: ['analyst'], memberships: [] });
    app = insightsRouterApp(db);
    jsonLog = (await analyst.upload('name=orders.jsonocel', 'application/octet-stream', json).expect(201)).body.id;
  }, 120_000);
  afterAll(async () => db?.close());

  it('lists the objects by id with their attribute values as of the last change, their event and relation counts', async () => {
    const page = await analyst.get(`/api/insights/logs/${jsonLog}/objects`).expect(200);
    expect(page.body.total).toBe(7);
    expect(page.body.items.map((o: { id: string }) => o.id)).toEqual(['d1', 'd2', 'i1', 'i2', 'i3', 'o1', 'o2']);
    expect(page.body.items[5]).toEqual({ id: 'o1', type: 'order', attributes: [{ name: 'total', value: '99.5', at: PAID }, { name: 'status', value: 'paid', at: PAID }], events: 3, relations: 3 });
    // i1: placed, picked, sent (related twice under two qualifiers: one event); listed by o1 and d1.
    expect(page.body.items[2]).toEqual({ id: 'i1', type: 'item', attributes: [{ name: 'product', value: 'kettle "deluxe" {2l}', at: EPOCH }], events: 3, relations: 2 });
    expect(page.body.items[1]).toEqual({ id: 'd2', type: 'delivery', attributes: [], events: 1, relations: 0 });
  });

  it('pages, keeps one type, and finds ids holding q anywhere, ignoring case', async () => {
    const ids = async (query: string) => {
      const page = await analyst.get(`/api/insights/logs/${jsonLog}/objects?${query}`).expect(200);
      return { ids: page.body.items.map((o: { id: string }) => o.id), total: page.body.total };
    };
    expect(await ids('limit=2&offset=2')).toEqual({ ids: ['i1', 'i2'], total: 7 });
    expect(await ids('type=item')).toEqual({ ids: ['i1', 'i2', 'i3'], total: 3 });
    expect(await ids('q=1')).toEqual({ ids: ['d1', 'i1', 'o1'], total: 3 });
    expect(await ids('q=O')).toEqual({ ids: ['o1', 'o2'], total: 2 });
    expect(await ids('type=order&q=2&limit=1')).toEqual({ ids: ['o2'], total: 1 });
    expect(await ids('q=nothing')).toEqual({ ids: [], total: 0 });
    const refused = await analyst.get(`/api/insights/logs/${jsonLog}/objects?limit=lots`).expect(400);
    expect(refused.body.issues[0].field).toBe('query.limit');
  });

  it("answers one object's attribute history, its relations both ways with the other's type, and its events with their qualifiers", async () => {
    expect((await analyst.get(`/api/insights/logs/${jsonLog}/objects/o1`).expect(200)).body).toEqual(o1);
    const i1 = (await analyst.get(`/api/insights/logs/${jsonLog}/objects/i1`).expect(200)).body;
    expect(i1.events.items.map((e: { id: string; qualifiers: string[] }) => [e.id, e.qualifiers])).toEqual([['e1', ['item']], ['e3', ['picked']], ['e6', ['packed', 'insured']]]);
    expect(i1.relations.items).toEqual([
      { direction: 'to', objectId: 'd1', objectType: 'delivery', qualifier: 'carries' },
      { direction: 'to', objectId: 'o1', objectType: 'order', qualifier: 'comprises' },
    ]);
    await analyst.get(`/api/insights/logs/${jsonLog}/objects/o9`).expect(404);
  });

  it('counts the object model: relations between object types by qualifier, and between activities and object types', async () => {
    expect((await analyst.get(`/api/insights/logs/${jsonLog}/object-graph`).expect(200)).body).toEqual(graph);
  });

  it('keeps the same objects from the XML form of the log', async () => {
    const xmlLog = (await analyst.upload('name=orders.xmlocel', 'application/xml', xml).expect(201)).body.id;
    expect((await analyst.get(`/api/insights/logs/${xmlLog}/object-graph`).expect(200)).body).toEqual(graph);
    expect((await analyst.get(`/api/insights/logs/${xmlLog}/objects/o1`).expect(200)).body).toEqual(o1);
    const i1 = (await analyst.get(`/api/insights/logs/${xmlLog}/objects/i1`).expect(200)).body;
    expect(i1.attributes).toEqual([{ name: 'product', history: [{ at: EPOCH, value: 'kettle "deluxe" <2l>' }] }]);
  });

  it('shows the objects only to the analyst who kept the log and to admins: another analyst gets 404, a caseworker 403', async () => {
    for (const path of ['objects', 'objects/o1', 'object-graph']) {
      await as('admin').get(`/api/insights/logs/${jsonLog}/${path}`).expect(200);
      await as('ben').get(`/api/insights/logs/${jsonLog}/${path}`).expect(404);
      await as('tom').get(`/api/insights/logs/${jsonLog}/${path}`).expect(403);
    }
  });

  it('answers 400 naming the log for an XES log, which has cases but no objects', async () => {
    const xes = (await analyst.upload('name=cases.xes', 'application/xml', '<log><trace><string key="concept:name" value="c1"/><event><string key="concept:name" value="Refer"/><date key="time:timestamp" value="2026-01-01T09:00:00Z"/></event></trace></log>').expect(201)).body.id;
    for (const path of ['objects', 'objects/o1', 'object-graph']) {
      const refused = await analyst.get(`/api/insights/logs/${xes}/${path}`).expect(400);
      expect(refused.body.issues).toEqual([expect.objectContaining({ field: 'params.logId', code: 'not-ocel' })]);
      expect(refused.body.detail).toMatch(/XES log, which has cases and events but no objects/);
    }
  });

  it('keeps nothing of a log refused for a relation to an undeclared object', async () => {
    const before = await allRows();
    const broken = json.replace('{ "objectId": "i1", "qualifier": "carries" }', '{ "objectId": "i9", "qualifier": "carries" }');
    const refused = await analyst.upload('name=broken.jsonocel', 'application/octet-stream', broken).expect(400);
    expect(refused.body).toMatchObject({ path: 'objects[5].relationships[1].objectId', line: 23, issues: [{ field: 'body', code: 'invalid-ocel' }] });
    expect(await allRows()).toEqual(before);
  });

  it("lists at most 1,000 of an object's events and relations, in time order, saying the rest were cut", async () => {
    const at = (k: number) => new Date(Date.UTC(2026, 0, 1) + k * 60_000).toISOString();
    const spokes = Array.from({ length: 1002 }, (_, k) => ({ id: `s${String(k).padStart(4, '0')}`, type: 'spoke', relationships: [{ objectId: 'hub', qualifier: 'part of' }] }));
    const events = Array.from({ length: 1003 }, (_, k) => ({ id: `e${k}`, type: 'tick', time: at(1003 - k), relationships: [{ objectId: 'hub', qualifier: 'ticked' }] }));
    const log = JSON.stringify({ objectTypes: [], eventTypes: [], objects: [{ id: 'hub', type: 'hub' }, ...spokes], events: [...events, { id: 'spokes', type: 'count', time: at(0), relationships: spokes.map((o) => ({ objectId: o.id, qualifier: '' })) }] });
    const kept = (await analyst.upload('name=hub.jsonocel', 'application/octet-stream', log).expect(201)).body.id;
    const hub = (await analyst.get(`/api/insights/logs/${kept}/objects/hub`).expect(200)).body;
    expect(hub.events).toMatchObject({ total: 1003, truncated: true });
    expect(hub.events.items).toHaveLength(1000);
    // Written latest first, listed earliest first.
    expect(hub.events.items.slice(0, 2).map((e: { id: string }) => e.id)).toEqual(['e1002', 'e1001']);
    expect(hub.relations).toMatchObject({ total: 1002, truncated: true });
    expect(hub.relations.items).toHaveLength(1000);
    expect(hub.relations.items[0]).toEqual({ direction: 'to', objectId: 's0000', objectType: 'spoke', qualifier: 'part of' });
    const spoke = (await analyst.get(`/api/insights/logs/${kept}/objects/s0001`).expect(200)).body;
    expect(spoke.events).toEqual({ items: [{ id: 'spokes', activity: 'count', at: at(0), qualifiers: [''] }], total: 1, truncated: false });
  });

  it("deletes the log's objects, relations and events with it", async () => {
    const kept = (await analyst.upload('name=to-delete.jsonocel', 'application/octet-stream', json).expect(201)).body.id;
    expect(await rowsOf(kept)).toEqual({ imported_log_events: 20, imported_log_objects: 7, imported_log_object_relations: 4, imported_log_ocel_events: 13 });
    await app.delete(`/api/insights/logs/${kept}`).set('x-test-user', 'analyst').expect(204);
    expect(await rowsOf(kept)).toEqual({ imported_log_events: 0, imported_log_objects: 0, imported_log_object_relations: 0, imported_log_ocel_events: 0 });
    await analyst.get(`/api/insights/logs/${kept}/objects`).expect(404);
  });
});
