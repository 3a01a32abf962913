// A report table with its CSV download; the download holds exactly the rows shown.
import { downloadText } from '../../../shared/files/download.ts';
import { Empty } from '../../../shared/components/status.tsx';
import { tableCsv, type FigureTable } from '../lib/figure-tables.ts';

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
        <div className="table-scroll">
          <table className="data-table" data-testid={`${table.id}-table`}>
            <thead>
              <tr>
                {table.header.map((name) => (
                  <th key={name} scope="col">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, column) => (column === 0 ? <th key={column} scope="row">{cell}</th> : <td key={column}>{cell}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
