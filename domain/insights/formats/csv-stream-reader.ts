// Reads a CSV event log piece by piece as it arrives, so a log of any size is held one block of records at a time.
import { parseInstant } from '../iso-instant.ts';
import { parseCsv } from './csv.ts';
import { CsvMapping } from './csv-import.ts';
import type { ImportProblem, LogRow } from './log-rows.ts';

export type StreamStep = { ok: true; rows: LogRow[] } | { ok: false; problem: ImportProblem };

interface Columns {
  caseId: number;
  activity: number;
  timestamp: number;
  lifecycle: number;
  resource: number;
  team: number;
}

/**
 * Feed text with `push` as it arrives and finish with `end`; each step gives the rows completed so
 * far. A block ends at the last line break outside quotes (RFC 4180 doubles quotes inside a field,
 * so quote parity says whether a line break is inside one); the block is read by `parseCsv`.
 */
export class CsvStreamReader {
  private readonly mapping: ReturnType<typeof CsvMapping.parse>;
  private pending = '';
  private scanned = 0;
  private inQuotes = false;
  /** The file line the pending text starts on. */
  private line = 1;
  private columns: Columns | undefined;
  private failed = false;

  constructor(mapping: CsvMapping = {}) {
    this.mapping = CsvMapping.parse(mapping);
  }

  push(text: string): StreamStep {
    if (this.failed) return { ok: true, rows: [] };
    this.pending += text;
    let cut = -1;
    for (let i = this.scanned; i < this.pending.length; i += 1) {
      const c = this.pending.charCodeAt(i);
      if (c === 34) this.inQuotes = !this.inQuotes;
      else if (c === 10 && !this.inQuotes) cut = i;
    }
    this.scanned = this.pending.length;
    if (cut < 0) return { ok: true, rows: [] };
    const block = this.pending.slice(0, cut + 1);
    this.pending = this.pending.slice(cut + 1);
    this.scanned = this.pending.length;
    // The quote state now describes the rest, which starts outside quotes (the cut was outside).
    this.inQuotes = false;
    for (let i = 0; i < this.pending.length; i += 1) if (this.pending.charCodeAt(i) === 34) this.inQuotes = !this.inQuotes;
    return this.read(block);
  }

  end(): StreamStep {
    if (this.failed) return { ok: true, rows: [] };
    const step = this.pending.length > 0 ? this.read(this.pending) : { ok: true as const, rows: [] };
    this.pending = '';
    if (step.ok && !this.columns) return this.fail({ code: 'empty-log', message: 'The CSV is empty: expected a header row and one row per event.' });
    return step;
  }

  private fail(problem: ImportProblem): StreamStep {
    this.failed = true;
    return { ok: false, problem };
  }

  private read(block: string): StreamStep {
    const base = this.line;
    const parsed = parseCsv(block, this.mapping.delimiter);
    for (let k = block.indexOf('\n'); k >= 0; k = block.indexOf('\n', k + 1)) this.line += 1;
    if (parsed.error) {
      const line = base + parsed.error.line - 1;
      return this.fail({ code: 'invalid-csv', line, message: parsed.error.message.replace(/^Line \d+/, `Line ${line}`) });
    }
    const rows: LogRow[] = [];
    for (let k = 0; k < parsed.rows.length; k += 1) {
      const record = parsed.rows[k]!;
      const line = base + parsed.lines[k]! - 1;
      if (!this.columns) {
        const header = this.header(record, line);
        if ('code' in header) return this.fail(header);
        this.columns = header;
        continue;
      }
      if (record.length === 1 && record[0] === '') continue;
      const c = this.columns;
      const raw = (record[c.timestamp] ?? '').trim();
      const at = parseInstant(raw);
      if (Number.isNaN(at)) {
        return this.fail({ code: 'invalid-timestamp', line, message: `Line ${line}, column "${this.mapping.timestamp}": "${raw}" is not a date-time; use ISO 8601 such as 2026-01-05T09:30:00Z.` });
      }
      const caseId = record[c.caseId] ?? '';
      const activity = record[c.activity] ?? '';
      if (caseId === '' || activity === '') {
        return this.fail({ code: 'invalid-csv', line, message: `Line ${line}: the ${caseId === '' ? `case column "${this.mapping.caseId}"` : `activity column "${this.mapping.activity}"`} is empty; every event needs a case and an activity.` });
      }
      const value = (index: number) => (index < 0 ? undefined : record[index]?.trim() || undefined);
      const row: LogRow = { caseId, activity, at };
      const lifecycle = value(c.lifecycle), resource = value(c.resource), team = value(c.team);
      if (lifecycle) row.lifecycle = lifecycle;
      if (resource) row.resource = resource;
      if (team) row.team = team;
      rows.push(row);
    }
    return { ok: true, rows };
  }

  private header(record: string[], line: number): Columns | ImportProblem {
    const names = record.map((h) => h.trim());
    const m = this.mapping;
    const find = (name: string | undefined, fallback: string): number | ImportProblem => {
      const index = names.indexOf(name ?? fallback);
      if (index < 0 && name !== undefined) return { code: 'missing-column', line, message: `The CSV has no column "${name}"; its columns are: ${names.join(', ')}.` };
      return index;
    };
    const found = [find(m.caseId, ''), find(m.activity, ''), find(m.timestamp, ''), find(m.lifecycle, 'lifecycle'), find(m.resource, 'resource'), find(m.team, 'team')];
    for (const index of found) if (typeof index !== 'number') return index;
    const [caseId, activity, timestamp, lifecycle, resource, team] = found as number[];
    return { caseId: caseId!, activity: activity!, timestamp: timestamp!, lifecycle: lifecycle!, resource: resource!, team: team! };
  }
}
