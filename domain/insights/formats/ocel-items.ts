// What the OCEL 2.0 readers (JSON and XML) hand on as they read: objects and events one by one, with their attributes and relations, or the problem that refuses the file, named by its path and line.
import { parseInstant } from '../iso-instant.ts';

/** One value of an object attribute from `at` on (epoch ms; 0, the epoch, is the initial value). Values are kept as text, as XML gives them. */
export interface OcelObjectAttribute {
  name: string;
  at: number;
  value: string;
}

/** An object-to-object relation from the object that lists it to `objectId`; `path` names where `objectId` stood. */
export interface OcelObjectRelation {
  objectId: string;
  qualifier: string;
  path: string;
}

export interface OcelObjectItem {
  kind: 'object';
  id: string;
  type: string;
  /** Where in the file, e.g. `objects[3]`, and the line it starts on, for a later problem about it. */
  path: string;
  line?: number;
  /** In file order. */
  attributes: OcelObjectAttribute[];
  relationships: OcelObjectRelation[];
}

export interface OcelEventItem {
  kind: 'event';
  id: string;
  /** The event's type: the activity of every flattened copy. */
  activity: string;
  /** Epoch ms. */
  at: number;
  /** The objects it relates to, in file order; `qualifiers[k]` is the qualifier of `objectIds[k]`, `relationPaths[k]` names where it stood. */
  objectIds: string[];
  qualifiers: string[];
  relationPaths: string[];
  line?: number;
  /** The event's own attributes (name and value as text), in file order. */
  attributes: { name: string; value: string }[];
}

export type OcelItem = OcelObjectItem | OcelEventItem;

/** Why an OCEL file was refused: a stable code, the path at fault (`events[12].relationships[0].objectId`) and, when known, its line. */
export interface OcelProblem {
  code: 'invalid-ocel' | 'invalid-timestamp' | 'unknown-object-type';
  message: string;
  path?: string;
  line?: number;
}

export type OcelStep = { ok: true; items: OcelItem[] } | { ok: false; problem: OcelProblem };

/** The two OCEL 2.0 serialisations Casemap reads. */
export type OcelReader = { push(text: string): OcelStep; end(): OcelStep };

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const shown = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value)?.slice(0, 60) ?? String(value));

/** A non-empty string at `path`, or the problem naming it. */
export function requiredText(value: unknown, path: string, what: string, line?: number): string | OcelProblem {
  if (typeof value === 'string' && value !== '') return value;
  return { code: 'invalid-ocel', path, ...(line === undefined ? {} : { line }), message: `${path}${line === undefined ? '' : ` (line ${line})`}: expected ${what} (a non-empty string), found ${shown(value)}.` };
}

/** A time at `path` (of an event, or of an attribute value) in epoch ms, or the problem naming it. */
export function eventTime(value: unknown, path: string, line?: number, what = 'the time of the event'): number | OcelProblem {
  const text = requiredText(value, path, what, line);
  if (typeof text !== 'string') return text;
  const at = parseInstant(text);
  if (Number.isNaN(at)) return { code: 'invalid-timestamp', path, ...(line === undefined ? {} : { line }), message: `${path}${line === undefined ? '' : ` (line ${line})`}: "${text.slice(0, 60)}" is not a date-time; OCEL 2.0 uses ISO 8601 such as 2026-01-05T09:30:00Z.` };
  return at;
}

/** A problem at `path` (and `line` when known) with `says` after the place. */
export function problemAt(path: string, line: number | undefined, says: string): OcelProblem {
  return { code: 'invalid-ocel', path, ...(line === undefined ? {} : { line }), message: `${path}${line === undefined ? '' : ` (line ${line})`}: ${says}` };
}

/** An attribute value as text: JSON gives strings, numbers or booleans (OCEL 2.0's attribute types), XML gives text. */
export function attributeValue(value: unknown, path: string, line?: number): string | OcelProblem {
  if (typeof value === 'string') return value;
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') return String(value);
  return problemAt(path, line, `expected the value of the attribute (a string, number or boolean), found ${shown(value)}.`);
}

/** A qualifier (it may be empty) at `path`, or the problem naming it. */
export function qualifierText(value: unknown, path: string, line?: number): string | OcelProblem {
  if (typeof value === 'string') return value;
  return problemAt(path, line, `expected a qualifier (a string, it may be empty), found ${shown(value)}.`);
}

/** Relations as read, `{ <idKey>, qualifier }` each (`objectId` in JSON, `object-id` in XML), checked; the list or the problem naming the first fault. */
export function readRelations(raw: unknown, path: string, idKey: 'objectId' | 'object-id', line?: number): OcelObjectRelation[] | OcelProblem {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return problemAt(path, line, `expected a list of { ${idKey}, qualifier }.`);
  const relations: OcelObjectRelation[] = [];
  for (let k = 0; k < raw.length; k += 1) {
    const relation: unknown = raw[k];
    const where = `${path}[${k}]`;
    if (!isRecord(relation)) return problemAt(where, line, `expected { "${idKey}": …, "qualifier": … }.`);
    const objectId = requiredText(relation[idKey], `${where}.${idKey}`, 'the id of a related object', line);
    if (typeof objectId !== 'string') return objectId;
    const qualifier = qualifierText(relation.qualifier, `${where}.qualifier`, line);
    if (typeof qualifier !== 'string') return qualifier;
    relations.push({ objectId, qualifier, path: `${where}.${idKey}` });
  }
  return relations;
}

/** Attributes as read, `{ name, value }` each and, for an object's, `time` too (OCEL 2.0 dates every object attribute value); the list or the problem naming the first fault. */
export function readAttributes(raw: unknown, path: string, timed: true, line?: number): OcelObjectAttribute[] | OcelProblem;
export function readAttributes(raw: unknown, path: string, timed: false, line?: number): { name: string; value: string }[] | OcelProblem;
export function readAttributes(raw: unknown, path: string, timed: boolean, line?: number): { name: string; value: string; at?: number }[] | OcelProblem {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return problemAt(path, line, `expected a list of { name, ${timed ? 'time, ' : ''}value }.`);
  const attributes: { name: string; value: string; at?: number }[] = [];
  for (let k = 0; k < raw.length; k += 1) {
    const attribute: unknown = raw[k];
    const where = `${path}[${k}]`;
    if (!isRecord(attribute)) return problemAt(where, line, `expected { "name": …, ${timed ? '"time": …, ' : ''}"value": … }.`);
    const name = requiredText(attribute.name, `${where}.name`, 'the name of the attribute', line);
    if (typeof name !== 'string') return name;
    const value = attributeValue(attribute.value, `${where}.value`, line);
    if (typeof value !== 'string') return value;
    if (!timed) {
      attributes.push({ name, value });
      continue;
    }
    const at = eventTime(attribute.time, `${where}.time`, line, 'the time the value holds from (1970-01-01T00:00:00Z for the initial value)');
    if (typeof at !== 'number') return at;
    attributes.push({ name, at, value });
  }
  return attributes;
}

/** An event item from its checked parts. */
export function eventItem(id: string, activity: string, at: number, relations: readonly OcelObjectRelation[], attributes: { name: string; value: string }[], line?: number): OcelEventItem {
  return {
    kind: 'event', id, activity, at, attributes, ...(line === undefined ? {} : { line }),
    objectIds: relations.map((r) => r.objectId), qualifiers: relations.map((r) => r.qualifier), relationPaths: relations.map((r) => r.path),
  };
}
