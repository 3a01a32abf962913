// Imports an IEEE 1849 (XES) event log held as one string (POST /api/insights/import): the streaming
// reader fed the whole text at once, so a log reads the same, and is refused with the same line and
// trace, however it arrives.
import { importRows, type ImportOptions, type ImportResult, type LogRow } from './log-rows.ts';
import { XesStreamReader } from './xes-stream-reader.ts';

/** Reads trace `concept:name` and event `concept:name`, `time:timestamp`, `lifecycle:transition`, `org:resource`, `org:group`. */
export function importXes(xml: string, options: ImportOptions = {}): ImportResult {
  const reader = new XesStreamReader();
  const rows: LogRow[] = [];
  for (const read of [() => reader.push(xml), () => reader.end()]) {
    const step = read();
    if (!step.ok) return { ok: false, problem: step.problem };
    for (const row of step.rows) rows.push(row);
  }
  return importRows(rows, options);
}
