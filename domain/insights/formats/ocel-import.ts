// Reads a whole OCEL 2.0 file (JSON or XML) in memory into its flattened rows and per-type counts: the streaming readers fed at once, for tests, benchmarks and small files.
import { defaultObjectType, flattenedBy, OcelFlattening, typeCounts, type OcelRow, type OcelTypeCount } from './ocel-flattening.ts';
import type { OcelProblem, OcelReader } from './ocel-items.ts';
import { OcelJsonStreamReader } from './ocel-json-stream-reader.ts';
import { OcelXmlStreamReader } from './ocel-xml-stream-reader.ts';

export type OcelFormat = 'jsonocel' | 'xmlocel';

export function ocelReader(format: OcelFormat): OcelReader {
  return format === 'jsonocel' ? new OcelJsonStreamReader() : new OcelXmlStreamReader();
}

export interface ReadOcel {
  /** Every copy of every event, types resolved; `flattenedBy(rows, type)` gives one flattening. */
  rows: OcelRow[];
  objectTypes: OcelTypeCount[];
  objectType: string;
  events: number;
  unrelatedEvents: number;
}

/** The whole log read, or the first problem; `objectType` picks the flattening (default: the type with most events). */
export function readOcel(text: string, format: OcelFormat, objectType?: string): { ok: true; log: ReadOcel; flattened: OcelRow[] } | { ok: false; problem: OcelProblem } {
  const reader = ocelReader(format);
  const flattening = new OcelFlattening();
  const rows: OcelRow[] = [];
  for (const step of [reader.push(text), reader.end()]) {
    if (!step.ok) return step;
    for (const item of step.items) {
      const added = flattening.add(item);
      if (!Array.isArray(added)) return { ok: false, problem: added };
      rows.push(...added);
    }
  }
  const done = flattening.finish();
  if (!done.ok) return done;
  const late = new Map(done.lateTypes);
  for (const row of rows) if (row.objectType === '') row.objectType = late.get(row.caseId)!;
  const objectTypes = typeCounts(rows, flattening.objectCounts());
  const chosen = chooseObjectType(objectTypes, objectType);
  if (typeof chosen !== 'string') return { ok: false, problem: chosen };
  return { ok: true, log: { rows, objectTypes, objectType: chosen, events: done.events, unrelatedEvents: done.unrelatedEvents }, flattened: flattenedBy(rows, chosen) };
}

/** The asked type if the log has it, else the default; a problem when the log has no such type or no events related to any object. */
export function chooseObjectType(types: readonly OcelTypeCount[], asked: string | undefined): string | OcelProblem {
  const names = types.map((t) => t.name);
  if (asked !== undefined) {
    const type = types.find((t) => t.name === asked);
    if (type && type.events > 0) return asked;
    if (type) return { code: 'unknown-object-type', path: 'objectType', message: `objectType: no event relates to an object of type "${asked}", so its flattening has no cases; choose one of: ${types.filter((t) => t.events > 0).map((t) => t.name).join(', ')}.` };
    return { code: 'unknown-object-type', path: 'objectType', message: `objectType: the log has no objects of type "${asked.slice(0, 100)}"; its object types are: ${names.join(', ') || 'none'}.` };
  }
  const chosen = defaultObjectType(types.filter((t) => t.events > 0));
  return chosen ?? { code: 'invalid-ocel', path: 'events', message: 'events: no event relates to any object, so there is nothing to flatten into cases.' };
}
