// Imports an event log from CSV with a column mapping (case, activity, timestamp; optional lifecycle, resource, team).
import { z } from 'zod';
import { parseInstant } from '../iso-instant.ts';
import { parseCsv } from './csv.ts';
import { importRows, type ImportOptions, type ImportResult, type LogRow } from './log-rows.ts';

/** Column names (header text) for each field; the defaults are the columns Casemap's own CSV export writes. */
export const CsvMapping = z.object({
  caseId: z.string().default('case_id'),
  activity: z.string().default('activity'),
  timestamp: z.string().default('timestamp'),
  lifecycle: z.string().optional(),
  resource: z.string().optional(),
  team: z.string().optional(),
  delimiter: z.enum([',', ';', '\t', '|']).default(','),
});
export type CsvMapping = z.input<typeof CsvMapping>;

export function importCsv(text: string, mapping: CsvMapping = {}, options: ImportOptions = {}): ImportResult {
  const m = CsvMapping.parse(mapping);
  const parsed = parseCsv(text, m.delimiter);
  if (parsed.error) return { ok: false, problem: { code: 'invalid-csv', message: parsed.error.message } };
  const [header, ...records] = parsed.rows;
  if (!header) return { ok: false, problem: { code: 'empty-log', message: 'The CSV is empty: expected a header row and one row per event.' } };
  const names = header.map((h) => h.trim());
  const column = (name: string | undefined, required: boolean): number | ImportResult => {
    if (name === undefined) return -1;
    const index = names.indexOf(name);
    if (index < 0 && required) return { ok: false, problem: { code: 'missing-column', message: `The CSV has no column "${name}"; its columns are: ${names.join(', ')}.` } };
    return index;
  };
  // Optional columns named by default (Casemap's export) are used when present.
  const c = column(m.caseId, true), a = column(m.activity, true), t = column(m.timestamp, true);
  const l = column(m.lifecycle ?? 'lifecycle', m.lifecycle !== undefined), r = column(m.resource ?? 'resource', m.resource !== undefined), g = column(m.team ?? 'team', m.team !== undefined);
  for (const index of [c, a, t, l, r, g]) if (typeof index !== 'number') return index;
  const [ci, ai, ti, li, ri, gi] = [c, a, t, l, r, g] as number[];
  const rows: LogRow[] = [];
  for (let k = 0; k < records.length; k += 1) {
    const record = records[k]!;
    if (record.length === 1 && record[0] === '') continue;
    const at = parseInstant((record[ti!] ?? '').trim());
    if (Number.isNaN(at)) return { ok: false, problem: { code: 'invalid-timestamp', message: `Row ${k + 2}, column "${m.timestamp}": "${record[ti!] ?? ''}" is not a date-time; use ISO 8601 such as 2026-01-05T09:30:00Z.` } };
    const value = (index: number | undefined) => (index === undefined || index < 0 ? undefined : record[index]?.trim() || undefined);
    const row: LogRow = { caseId: record[ci!] ?? '', activity: record[ai!] ?? '', at };
    const lifecycle = value(li), resource = value(ri), team = value(gi);
    if (lifecycle) row.lifecycle = lifecycle;
    if (resource) row.resource = resource;
    if (team) row.team = team;
    rows.push(row);
  }
  return importRows(rows, options);
}
