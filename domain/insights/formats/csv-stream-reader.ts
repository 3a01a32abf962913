// Reads a CSV event log piece by piece as it arrives, so a log of any size is held one piece of text at a time.
import { parseInstant } from '../iso-instant.ts';
import { CsvRecordReader } from './csv-record-reader.ts';
import { CsvMapping } from './csv-import.ts';
import type { ImportProblem, LogRow } from './log-rows.ts';

/** An optional column's trimmed value; undefined when the column is absent or the value blank. */
function optional(record: readonly string[], index: number): string | undefined {
  if (index < 0) return undefined;
  const value = record[index]?.trim();
  return value === '' ? undefined : value;
}

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
 * far. `CsvRecordReader` reads the records as the text comes, keeping of each piece only the field
 * it cut short. A refusal names the file's line of the first record at fault, in file order.
 */
export class CsvStreamReader {
  private readonly mapping: ReturnType<typeof CsvMapping.parse>;
  private readonly records: CsvRecordReader;
  private columns: Columns | undefined;
  private failed = false;

  constructor(mapping: CsvMapping = {}) {
    this.mapping = CsvMapping.parse(mapping);
    this.records = new CsvRecordReader(this.mapping.delimiter);
  }

  push(text: string): StreamStep {
    if (this.failed) return { ok: true, rows: [] };
    this.records.feed(text);
    return this.read();
  }

  end(): StreamStep {
    if (this.failed) return { ok: true, rows: [] };
    this.records.feed('', true);
    const step = this.read();
    if (step.ok && !this.columns) return this.fail({ code: 'empty-log', message: 'The CSV is empty: expected a header row and one row per event.' });
    return step;
  }

  private fail(problem: ImportProblem): StreamStep {
    this.failed = true;
    return { ok: false, problem };
  }

  private read(): StreamStep {
    const records = this.records;
    const record = records.fields;
    const rows: LogRow[] = [];
    for (let step = records.next(); step !== 'more' && step !== 'end'; step = records.next()) {
      if (step === 'error') {
        const error = records.error!;
        return this.fail({ code: 'invalid-csv', line: error.line, message: error.message });
      }
      const line = records.recordLine;
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
      // Every row has the same six keys (absent values undefined), so code reading rows sees one shape.
      rows.push({ caseId, activity, at, lifecycle: optional(record, c.lifecycle), resource: optional(record, c.resource), team: optional(record, c.team) });
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
