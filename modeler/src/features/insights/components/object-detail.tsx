// One object of a kept OCEL log: its attribute values over time, the objects it relates to (and that relate to it; each opens in turn), and its events in time order.
import { ErrorMessage, Loading } from '../../../shared/components/status.tsx';
import { formatWhen } from '../../../shared/time/deadline.ts';
import { useLogObject } from '../api/get-log-object.ts';
import { attributeHistoryRows } from '../lib/object-tables.ts';
import { RowsTable } from './rows-table.tsx';

/** "Showing the first 1,000 of 4,200 events." when the answer was cut. */
const cut = (list: { items: unknown[]; total: number; truncated: boolean }, what: string) =>
  list.truncated ? <p className="muted">Showing the first {list.items.length.toLocaleString()} of {list.total.toLocaleString()} {what}.</p> : null;

export function ObjectDetail({ logId, objectId, onOpen }: { logId: string; objectId: string; onOpen: (objectId: string) => void }) {
  const object = useLogObject(logId, objectId);
  if (object.error) return <ErrorMessage error={object.error} onRetry={object.reload} />;
  if (!object.data) return <Loading what={`object ${objectId}`} />;
  const { id, type, relations, events } = object.data;
  const history = attributeHistoryRows(object.data);
  const open = (other: string) => (
    <button type="button" className="link-button" onClick={() => onOpen(other)}>
      {other}
    </button>
  );
  return (
    <article className="object-detail" aria-labelledby="object-detail-heading" data-testid="object-detail">
      <h4 id="object-detail-heading">
        Object {id} ({type})
      </h4>
      {history.length === 0 ? <p className="muted">No attributes.</p> : <RowsTable label={`Attribute history of ${id}`} header={['Attribute', 'Since', 'Value']} rows={history} />}
      {relations.items.length === 0 ? (
        <p className="muted">No related objects.</p>
      ) : (
        <RowsTable
          label={`Objects related to ${id}`}
          header={['Relation', 'Qualifier', 'Object', 'Type']}
          rowHeader={2}
          rows={relations.items.map((r) => [r.direction === 'from' ? `${id} → ${r.objectId}` : `${r.objectId} → ${id}`, r.qualifier || '(none)', open(r.objectId), r.objectType])}
        />
      )}
      {cut(relations, 'relations')}
      {events.items.length === 0 ? (
        <p className="muted">No events relate to it.</p>
      ) : (
        <RowsTable label={`Events of ${id}`} header={['Time', 'Activity', 'Event', 'Qualifier']} rowHeader={1} rows={events.items.map((e) => [formatWhen(e.at), e.activity, e.id, e.qualifiers.join(', ') || '(none)'])} />
      )}
      {cut(events, 'events')}
    </article>
  );
}
