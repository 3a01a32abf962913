// Flattens an object-centric (OCEL 2.0) log as it is read, after van der Aalst: each event is copied to every object it relates to, that object being the case; choosing an object type picks one flattening.
import type { LogRow } from './log-rows.ts';
import { problemAt, type OcelItem, type OcelProblem } from './ocel-items.ts';

/** One copy of an event for one related object. `objectType` is '' while the object is not yet declared (events before objects). */
export interface OcelRow extends LogRow {
  objectType: string;
  /** The event's position in the file: copies of one event share it, and it breaks ties between equal times as the file orders them (PM4Py sorts by time, then file position). */
  seq: number;
  /** The qualifiers of the event's relation to this object: usually one; several when the file relates it twice, each kept once. */
  qualifiers: string[];
}

export interface OcelTypeCount {
  name: string;
  /** Objects of the type declared in the log. */
  objects: number;
  /** Events related to at least one object of the type: the events of its flattening, before copying. */
  events: number;
}

/**
 * Keeps only what flattening needs: each object's type (memory grows with the objects, never with the
 * events) and, for objects referred to before they are declared, where they were first referred to.
 */
export class OcelFlattening {
  private readonly typeOf = new Map<string, string>();
  private readonly declaredPath = new Map<string, string>();
  private readonly objectsPerType = new Map<string, number>();
  /** Object ids referred to (by an event or another object) before their declaration, with the first place and line they were. */
  private readonly early = new Map<string, { path: string; line: number | undefined }>();
  private events = 0;
  private unrelated = 0;

  /** The rows of one item (none for an object), or the problem that refuses the file. */
  add(item: OcelItem): OcelRow[] | OcelProblem {
    if (item.kind === 'object') {
      const before = this.declaredPath.get(item.id);
      if (before !== undefined) return { code: 'invalid-ocel', path: `${item.path}.id`, message: `${item.path}.id: "${item.id}" is already the id of ${before}; object ids are unique in an OCEL log.` };
      this.typeOf.set(item.id, item.type);
      this.declaredPath.set(item.id, item.path);
      this.objectsPerType.set(item.type, (this.objectsPerType.get(item.type) ?? 0) + 1);
      for (const relation of item.relationships) this.referTo(relation.objectId, relation.path, item.line);
      return [];
    }
    const seq = this.events;
    this.events += 1;
    const rows: OcelRow[] = [];
    // An event related to one object twice (two qualifiers) is one copy, as PM4Py drops duplicate relations; the copy keeps both qualifiers.
    const copies = new Map<string, OcelRow>();
    item.objectIds.forEach((objectId, k) => {
      const qualifier = item.qualifiers[k]!;
      const copy = copies.get(objectId);
      if (copy) {
        if (!copy.qualifiers.includes(qualifier)) copy.qualifiers.push(qualifier);
        return;
      }
      const objectType = this.referTo(objectId, item.relationPaths[k]!, item.line);
      const row: OcelRow = { caseId: objectId, activity: item.activity, at: item.at, objectType: objectType ?? '', seq, qualifiers: [qualifier] };
      copies.set(objectId, row);
      rows.push(row);
    });
    if (rows.length === 0) this.unrelated += 1;
    return rows;
  }

  /** The type of a referred object, or undefined (remembering the first place it was referred to) while it is not yet declared. */
  private referTo(objectId: string, path: string, line: number | undefined): string | undefined {
    const objectType = this.typeOf.get(objectId);
    if (objectType === undefined && !this.early.has(objectId)) this.early.set(objectId, { path, line });
    return objectType;
  }

  /**
   * After the last item: the types of objects declared after something referred to them (for the rows
   * of events written with ''), or the problem naming the first reference to an object never declared.
   */
  finish(): { ok: true; lateTypes: [objectId: string, objectType: string][]; events: number; unrelatedEvents: number } | { ok: false; problem: OcelProblem } {
    const lateTypes: [string, string][] = [];
    for (const [objectId, { path, line }] of this.early) {
      const type = this.typeOf.get(objectId);
      if (type === undefined) return { ok: false, problem: problemAt(path, line, `"${objectId}" is not the id of any object in the log's objects; every related object must be declared there.`) };
      lateTypes.push([objectId, type]);
    }
    return { ok: true, lateTypes, events: this.events, unrelatedEvents: this.unrelated };
  }

  objectCounts(): Map<string, number> {
    return new Map(this.objectsPerType);
  }
}

/** The object type a flattening defaults to: the one with most events (ties: the first by name). */
export function defaultObjectType(types: readonly OcelTypeCount[]): string | undefined {
  return [...types].sort((a, b) => b.events - a.events || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0]?.name;
}

/** Per-type counts of objects and events from every flattened row (each row's type resolved). */
export function typeCounts(rows: readonly OcelRow[], objects: ReadonlyMap<string, number>): OcelTypeCount[] {
  const events = new Map<string, Set<number>>();
  for (const row of rows) {
    let set = events.get(row.objectType);
    if (!set) events.set(row.objectType, (set = new Set()));
    set.add(row.seq);
  }
  return [...objects].map(([name, count]) => ({ name, objects: count, events: events.get(name)?.size ?? 0 })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** One flattening, in the order every analysis reads a log: case by case, in time order, file order breaking ties. */
export function flattenedBy(rows: readonly OcelRow[], objectType: string): OcelRow[] {
  return rows
    .filter((row) => row.objectType === objectType)
    .sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : a.at - b.at || a.seq - b.seq));
}
