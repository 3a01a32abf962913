// POST /api/insights/import: a CSV or XES log from another system, analysed and checked against a process.
import { z } from 'zod';
import { ConformanceReport } from '../../../../../domain/insights/conformance.ts';
import { BottleneckReport } from '../../../../../domain/insights/report.ts';
import { apiPost } from '../../../shared/api/http.ts';

export const ImportedLog = z.object({
  imported: z.object({ cases: z.number(), events: z.number(), skippedRows: z.number() }),
  report: BottleneckReport,
  conformance: ConformanceReport.nullable(),
});
export type ImportedLog = z.infer<typeof ImportedLog>;

export interface ImportRequest {
  format: 'csv' | 'xes';
  content: string;
  mapping?: { caseId: string; activity: string; timestamp: string; lifecycle?: string; resource?: string; team?: string; delimiter: ',' | ';' | '\t' | '|' };
  definitionId?: string;
  time: 'calendar' | 'working';
}

export function importLog(request: ImportRequest) {
  return apiPost('/api/insights/import', request, ImportedLog);
}
