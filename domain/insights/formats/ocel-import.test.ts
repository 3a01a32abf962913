import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importRows } from './log-rows.ts';
import { flattenedBy, OcelFlattening, typeCounts, type OcelRow } from './ocel-flattening.ts';
import { chooseObjectType, ocelReader, readOcel, type OcelFormat } from './ocel-import.ts';
import type { OcelEventItem, OcelItem, OcelObjectItem, OcelProblem } from './ocel-items.ts';

const fixture = (name: string) => readFileSync(new URL(`./ocel-fixtures/${name}`, import.meta.url), 'utf8');
const json = fixture('order-handling.jsonocel');
const xml = fixture('order-handling.xmlocel');

/** Each case of a flattening as `case: activity → activity`, in the order analyses read it. */
const traces = (rows: readonly OcelRow[]) => {
  const byCase = new Map<string, string[]>();
  for (const row of rows) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row.activity]);
  return Object.fromEntries(byCase);
};

function read(text: string, format: OcelFormat, objectType?: string) {
  const result = readOcel(text, format, objectType);
  if (!result.ok) throw new Error(result.problem.message);
  return result;
}

function problemOf(text: string, format: OcelFormat, objectType?: string): OcelProblem {
  const result = readOcel(text, format, objectType);
  if (result.ok) throw new Error('expected the log to be refused');
  return result.problem;
}

/** Every item the streaming reader hands on, fed in pieces of `size` characters as an upload arrives. */
function itemsOf(text: string, format: OcelFormat, size = 1 << 20): OcelItem[] {
  const reader = ocelReader(format);
  const items: OcelItem[] = [];
  const steps = [];
  for (let i = 0; i < text.length; i += size) steps.push(reader.push(text.slice(i, i + size)));
  steps.push(reader.end());
  for (const step of steps) {
    if (!step.ok) throw new Error(step.problem.message);
    items.push(...step.items);
  }
  return items;
}

/** The same items through the flattening. */
function streamed(text: string, format: OcelFormat, size: number) {
  const flattening = new OcelFlattening();
  const rows: OcelRow[] = [];
  for (const item of itemsOf(text, format, size)) rows.push(...(flattening.add(item) as OcelRow[]));
  const done = flattening.finish();
  if (!done.ok) throw new Error(done.problem.message);
  return { rows, counts: typeCounts(rows, flattening.objectCounts()) };
}

const orders = {
  o1: ['place order', 'send package', 'pay order'],
  o2: ['place order', 'send package', 'pay order', 'notify customer', 'close order'],
};

describe('OCEL 2.0 import and flattening', () => {
  it('flattens a JSON log by the object type with most events, each event copied to every order it relates to', () => {
    const { log, flattened } = read(json, 'jsonocel');
    expect(log.objectType).toBe('order');
    expect(log.objectTypes).toEqual([
      { name: 'delivery', objects: 2, events: 3 },
      { name: 'item', objects: 3, events: 7 },
      { name: 'order', objects: 2, events: 8 },
    ]);
    expect(log.events).toBe(13);
    expect(log.unrelatedEvents).toBe(1);
    // Equal times (notify customer, close order) keep the file's order, as PM4Py's sort by time then position does.
    expect(traces(flattened)).toEqual(orders);
  });

  it('copies an event related to one object twice (two qualifiers) once, and flattens by a chosen type', () => {
    const { flattened } = read(json, 'jsonocel', 'item');
    expect(traces(flattened)).toEqual({
      i1: ['place order', 'pick item', 'send package'],
      i2: ['place order', 'pick item', 'send package'],
      i3: ['place order', 'pick item', 'send package'],
    });
    expect(flattened).toHaveLength(9);
  });

  it('reads the XML form of the same log to the same rows', () => {
    expect(read(xml, 'xmlocel').log).toEqual(read(json, 'jsonocel').log);
  });

  it('reads the same rows whatever pieces the file arrives in', () => {
    const whole = read(json, 'jsonocel').log.rows;
    for (const [text, format] of [[json, 'jsonocel'], [xml, 'xmlocel']] as const) {
      for (const size of [1, 7, 100, 1 << 16]) expect(streamed(text, format, size).rows).toEqual(whole);
    }
  });

  it('reads events listed before objects, resolving the types of their copies at the end', () => {
    const parsed = JSON.parse(json) as Record<string, unknown>;
    const eventsFirst = JSON.stringify({ events: parsed.events, objectTypes: parsed.objectTypes, eventTypes: parsed.eventTypes, objects: parsed.objects });
    const { log, flattened } = read(eventsFirst, 'jsonocel');
    expect(log.objectType).toBe('order');
    expect(traces(flattened)).toEqual(orders);
  });

  it('gives flattened rows that Casemap reads as one completed step per event', () => {
    const { flattened } = read(json, 'jsonocel');
    const imported = importRows(flattened, {});
    if (!imported.ok) throw new Error(imported.problem.message);
    expect(imported.cases).toBe(2);
    expect(imported.events.filter((e) => e.kind === 'task-completed')).toHaveLength(8);
  });

  it('refuses a relationship without an objectId, naming its path', () => {
    const broken = json.replace('{ "objectId": "i2", "qualifier": "picked" }', '{ "qualifier": "picked" }');
    expect(problemOf(broken, 'jsonocel')).toMatchObject({ code: 'invalid-ocel', path: 'events[3].relationships[0].objectId', line: 30 });
  });

  it('refuses an event related to an object the log never declares, naming the first reference', () => {
    const broken = json.replace('{ "objectId": "d2", "qualifier": "delivery" }', '{ "objectId": "d9", "qualifier": "delivery" }');
    const problem = problemOf(broken, 'jsonocel');
    expect(problem).toMatchObject({ code: 'invalid-ocel', path: 'events[6].relationships[0].objectId' });
    expect(problem.message).toContain('"d9" is not the id of any object');
  });

  it('refuses a time that is not a date-time, a repeated object id and JSON broken inside an event, each by its path', () => {
    expect(problemOf(json.replace('"2026-01-06T09:30:00Z"', '"half past nine"'), 'jsonocel')).toMatchObject({ code: 'invalid-timestamp', path: 'events[3].time' });
    expect(problemOf(json.replace('{ "id": "d2", "type": "delivery" }', '{ "id": "d1", "type": "delivery" }'), 'jsonocel')).toMatchObject({ path: 'objects[6].id' });
    const broken = problemOf(json.replace('"pick item", "time": "2026-01-06T09:00:00Z",', '"pick item" "time": "2026-01-06T09:00:00Z",'), 'jsonocel');
    expect(broken).toMatchObject({ code: 'invalid-ocel', path: 'events[2]', line: 29 });
    expect(broken.message).toMatch(/not well-formed JSON/);
  });

  it('refuses a file cut short, a file that is not OCEL and a log without events', () => {
    expect(problemOf(json.slice(0, json.length / 2), 'jsonocel').message).toMatch(/cut short/);
    expect(problemOf(xml.slice(0, xml.length / 2), 'xmlocel').message).toMatch(/cut short/);
    expect(problemOf('case_id,activity\n', 'jsonocel').message).toMatch(/Is the file OCEL 2.0 JSON\?/);
    expect(problemOf('{"objectTypes": [], "objects": []}', 'jsonocel')).toMatchObject({ path: 'events' });
  });

  it('refuses an object type the log does not have, naming the types it has', () => {
    expect(problemOf(json, 'jsonocel', 'parcel')).toMatchObject({ code: 'unknown-object-type', message: expect.stringContaining('delivery, item, order') });
    expect(chooseObjectType([{ name: 'order', objects: 1, events: 0 }], undefined)).toMatchObject({ path: 'events' });
  });

  it('refuses XML with a relationship lacking its object-id, or an event outside <events>, naming the path and line', () => {
    expect(problemOf(xml.replace('<relationship object-id="i2" qualifier="picked"/>', '<relationship qualifier="picked"/>'), 'xmlocel')).toMatchObject({ path: 'events[3].relationships[0].object-id', line: 77 });
    const outside = xml.replace('  </objects>\n  <events>', '    <event id="x" type="y" time="2026-01-01T00:00:00Z"/>\n  </objects>\n  <events>');
    expect(problemOf(outside, 'xmlocel')).toMatchObject({ path: 'events[0]', message: expect.stringContaining('outside <events>') });
    expect(problemOf(xml.replace('<log>', '<!DOCTYPE log [<!ENTITY x "y">]><log>'), 'xmlocel').message).toMatch(/DOCTYPE/);
  });

  it('keeps every flattening in its rows, so another type needs no second reading', () => {
    const { log } = read(json, 'jsonocel');
    expect(traces(flattenedBy(log.rows, 'delivery'))).toEqual({ d1: ['send package', 'confirm delivery'], d2: ['send package'] });
  });
});

const objectOf = (items: OcelItem[], id: string) => items.find((item): item is OcelObjectItem => item.kind === 'object' && item.id === id)!;
const eventOf = (items: OcelItem[], id: string) => items.find((item): item is OcelEventItem => item.kind === 'event' && item.id === id)!;
const EPOCH = 0;
const PAID = Date.parse('2026-01-08T12:00:00Z');

describe('OCEL 2.0 objects, attributes and relations', () => {
  it('reads each object attribute value with its time, each object-to-object relation and each event attribute from JSON', () => {
    const items = itemsOf(json, 'jsonocel');
    const o1 = objectOf(items, 'o1');
    expect(o1.attributes).toEqual([
      { name: 'total', at: EPOCH, value: '120.5' },
      { name: 'status', at: EPOCH, value: 'open' },
      // A JSON number is kept as the text XML would give.
      { name: 'total', at: PAID, value: '99.5' },
      { name: 'status', at: PAID, value: 'paid' },
    ]);
    expect(o1.relationships.map(({ objectId, qualifier }) => [objectId, qualifier])).toEqual([['i1', 'comprises'], ['i2', 'comprises']]);
    expect(objectOf(items, 'd1').relationships).toEqual([
      { objectId: 'o1', qualifier: 'delivers', path: 'objects[5].relationships[0].objectId' },
      { objectId: 'i1', qualifier: 'carries', path: 'objects[5].relationships[1].objectId' },
    ]);
    expect(objectOf(items, 'i2')).toMatchObject({ attributes: [], relationships: [] });
    expect(objectOf(items, 'i1').attributes).toEqual([{ name: 'product', at: EPOCH, value: 'kettle "deluxe" {2l}' }]);
    expect(eventOf(items, 'e1')).toMatchObject({ attributes: [{ name: 'channel', value: 'web, [mobile]' }], qualifiers: ['order', 'item', 'item'] });
    expect(eventOf(items, 'e13')).toMatchObject({ attributes: [], objectIds: [] });
  });

  it('reads the same from XML, attribute values as the element text with its entities decoded', () => {
    const fromJson = itemsOf(json, 'jsonocel');
    const fromXml = itemsOf(xml, 'xmlocel');
    // The two fixtures differ only in the characters each format must escape.
    const plain = (items: OcelItem[]) => JSON.stringify(items.map(({ line: _line, ...item }) => (item.kind === 'object' ? { ...item, relationships: item.relationships.map(({ objectId, qualifier }) => [objectId, qualifier]) } : { ...item, relationPaths: [] })));
    expect(plain(fromXml).replaceAll('<2l>', '{2l}').replaceAll('<mobile>', '[mobile]')).toBe(plain(fromJson));
    expect(objectOf(fromXml, 'i1').attributes[0]!.value).toBe('kettle "deluxe" <2l>');
    expect(objectOf(fromXml, 'd1').relationships[0]!.path).toBe('objects[5].relationships[0].object-id');
  });

  it('reads the same objects and events whatever pieces the file arrives in', () => {
    for (const [text, format] of [[json, 'jsonocel'], [xml, 'xmlocel']] as const) {
      const whole = itemsOf(text, format);
      for (const size of [1, 13, 4096]) expect(itemsOf(text, format, size)).toEqual(whole);
    }
  });

  it('keeps the qualifiers of an event related to one object twice on its one copy', () => {
    const { log } = read(json, 'jsonocel');
    const sent = log.rows.filter((row) => row.seq === 5);
    expect(sent.map((row) => [row.caseId, row.qualifiers])).toEqual([['d1', ['delivery']], ['i1', ['packed', 'insured']], ['i2', ['packed']], ['o1', ['order']]]);
  });

  it('refuses an object-to-object relation to an object the log never declares, naming its path and the line of the object', () => {
    const broken = json.replace('{ "objectId": "i1", "qualifier": "carries" }', '{ "objectId": "i9", "qualifier": "carries" }');
    const problem = problemOf(broken, 'jsonocel');
    expect(problem).toMatchObject({ code: 'invalid-ocel', path: 'objects[5].relationships[1].objectId', line: 23 });
    expect(problem.message).toContain('"i9" is not the id of any object');
    const brokenXml = xml.replace('<relationship object-id="i1" qualifier="carries"/>', '<relationship object-id="i9" qualifier="carries"/>');
    expect(problemOf(brokenXml, 'xmlocel')).toMatchObject({ code: 'invalid-ocel', path: 'objects[5].relationships[1].object-id', line: 54 });
  });

  it('reads a relation to an object declared further down the objects', () => {
    const items = itemsOf(json, 'jsonocel');
    // o1 (objects[0]) relates to i1 and i2, declared after it.
    expect(objectOf(items, 'o1').relationships).toHaveLength(2);
    expect(read(json, 'jsonocel').log.objectTypes).toHaveLength(3);
  });

  it('refuses an object attribute without its time, with a time that is not ISO 8601, or without a value, naming path and line', () => {
    const noTime = json.replace('{ "name": "status", "time": "1970-01-01T00:00:00Z", "value": "open" }', '{ "name": "status", "value": "open" }');
    expect(problemOf(noTime, 'jsonocel')).toMatchObject({ code: 'invalid-ocel', path: 'objects[0].attributes[1].time', line: 18 });
    const badTime = json.replace('"time": "2026-01-08T12:00:00Z", "value": 99.5', '"time": "after payment", "value": 99.5');
    expect(problemOf(badTime, 'jsonocel')).toMatchObject({ code: 'invalid-timestamp', path: 'objects[0].attributes[2].time', line: 18 });
    const noValue = json.replace('{ "name": "total", "time": "1970-01-01T00:00:00Z", "value": "35" }', '{ "name": "total", "time": "1970-01-01T00:00:00Z" }');
    expect(problemOf(noValue, 'jsonocel')).toMatchObject({ code: 'invalid-ocel', path: 'objects[1].attributes[0].value', line: 19 });
    const objectValue = json.replace('"value": "35"', '"value": { "amount": 35 }');
    expect(problemOf(objectValue, 'jsonocel').message).toMatch(/a string, number or boolean/);
    const noTimeXml = xml.replace('<attribute name="status" time="1970-01-01T00:00:00Z">open</attribute>', '<attribute name="status">open</attribute>');
    expect(problemOf(noTimeXml, 'xmlocel')).toMatchObject({ code: 'invalid-ocel', path: 'objects[0].attributes[1].time', line: 33 });
    const badTimeXml = xml.replace('<attribute name="total" time="2026-01-08T12:00:00Z">', '<attribute name="total" time="later">');
    expect(problemOf(badTimeXml, 'xmlocel')).toMatchObject({ code: 'invalid-timestamp', path: 'objects[0].attributes[2].time', line: 33 });
  });

  it('refuses an event attribute without a name, and a relation without its qualifier, naming path and line', () => {
    expect(problemOf(json.replace('{ "name": "channel", "value": "web, [mobile]" }', '{ "value": "web, [mobile]" }'), 'jsonocel')).toMatchObject({ code: 'invalid-ocel', path: 'events[0].attributes[0].name', line: 27 });
    expect(problemOf(xml.replace('<attribute name="channel">', '<attribute>'), 'xmlocel')).toMatchObject({ path: 'events[0].attributes[0].name', line: 58 });
    expect(problemOf(json.replace('{ "objectId": "o1", "qualifier": "delivers" }', '{ "objectId": "o1" }'), 'jsonocel')).toMatchObject({ path: 'objects[5].relationships[0].qualifier', line: 23 });
    expect(problemOf(xml.replace('<relationship object-id="o2" qualifier="order"/>\n        <relationship object-id="i3"', '<relationship object-id="o2"/>\n        <relationship object-id="i3"'), 'xmlocel')).toMatchObject({ path: 'events[1].relationships[0].qualifier', line: 68 });
  });
});
