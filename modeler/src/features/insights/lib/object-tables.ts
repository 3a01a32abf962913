// A kept OCEL log's object model and one object's attribute history as rows of text: the view shows them and the model's rows download as CSV.
import type { OcelAttributeValue, OcelObjectDetail, OcelObjectGraph } from '../../../../../domain/insights/ocel-objects.ts';
import { formatWhen } from '../../../shared/time/deadline.ts';
import type { FigureTable } from './figure-tables.ts';

/** OCEL 2.0 dates an initial attribute value at the epoch. */
const EPOCH = '1970-01-01T00:00:00.000Z';

export function objectRelationsTable(graph: OcelObjectGraph): FigureTable {
  return {
    id: 'object-relations',
    title: 'Relations between objects',
    header: ['From type', 'To type', 'Qualifier', 'Relations'],
    rows: graph.objectRelations.map((r) => [r.sourceType, r.targetType, r.qualifier || '(none)', r.count.toLocaleString()]),
  };
}

export function eventRelationsTable(graph: OcelObjectGraph): FigureTable {
  return {
    id: 'event-object-relations',
    title: 'Events and the objects they relate to',
    header: ['Activity', 'Object type', 'Relations'],
    rows: graph.eventRelations.map((r) => [r.activity, r.objectType, r.count.toLocaleString()]),
  };
}

/** When a value began: "initial" for the epoch, else the time in London. */
export function valueSince(at: string): string {
  return at === EPOCH ? 'initial' : formatWhen(at);
}

/** Each attribute's current value, as one line: `total = 99.5; status = paid`. */
export function currentAttributes(attributes: readonly OcelAttributeValue[]): string {
  return attributes.map((a) => `${a.name} = ${a.value}`).join('; ');
}

/** One row per value: attribute, since when, value; attributes in the file's order, each one's values in time order. */
export function attributeHistoryRows(detail: OcelObjectDetail): string[][] {
  return detail.attributes.flatMap((a) => a.history.map((h) => [a.name, valueSince(h.at), h.value]));
}
