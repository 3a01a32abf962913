// The objects of a kept OCEL 2.0 log, for whoever may see the log: a page of them, one with its history, relations and events, and the object-type graph. An XES or CSV log has none, and is told apart from a log that is not there.
import type { Database } from '../storage/database.ts';
import type { UserRecord } from './accounts.ts';
import { findLog } from './imported-logs.ts';
import { findOcelObject, ocelObjectEvents, ocelObjectGraph, ocelObjectRelations, ocelObjectsPage, type ObjectFilter } from '../storage/ocel-object-queries.ts';
import { attributeHistories, currentValues, type OcelObjectDetail, type OcelObjectGraph, type OcelObjectPage } from '../domain/insights/ocel-objects.ts';

/** How many relations and events one object's answer lists at most. */
export const OBJECT_DETAIL_CAP = 1000;

/** The log is there but is XES or CSV: it has cases, not objects. */
export interface NotOcel {
  code: 'not-ocel';
  message: string;
}

type Answer<T> = T | NotOcel | undefined;

/** The log's id if `user` may see it and it is OCEL; the refusal if it is another format; undefined when unseen. */
async function ocelLog(db: Database, user: UserRecord, logId: string): Promise<Answer<string>> {
  const log = await findLog(db, user, logId);
  if (!log) return undefined;
  if (!log.ocel) return { code: 'not-ocel', message: `"${log.name}" is a ${log.format.toUpperCase()} log, which has cases and events but no objects; only an OCEL 2.0 log (jsonocel or xmlocel) has objects.` };
  return log.id;
}

export async function logObjects(db: Database, user: UserRecord, logId: string, filter: ObjectFilter, page: { limit: number; offset: number }): Promise<Answer<OcelObjectPage>> {
  const id = await ocelLog(db, user, logId);
  if (typeof id !== 'string') return id;
  const found = await ocelObjectsPage(db, id, filter, page);
  return { items: found.items.map(({ attributes, ...object }) => ({ ...object, attributes: currentValues(attributes) })), total: found.total };
}

/** One object; undefined also when the log has no object of that id. */
export async function logObject(db: Database, user: UserRecord, logId: string, objectId: string): Promise<Answer<OcelObjectDetail>> {
  const id = await ocelLog(db, user, logId);
  if (typeof id !== 'string') return id;
  const object = await findOcelObject(db, id, objectId);
  if (!object) return undefined;
  const [relations, events] = await Promise.all([ocelObjectRelations(db, id, object.id, OBJECT_DETAIL_CAP), ocelObjectEvents(db, id, object, OBJECT_DETAIL_CAP)]);
  const capped = <T>(list: { items: T[]; total: number }) => ({ ...list, truncated: list.items.length < list.total });
  return { id: object.id, type: object.type, attributes: attributeHistories(object.attributes), relations: capped(relations), events: capped(events) };
}

export async function logObjectGraph(db: Database, user: UserRecord, logId: string): Promise<Answer<OcelObjectGraph>> {
  const id = await ocelLog(db, user, logId);
  if (typeof id !== 'string') return id;
  return ocelObjectGraph(db, id);
}
