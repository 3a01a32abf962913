// Exports a case log as CSV, one row per task lifecycle event, in the columns other mining tools expect.
import type { CaseLogEvent } from '../../events/case-log-event.ts';
import { writeCsv } from './csv.ts';
import { lifecycleEvents } from './lifecycle-events.ts';
import { spreadsheetSafeText } from './spreadsheet-safe-text.ts';

export const csvColumns = ['case_id', 'activity', 'timestamp', 'lifecycle', 'resource', 'team', 'node_id', 'task_id', 'event_id'] as const;

export function exportCsv(events: readonly CaseLogEvent[]): string {
  const rows: string[][] = [[...csvColumns]];
  // Activity names, users and teams come from diagrams and sign-ins, so any of them could be a
  // formula a spreadsheet would run when the file is opened.
  for (const e of lifecycleEvents(events)) rows.push([e.caseId, e.activity, e.at, e.lifecycle, e.resource ?? '', e.team ?? '', e.nodeId, e.taskId, e.eventId].map(spreadsheetSafeText));
  return writeCsv(rows);
}
