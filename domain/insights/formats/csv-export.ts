// Exports a case log as CSV, one row per task lifecycle event, in the columns other mining tools expect.
import type { CaseLogEvent } from '../../events/case-log-event.ts';
import { writeCsv } from './csv.ts';
import { lifecycleEvents } from './lifecycle-events.ts';
import { spreadsheetSafeText } from './spreadsheet-safe-text.ts';

export const csvColumns = ['case_id', 'activity', 'timestamp', 'lifecycle', 'resource', 'team', 'node_id', 'task_id', 'event_id'] as const;

/** The records after the header, one at a time, so a log too large for one string can be written as a stream (bench/insights/import-size.ts). */
export function* csvRecords(events: readonly CaseLogEvent[]): Generator<string[]> {
  // Activity names, users and teams come from diagrams and sign-ins, so any of them could be a
  // formula a spreadsheet would run when the file is opened.
  for (const e of lifecycleEvents(events)) yield [e.caseId, e.activity, e.at, e.lifecycle, e.resource ?? '', e.team ?? '', e.nodeId, e.taskId, e.eventId].map(spreadsheetSafeText);
}

export function exportCsv(events: readonly CaseLogEvent[]): string {
  return writeCsv([[...csvColumns], ...csvRecords(events)]);
}
