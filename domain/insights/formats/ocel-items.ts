// What the OCEL 2.0 readers (JSON and XML) hand on as they read: objects and events one by one, or the problem that refuses the file, named by its path.
import { parseInstant } from '../iso-instant.ts';

export interface OcelObjectItem {
  kind: 'object';
  id: string;
  type: string;
  /** Where in the file, e.g. `objects[3]`, for a later problem about it. */
  path: string;
}

export interface OcelEventItem {
  kind: 'event';
  id: string;
  /** The event's type: the activity of every flattened copy. */
  activity: string;
  /** Epoch ms. */
  at: number;
  /** The objects it relates to, in file order; `relationPaths[k]` names where `objectIds[k]` stood. */
  objectIds: string[];
  relationPaths: string[];
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

/** An event time at `path` in epoch ms, or the problem naming it. */
export function eventTime(value: unknown, path: string, line?: number): number | OcelProblem {
  const text = requiredText(value, path, 'the time of the event', line);
  if (typeof text !== 'string') return text;
  const at = parseInstant(text);
  if (Number.isNaN(at)) return { code: 'invalid-timestamp', path, ...(line === undefined ? {} : { line }), message: `${path}${line === undefined ? '' : ` (line ${line})`}: "${text.slice(0, 60)}" is not a date-time; OCEL 2.0 uses ISO 8601 such as 2026-01-05T09:30:00Z.` };
  return at;
}
