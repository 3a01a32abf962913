// A plain table (named for screen readers when `label` is given): a header row, then rows of cells, the cell at `rowHeader` heading its row.
import type { ReactNode } from 'react';

export function RowsTable({ label, header, rows, rowHeader = 0, testId }: { label?: string; header: string[]; rows: ReactNode[][]; rowHeader?: number; testId?: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label={label} data-testid={testId}>
        <thead>
          <tr>
            {header.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>{row.map((cell, column) => (column === rowHeader ? <th key={column} scope="row">{cell}</th> : <td key={column}>{cell}</td>))}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
