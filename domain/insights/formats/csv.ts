// RFC 4180 CSV: reading quoted fields (commas, quotes and line breaks inside) and writing them back.

export interface CsvError {
  code: 'unterminated-quote' | 'text-after-quote';
  line: number;
  message: string;
}

/** Rows of fields (and the line each starts on); CRLF, LF or CR end a record; a trailing line break adds no empty row. */
export function parseCsv(text: string, delimiter = ','): { rows: string[][]; lines: number[]; error?: CsvError } {
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let rowLine = 1;
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  while (i <= n) {
    let field = '';
    if (text.charCodeAt(i) === 34 /* " */) {
      const startLine = line;
      i += 1;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return { rows, lines, error: { code: 'unterminated-quote', line: startLine, message: `Line ${startLine}: a quoted field is never closed; close it with ".` } };
        const chunk = text.slice(i, q);
        for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line += 1;
        field += chunk;
        if (text.charCodeAt(q + 1) === 34) {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const c = text.charCodeAt(i);
      if (i < n && c !== d && c !== 10 && c !== 13) return { rows, lines, error: { code: 'text-after-quote', line, message: `Line ${line}: text follows a closing quote; double a quote inside a quoted field ("").` } };
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === 10 || c === 13) break;
        j += 1;
      }
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    const c = text.charCodeAt(i);
    if (c === d) {
      i += 1;
      continue;
    }
    // End of record (or of text).
    if (c === 13 && text.charCodeAt(i + 1) === 10) i += 2;
    else i += 1;
    line += 1;
    if (!(row.length === 1 && row[0] === '' && i > n)) {
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
    rowLine = line;
    if (i >= n) break;
  }
  return { rows, lines };
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
