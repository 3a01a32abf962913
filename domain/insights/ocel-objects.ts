// The objects of a kept OCEL 2.0 log as the API answers them: a page of objects with their current attribute values, one object with its attribute history, relations and events, and the object-type graph; plus the pure steps from stored attribute values to those answers.
import { z } from 'zod';

/** One stored value of an object attribute: [name, time (ISO 8601; the epoch for the initial value), value], as migration 021 keeps them. */
export type StoredAttributeValue = readonly [name: string, at: string, value: string];

export const OcelAttributeValue = z.object({ name: z.string(), value: z.string(), at: z.string() });
export type OcelAttributeValue = z.infer<typeof OcelAttributeValue>;

export const OcelObjectSummary = z.object({
  id: z.string(),
  type: z.string(),
  /** Each attribute's value as of its last change (`at` is when that value began; the epoch for an initial value never changed). */
  attributes: z.array(OcelAttributeValue),
  /** Events related to the object. */
  events: z.number().int(),
  /** Object-to-object relations from it and to it. */
  relations: z.number().int(),
});
export type OcelObjectSummary = z.infer<typeof OcelObjectSummary>;

export const OcelObjectPage = z.object({ items: z.array(OcelObjectSummary), total: z.number().int() });
export type OcelObjectPage = z.infer<typeof OcelObjectPage>;

export const OcelObjectRelation = z.object({
  /** `from`: this object lists the relation to the other; `to`: the other lists it to this one. */
  direction: z.enum(['from', 'to']),
  objectId: z.string(),
  objectType: z.string(),
  qualifier: z.string(),
});
export type OcelObjectRelation = z.infer<typeof OcelObjectRelation>;

export const OcelObjectEvent = z.object({
  id: z.string(),
  activity: z.string(),
  at: z.string(),
  /** The qualifiers the event relates to this object under (usually one). */
  qualifiers: z.array(z.string()),
});
export type OcelObjectEvent = z.infer<typeof OcelObjectEvent>;

/** A list cut at the cap: `total` counts them all, `truncated` says some were left out. */
const capped = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), truncated: z.boolean() });

export const OcelObjectDetail = z.object({
  id: z.string(),
  type: z.string(),
  /** Per attribute, every value in time order (ties in file order); the last is the current one. */
  attributes: z.array(z.object({ name: z.string(), history: z.array(z.object({ at: z.string(), value: z.string() })) })),
  /** Its object-to-object relations both ways, by qualifier, then the other object's id. */
  relations: capped(OcelObjectRelation),
  /** Its events in time order (ties in file order). */
  events: capped(OcelObjectEvent),
});
export type OcelObjectDetail = z.infer<typeof OcelObjectDetail>;

export const OcelObjectGraph = z.object({
  /** Object-to-object relations counted per (source type, target type, qualifier). */
  objectRelations: z.array(z.object({ sourceType: z.string(), targetType: z.string(), qualifier: z.string(), count: z.number().int() })),
  /** Event-to-object relations counted per (activity, object type): each (event, object, qualifier) once. */
  eventRelations: z.array(z.object({ activity: z.string(), objectType: z.string(), count: z.number().int() })),
});
export type OcelObjectGraph = z.infer<typeof OcelObjectGraph>;

/** Values of one attribute in time order; equal times keep file order (Array.prototype.sort is stable). ISO 8601 UTC texts of one form sort as their instants. */
function inTimeOrder(values: readonly StoredAttributeValue[]): StoredAttributeValue[] {
  return [...values].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}

function byName(values: readonly StoredAttributeValue[]): Map<string, StoredAttributeValue[]> {
  const names = new Map<string, StoredAttributeValue[]>();
  for (const value of values) {
    const list = names.get(value[0]);
    if (list) list.push(value);
    else names.set(value[0], [value]);
  }
  return names;
}

/** Every attribute's history in time order, attributes in the order the file first names them. */
export function attributeHistories(values: readonly StoredAttributeValue[] | null): OcelObjectDetail['attributes'] {
  return [...byName(values ?? [])].map(([name, list]) => ({ name, history: inTimeOrder(list).map(([, at, value]) => ({ at, value })) }));
}

/** Each attribute's value as of its last change. */
export function currentValues(values: readonly StoredAttributeValue[] | null): OcelAttributeValue[] {
  return [...byName(values ?? [])].map(([name, list]) => {
    const [, at, value] = inTimeOrder(list).pop()!;
    return { name, value, at };
  });
}
