// Reads a kept OCEL 2.0 log's objects (migration 021): a page of them with their counts, one object with its relations and events, and the object-type graph.
import type { Sql } from './database.ts';
import type { OcelObjectEvent, OcelObjectGraph, OcelObjectRelation, StoredAttributeValue } from '../domain/insights/ocel-objects.ts';

export interface StoredObject {
  id: string;
  type: string;
  attributes: StoredAttributeValue[] | null;
}

/** Which objects: of one type, and whose id holds `q` anywhere, ignoring case. */
export interface ObjectFilter {
  type?: string;
  q?: string;
}

const matching = `log_id = $1 AND ($2::text IS NULL OR object_type = $2) AND ($3::text IS NULL OR strpos(lower(object_id), lower($3)) > 0)`;

/** A page of the log's objects in id order, the events and relations of each, and how many match in all. */
export async function ocelObjectsPage(db: Sql, logId: string, filter: ObjectFilter, page: { limit: number; offset: number }): Promise<{ items: (StoredObject & { events: number; relations: number })[]; total: number }> {
  const params = [logId, filter.type ?? null, filter.q ?? null];
  const [objects, [{ total }]] = (await Promise.all([
    db.query<StoredObject>(`SELECT object_id AS id, object_type AS type, attributes FROM imported_log_objects WHERE ${matching} ORDER BY object_id LIMIT $4 OFFSET $5`, [...params, page.limit, page.offset]),
    db.query<{ total: number }>(`SELECT count(*)::int AS total FROM imported_log_objects WHERE ${matching}`, params),
  ])) as [StoredObject[], [{ total: number }]];
  if (objects.length === 0) return { items: [], total };
  const ids = objects.map((o) => o.id);
  const [events, relations] = await Promise.all([
    db.query<{ id: string; n: number }>(
      `SELECT p.id, (SELECT count(*)::int FROM imported_log_events e WHERE e.log_id = $1 AND e.object_type = p.t AND e.case_id = p.id) AS n
         FROM unnest($2::text[], $3::text[]) AS p(id, t)`,
      [logId, ids, objects.map((o) => o.type)],
    ),
    db.query<{ id: string; n: number }>(
      `SELECT id, count(*)::int AS n FROM (
         SELECT source_id AS id FROM imported_log_object_relations WHERE log_id = $1 AND source_id = ANY($2::text[])
         UNION ALL SELECT target_id FROM imported_log_object_relations WHERE log_id = $1 AND target_id = ANY($2::text[])
       ) r GROUP BY id`,
      [logId, ids],
    ),
  ]);
  const count = (rows: { id: string; n: number }[]) => new Map(rows.map((row) => [row.id, row.n]));
  const eventCounts = count(events);
  const relationCounts = count(relations);
  return { items: objects.map((o) => ({ ...o, events: eventCounts.get(o.id) ?? 0, relations: relationCounts.get(o.id) ?? 0 })), total };
}

export async function findOcelObject(db: Sql, logId: string, objectId: string): Promise<StoredObject | undefined> {
  const rows = await db.query<StoredObject>('SELECT object_id AS id, object_type AS type, attributes FROM imported_log_objects WHERE log_id = $1 AND object_id = $2', [logId, objectId]);
  return rows[0];
}

/** At most `cap` of the object's relations both ways (by qualifier, then the other's id), and how many there are. */
export async function ocelObjectRelations(db: Sql, logId: string, objectId: string, cap: number): Promise<{ items: OcelObjectRelation[]; total: number }> {
  const both = `SELECT 'from' AS direction, target_id AS other, qualifier FROM imported_log_object_relations WHERE log_id = $1 AND source_id = $2
    UNION ALL SELECT 'to', source_id, qualifier FROM imported_log_object_relations WHERE log_id = $1 AND target_id = $2`;
  const [items, [{ total }]] = (await Promise.all([
    db.query<OcelObjectRelation>(
      `SELECT r.direction, r.other AS "objectId", o.object_type AS "objectType", r.qualifier
         FROM (${both}) r JOIN imported_log_objects o ON o.log_id = $1 AND o.object_id = r.other
        ORDER BY r.qualifier COLLATE "C", r.other, r.direction LIMIT $3`,
      [logId, objectId, cap],
    ),
    db.query<{ total: number }>(`SELECT count(*)::int AS total FROM (${both}) r`, [logId, objectId]),
  ])) as [OcelObjectRelation[], [{ total: number }]];
  return { items, total };
}

/** At most `cap` of the object's events in time order (file order on ties), and how many there are. */
export async function ocelObjectEvents(db: Sql, logId: string, object: { id: string; type: string }, cap: number): Promise<{ items: OcelObjectEvent[]; total: number }> {
  const [rows, [{ total }]] = (await Promise.all([
    db.query<{ id: string; activity: string; at: string; qualifiers: string[] | null }>(
      `SELECT v.event_id AS id, e.activity, e.at, e.qualifiers
         FROM imported_log_events e JOIN imported_log_ocel_events v ON v.log_id = e.log_id AND v.seq = e.seq
        WHERE e.log_id = $1 AND e.object_type = $2 AND e.case_id = $3 ORDER BY e.at, e.seq LIMIT $4`,
      [logId, object.type, object.id, cap],
    ),
    db.query<{ total: number }>('SELECT count(*)::int AS total FROM imported_log_events WHERE log_id = $1 AND object_type = $2 AND case_id = $3', [logId, object.type, object.id]),
  ])) as [{ id: string; activity: string; at: string; qualifiers: string[] | null }[], [{ total: number }]];
  return { items: rows.map((row) => ({ id: row.id, activity: row.activity, at: row.at, qualifiers: row.qualifiers ?? [] })), total };
}

/** The object model: relations between objects per (source type, target type, qualifier), and between events and objects per (activity, object type). */
export async function ocelObjectGraph(db: Sql, logId: string): Promise<OcelObjectGraph> {
  const [objectRelations, eventRelations] = await Promise.all([
    db.query<OcelObjectGraph['objectRelations'][number]>(
      `SELECT s.object_type AS "sourceType", t.object_type AS "targetType", r.qualifier, count(*)::int AS count
         FROM imported_log_object_relations r
         JOIN imported_log_objects s ON s.log_id = r.log_id AND s.object_id = r.source_id
         JOIN imported_log_objects t ON t.log_id = r.log_id AND t.object_id = r.target_id
        WHERE r.log_id = $1 GROUP BY 1, 2, 3 ORDER BY s.object_type COLLATE "C", t.object_type COLLATE "C", r.qualifier COLLATE "C"`,
      [logId],
    ),
    // A row per (event, object); its qualifiers count each relation (logs kept before migration 021 have none: one each).
    db.query<OcelObjectGraph['eventRelations'][number]>(
      `SELECT activity, object_type AS "objectType", sum(coalesce(cardinality(qualifiers), 1))::int AS count
         FROM imported_log_events WHERE log_id = $1 GROUP BY 1, 2 ORDER BY activity COLLATE "C", object_type COLLATE "C"`,
      [logId],
    ),
  ]);
  return { objectRelations, eventRelations };
}
