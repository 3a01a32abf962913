// Insights rows as the API answers them. The report shapes are declared where they are computed
// (domain/insights); this file is where a boundary-crossing reader finds them all.
import { z } from 'zod';
import { AtRiskItem, BottleneckReport, TimeBasis } from '../insights/report.ts';
import { CsvMapping } from '../insights/formats/csv-import.ts';
import { ReportComparison } from '../insights/compare.ts';
import { ConformanceReport } from '../insights/conformance.ts';

export { AtRiskItem, BottleneckReport, ConformanceReport, ReportComparison };

export const AtRiskList = z.object({ items: z.array(AtRiskItem) });
export type AtRiskList = z.infer<typeof AtRiskList>;

/** A log from another system to analyse; the API narrows `definitionId` to its id format. */
export const ImportLogRequest = z.object({
  format: z.enum(['csv', 'xes']),
  content: z.string().min(1),
  mapping: CsvMapping.optional(),
  /** Check the log against this definition's latest deployed diagram. */
  definitionId: z.string().optional(),
  time: TimeBasis.default('calendar'),
});
export type ImportLogRequest = z.input<typeof ImportLogRequest>;

/** An event log from another system, analysed and (when a process is named) checked against it. */
export const ImportedLog = z.object({
  imported: z.object({ cases: z.number().int(), events: z.number().int(), skippedRows: z.number().int() }),
  report: BottleneckReport,
  conformance: ConformanceReport.nullable(),
});
export type ImportedLog = z.infer<typeof ImportedLog>;
