// The objects of a kept OCEL log: its object model (relations counted between object types, and between activities and object types) and an object look-up — find objects by id and type, open one to see its attribute history, related objects and events.
import { useState, type FormEvent } from 'react';
import { Empty, ErrorMessage, Loading } from '../../../shared/components/status.tsx';
import { useLogObjects } from '../api/get-log-objects.ts';
import { useObjectGraph } from '../api/get-object-graph.ts';
import { currentAttributes, eventRelationsTable, objectRelationsTable } from '../lib/object-tables.ts';
import { FigureTableView } from './figure-table.tsx';
import { ObjectDetail } from './object-detail.tsx';
import { RowsTable } from './rows-table.tsx';

const PAGE = 20;

export function ObjectsPanel({ logId, logName, objectTypes }: { logId: string; logName: string; objectTypes: string[] }) {
  const [text, setText] = useState('');
  const [type, setType] = useState('');
  const [filter, setFilter] = useState<{ q?: string; type?: string; offset: number }>({ offset: 0 });
  const [opened, setOpened] = useState<string>();
  const filePrefix = logName.replace(/[^\w.-]+/g, '-');

  const find = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ offset: 0, ...(text.trim() ? { q: text.trim() } : {}), ...(type ? { type } : {}) });
  };

  return (
    <section className="objects-panel" data-testid="log-objects" aria-labelledby="objects-heading">
      <h3 id="objects-heading">Objects of “{logName}”</h3>
      <ObjectModel logId={logId} filePrefix={filePrefix} />
      <form role="search" aria-label="Find objects" className="object-search" onSubmit={find}>
        <label>
          Object id contains
          <input type="search" value={text} maxLength={200} placeholder="e.g. o1" onChange={(event) => setText(event.target.value)} />
        </label>
        <label>
          Type
          <select value={type} onChange={(event) => setType(event.target.value)}>
            <option value="">Every type</option>
            {objectTypes.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Find objects</button>
      </form>
      <ObjectList logId={logId} filter={filter} onPage={(offset) => setFilter({ ...filter, offset })} onOpen={setOpened} />
      {opened ? <ObjectDetail key={opened} logId={logId} objectId={opened} onOpen={setOpened} /> : null}
    </section>
  );
}

function ObjectModel({ logId, filePrefix }: { logId: string; filePrefix: string }) {
  const graph = useObjectGraph(logId);
  if (graph.error) return <ErrorMessage error={graph.error} onRetry={graph.reload} />;
  if (!graph.data) return <Loading what="the object model" />;
  return (
    <>
      <FigureTableView table={objectRelationsTable(graph.data)} filePrefix={filePrefix} empty="No object relates to another in this log." />
      <FigureTableView table={eventRelationsTable(graph.data)} filePrefix={filePrefix} empty="No event relates to an object in this log." />
    </>
  );
}

function ObjectList({ logId, filter, onPage, onOpen }: { logId: string; filter: { q?: string; type?: string; offset: number }; onPage: (offset: number) => void; onOpen: (objectId: string) => void }) {
  const page = useLogObjects(logId, { ...filter, limit: PAGE });
  if (page.error) return <ErrorMessage error={page.error} onRetry={page.reload} />;
  if (!page.data) return <Loading what="the objects" />;
  const { items, total } = page.data;
  if (total === 0) return <Empty>No object matches.</Empty>;
  return (
    <div className="object-list">
      <p role="status">
        Objects {(filter.offset + 1).toLocaleString()}–{(filter.offset + items.length).toLocaleString()} of {total.toLocaleString()}
        {filter.q ? `, ids containing “${filter.q}”` : ''}
        {filter.type ? `, of type ${filter.type}` : ''}
      </p>
      <RowsTable
        label="Objects found"
        header={['Object', 'Type', 'Events', 'Relations', 'Attributes now']}
        rows={items.map((object) => [
          <button key={object.id} type="button" className="link-button" onClick={() => onOpen(object.id)}>
            {object.id}
          </button>,
          object.type,
          object.events.toLocaleString(),
          object.relations.toLocaleString(),
          currentAttributes(object.attributes) || '—',
        ])}
      />
      <div className="pager">
        <button type="button" disabled={filter.offset === 0} onClick={() => onPage(Math.max(0, filter.offset - PAGE))}>
          Previous objects
        </button>
        <button type="button" disabled={filter.offset + items.length >= total} onClick={() => onPage(filter.offset + PAGE)}>
          Next objects
        </button>
      </div>
    </div>
  );
}
