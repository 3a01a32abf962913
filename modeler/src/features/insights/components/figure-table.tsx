// A report table with its CSV download; the download holds exactly the rows shown.
import { downloadText } from '../../../shared/files/download.ts';
import { Empty } from '../../../shared/components/status.tsx';
import { tableCsv, type FigureTable } from '../lib/figure-tables.ts';
import { RowsTable } from './rows-table.tsx';

export function FigureTableView({ table, filePrefix, empty }: { table: FigureTable; filePrefix: string; empty: string }) {
  const headingId = `table-${table.id}`;
  return (
    <section className="figure-table" aria-labelledby={headingId}>
      <div className="section-head">
        <h3 id={headingId}>{table.title}</h3>
        <button type="button" disabled={table.rows.length === 0} onClick={() => downloadText(`${filePrefix}-${table.id}.csv`, tableCsv(table), 'text/csv')}>
          Download CSV<span className="visually-hidden"> of {table.title}</span>
        </button>
      </div>
      {table.rows.length === 0 ? (
        <Empty>{empty}</Empty>
      ) : (
        <RowsTable header={table.header} rows={table.rows} testId={`${table.id}-table`} />
      )}
    </section>
  );
}
