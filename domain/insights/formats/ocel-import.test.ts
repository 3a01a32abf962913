import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importRows } from './log-rows.ts';
import { flattenedBy, OcelFlattening, typeCounts, type OcelRow } from './ocel-flattening.ts';
import { chooseObjectType, ocelReader, readOcel, type OcelFormat } from './ocel-import.ts';
import type { OcelProblem } from './ocel-items.ts';

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

/** Feeds `text` in pieces of `size` characters through the streaming reader and flattening, as an upload arrives. */
function streamed(text: string, format: OcelFormat, size: number) {
  const reader = ocelReader(format);
  const flattening = new OcelFlattening();
  const rows: OcelRow[] = [];
  const steps = [];
  for (let i = 0; i < text.length; i += size) steps.push(reader.push(text.slice(i, i + size)));
  steps.push(reader.end());
  for (const step of steps) {
    if (!step.ok) throw new Error(step.problem.message);
    for (const item of step.items) rows.push(...(flattening.add(item) as OcelRow[]));
  }
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
