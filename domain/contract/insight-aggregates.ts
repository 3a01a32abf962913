// What the insight aggregates answer through the API (the directly-follows graph with durations, variants, rework, handoffs, waiting vs working) and the queries that ask for them.
import { z } from 'zod';
import { ReworkReport, VariantsReport } from '../insights/report.ts';
import { CalendarDate, DefinitionId, queryNumber, VersionNumber } from './request-fields.ts';

/**
 * A case-start bound: a UTC calendar day. The aggregates are kept per day, so a day is the finest
 * bound they answer exactly; asking for a date, not an instant, lets the API description say so.
 */
const DayBound = CalendarDate;

/** Cases started on the UTC days [from, to); `team`: only that team's events, as if the log were filtered by team before discovery. */
export const AggregateQuery = z.object({
  from: DayBound.optional(),
  to: DayBound.optional(),
  team: z.string().min(1).max(200).optional(),
});
export type AggregateQuery = z.input<typeof AggregateQuery>;

/** Variants and rework are per case, so they take no team (a case is not one team's). */
export const AggregateReportQuery = AggregateQuery.omit({ team: true }).extend({
  maxVariants: queryNumber(z.coerce.number<number>().int().min(1).max(1000)).default(50),
  maxReworkCases: queryNumber(z.coerce.number<number>().int().min(0).max(1000)).default(50),
});

/**
 * Durations in ms from exact sums: mean, standard deviation (n − 1, as pandas and PM4Py), min, max,
 * total. A median is not aggregated (it needs every sample); the full report has it.
 */
export const AggregatedDuration = z.object({
  count: z.number().int(),
  mean: z.number().nullable(),
  stdev: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  total: z.number(),
});
export type AggregatedDuration = z.infer<typeof AggregatedDuration>;

const ActivityCount = z.object({ activity: z.string(), count: z.number().int() });
/** Each consecutive pair of completed steps in a case (PM4Py's DFG and performance DFG over complete events). */
const DfgEdge = z.object({ from: z.string(), to: z.string(), count: z.number().int(), duration: AggregatedDuration });
/** Completions per step and the cases that completed it. */
const DfgActivity = z.object({ activity: z.string(), count: z.number().int(), cases: z.number().int() });

/** A kept log's graph: its steps are the log's activity names. */
export const AggregatedDfg = z.object({
  edges: z.array(DfgEdge),
  activities: z.array(DfgActivity),
  starts: z.array(ActivityCount),
  ends: z.array(ActivityCount),
});
export type AggregatedDfg = z.infer<typeof AggregatedDfg>;

/**
 * A process's graph: its steps are node ids, each also with the name its diagram gives it (as the
 * report's graph names them: `fromName`/`toName` beside an edge's ids, `name` beside a step's).
 */
export const ProcessAggregatedDfg = z.object({
  edges: z.array(DfgEdge.extend({ fromName: z.string(), toName: z.string() })),
  activities: z.array(DfgActivity.extend({ name: z.string() })),
  starts: z.array(ActivityCount.extend({ name: z.string() })),
  ends: z.array(ActivityCount.extend({ name: z.string() })),
});
export type ProcessAggregatedDfg = z.infer<typeof ProcessAggregatedDfg>;

/** The rework report with its case list cut to how many repeats each case had; a process's `name`, `fromName` and `toName` are its diagram's names of the node ids. */
export const AggregatedRework = ReworkReport.omit({ cases: true }).extend({
  cases: z.array(z.object({ caseId: z.string(), repeatedExecutions: z.number().int() })),
});
export type AggregatedRework = z.infer<typeof AggregatedRework>;

export const AggregatedReport = z.object({ cases: z.number().int(), variants: VariantsReport, rework: AggregatedRework });
export type AggregatedReport = z.infer<typeof AggregatedReport>;

/** Handoffs and waiting vs working are per case, so they take cases started in [from, to) but no team. */
export const AggregateCaseQuery = AggregateQuery.omit({ team: true });

/** Handoffs between teams as the report counts them, the delay until the receiving team took the case up with exact sums. */
export const AggregatedHandoffs = z.object({
  handoffs: z.array(z.object({ fromTeam: z.string(), toTeam: z.string(), count: z.number().int(), accepted: z.number().int(), overdue: z.number().int(), delay: AggregatedDuration })),
});
export type AggregatedHandoffs = z.infer<typeof AggregatedHandoffs>;

/** Per step, as the report's element statistics: waiting (ready → first claim), processing (claim → completion), sojourn (ready → completion); a process's `name` is its diagram's name of `nodeId`. */
export const AggregatedTimeSplit = z.object({
  elements: z.array(
    z.object({
      nodeId: z.string(), name: z.string(), kind: z.enum(['task', 'element']), team: z.string().optional(),
      cases: z.number().int(), executions: z.number().int(), completed: z.number().int(),
      waiting: AggregatedDuration, processing: AggregatedDuration, sojourn: AggregatedDuration,
    }),
  ),
});
export type AggregatedTimeSplit = z.infer<typeof AggregatedTimeSplit>;

/** Which process's own case log the aggregate routes read: its ended cases, of one version or of every version. */
export const ProcessAggregateScope = z.object({
  definitionId: DefinitionId,
  version: VersionNumber.optional(),
});
