// RFC 4180 CSV: reading quoted fields (commas, quotes and line breaks inside) and writing them back.
import { CsvRecordReader, type CsvError } from './csv-record-reader.ts';

/** Rows of fields (and the line each starts on); CRLF, LF or CR end a record; a trailing line break adds no empty row. */
export function parseCsv(text: string, delimiter = ','): { rows: string[][]; lines: number[]; error?: CsvError } {
  const reader = new CsvRecordReader(delimiter);
  reader.feed(text, true);
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let step = reader.next(); step === 'record'; step = reader.next()) {
    rows.push([...reader.fields]);
    lines.push(reader.recordLine);
  }
  return reader.error ? { rows, lines, error: reader.error } : { rows, lines };
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** CSV text with CRLF line ends, quoting only the fields that need it. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  let out = '';
  for (const row of rows) out += `${row.map(quote).join(',')}\r\n`;
  return out;
}
