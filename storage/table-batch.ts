// One write's worth of rows for one of a kept log's tables, encoded as each row is added: COPY's text on PostgreSQL, column arrays for one INSERT … SELECT FROM unnest on PGlite (as storage/imported-log-batch.ts does for the event rows of XES and CSV logs).
import type { Sql } from './database.ts';
import { CopyTextBuffer, copyTextRow } from './pg-copy-in.ts';

/** A column's SQL type; on PGlite every value but an integer travels as text and is cast. */
export type ColumnType = 'text' | 'integer' | 'timestamptz' | 'jsonb' | 'text[]';

export type CellValue = string | number | null;

export interface TableBatch {
  readonly size: number;
  /** One row: a value per column, in the order the columns were given (the log id comes first by itself). */
  add(values: readonly CellValue[]): void;
  /** Stores the rows in the caller's transaction. */
  write(): Promise<void>;
}

/** A batch of rows for `table`, whose first column is `log_id` (always `logId`) and the rest `columns`. */
export function tableBatch(tx: Sql, table: string, logId: string, columns: readonly (readonly [name: string, type: ColumnType])[]): TableBatch {
  const names = ['log_id', ...columns.map(([name]) => name)].join(', ');
  if (tx.copyFrom) {
    const copyFrom = tx.copyFrom.bind(tx);
    const text = new CopyTextBuffer();
    let size = 0;
    return {
      get size() {
        return size;
      },
      add(values) {
        text.append(copyTextRow([logId, ...values]));
        size += 1;
      },
      async write() {
        if (size > 0) await copyFrom(`COPY ${table} (${names}) FROM STDIN`, text.data());
      },
    };
  }
  const arrays: CellValue[][] = columns.map(() => []);
  const unnest = columns.map(([, type], k) => `$${k + 2}::${type === 'integer' ? 'integer' : 'text'}[]`).join(', ');
  const casts = columns.map(([, type], k) => `c${k}::${type}`).join(', ');
  const aliases = columns.map((_, k) => `c${k}`).join(', ');
  return {
    get size() {
      return arrays[0]!.length;
    },
    add(values) {
      for (let k = 0; k < arrays.length; k += 1) arrays[k]!.push(values[k] ?? null);
    },
    async write() {
      if (arrays[0]!.length === 0) return;
      await tx.query(`INSERT INTO ${table} (${names}) SELECT $1, ${casts} FROM unnest(${unnest}) AS u(${aliases})`, [logId, ...arrays]);
    },
  };
}

/** A text[] value in PostgreSQL's array literal (each element quoted), for either path above. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}
