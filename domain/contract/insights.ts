// Insights rows as the API answers them, and the queries that ask for them. The report shapes are
// declared where they are computed (domain/insights); this file is where a boundary-crossing reader
// finds them all.
import { z } from 'zod';
import { CaseOutcomeFilter } from '../insights/filters.ts';
import { DefinitionId, Instant, Page, VersionNumber } from './request-fields.ts';
import { AtRiskItem, BottleneckReport, TimeBasis } from '../insights/report.ts';
import { CsvMapping } from '../insights/formats/csv-import.ts';
import { ReportComparison } from '../insights/compare.ts';
import { ConformanceReport } from '../insights/conformance.ts';
import { ImportedLogFormat } from '../insights/imported-log.ts';

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

/** Which of a process's cases: a version, and when they started. */
export const ProcessLogQuery = z.object({
  definitionId: DefinitionId,
  version: VersionNumber.optional(),
  from: Instant.optional(),
  to: Instant.optional(),
});
export type ProcessLogQuery = z.input<typeof ProcessLogQuery>;

export const InsightsReportQuery = ProcessLogQuery.extend({
  team: z.string().min(1).max(200).optional(),
  outcome: CaseOutcomeFilter.optional(),
  time: TimeBasis.default('calendar'),
  period: z.enum(['day', 'week']).default('week'),
});
export type InsightsReportQuery = z.input<typeof InsightsReportQuery>;

/** Two periods (base/other from–to, each side needs a bound) or two versions of one process. */
export const ComparisonQuery = z
  .object({
    definitionId: DefinitionId,
    baseVersion: VersionNumber.optional(),
    otherVersion: VersionNumber.optional(),
    baseFrom: Instant.optional(),
    baseTo: Instant.optional(),
    otherFrom: Instant.optional(),
    otherTo: Instant.optional(),
    team: z.string().min(1).max(200).optional(),
    outcome: CaseOutcomeFilter.optional(),
    time: TimeBasis.default('calendar'),
  })
  .refine((q) => (q.baseVersion === undefined) === (q.otherVersion === undefined), {
    message: 'Give both baseVersion and otherVersion to compare two versions',
    path: ['otherVersion'],
  })
  .refine((q) => q.baseVersion !== undefined || ((q.baseFrom ?? q.baseTo) !== undefined && (q.otherFrom ?? q.otherTo) !== undefined), {
    message: 'Give baseVersion and otherVersion, or a period for each side (baseFrom/baseTo and otherFrom/otherTo)',
    path: ['baseFrom'],
  });
export type ComparisonQuery = z.input<typeof ComparisonQuery>;

export const AtRiskQuery = z.object({ definitionId: DefinitionId, team: z.string().min(1).max(200).optional() });
export type AtRiskQuery = z.input<typeof AtRiskQuery>;

/** How a log file sent as the body of an upload is read; the file itself is the body, so these travel in the query. */
export const KeptLogUploadQuery = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  /** xes, csv, jsonocel or xmlocel; else taken from the name's extension (.xes, .csv, .jsonocel, .json, .xmlocel, each also .gz) or the Content-Type. */
  format: ImportedLogFormat.optional(),
  /** OCEL only: the object type whose objects become the cases (default: the type with most events). */
  objectType: z.string().min(1).max(200).optional(),
  caseId: z.string().min(1).max(200).optional(),
  activity: z.string().min(1).max(200).optional(),
  timestamp: z.string().min(1).max(200).optional(),
  lifecycle: z.string().min(1).max(200).optional(),
  resource: z.string().min(1).max(200).optional(),
  team: z.string().min(1).max(200).optional(),
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
});
export type KeptLogUploadQuery = z.input<typeof KeptLogUploadQuery>;

/** Which object type a kept OCEL log is analysed by. */
export const LogObjectTypeBody = z.object({ objectType: z.string().min(1).max(200) });
export type LogObjectTypeBody = z.input<typeof LogObjectTypeBody>;

/** Which objects of a kept OCEL log, a page at a time (by id): of one type, and whose id holds `q` anywhere, ignoring case. */
export const LogObjectsQuery = z.object({
  type: z.string().min(1).max(200).optional(),
  q: z.string().min(1).max(200).optional(),
  ...Page,
});
export type LogObjectsQuery = z.input<typeof LogObjectsQuery>;
