// The Insights view's filters live in the address (`#/insights?definitionId=…&from=…`) so a view
// can be bookmarked and shared; this reads them from the route and turns them into API queries.
// Dates are whole days: `to` includes its day, so it becomes the next day's start.
import type { z } from 'zod';
import { isTimeTextError, parseIsoDateTime } from '../../../../../domain/time/iso8601.ts';
import { InsightsReportQuery } from '../../../../../domain/contract/insights.ts';

type ReportQuery = z.output<typeof InsightsReportQuery>;
export const outcomes = InsightsReportQuery.shape.outcome.unwrap().options;
export const timeBases = InsightsReportQuery.shape.time.unwrap().options;
export const periods = InsightsReportQuery.shape.period.unwrap().options;

/** The report query as the address holds it: `from` and `to` are whole days, not instants. */
export interface InsightsFilter {
  definitionId?: string;
  version?: number;
  /** First day of case starts (YYYY-MM-DD). */
  from?: string;
  /** Last day of case starts, included (YYYY-MM-DD). */
  to?: string;
  team?: string;
  outcome?: ReportQuery['outcome'];
  time: ReportQuery['time'];
  period: ReportQuery['period'];
}

const oneOf = <T extends string>(options: readonly T[], value: string | null): T | undefined => (options as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
/** A whole day (YYYY-MM-DD) that exists on the calendar, else nothing. */
const day = (value: string | null): string | undefined => {
  const read = parseIsoDateTime(value ?? '');
  return !isTimeTextError(read) && read.form === 'date' ? read.instant.slice(0, 10) : undefined;
};

export function filterFromQuery(query: URLSearchParams): InsightsFilter {
  const version = Number(query.get('version'));
  return {
    definitionId: query.get('definitionId') || undefined,
    version: Number.isInteger(version) && version > 0 ? version : undefined,
    from: day(query.get('from')),
    to: day(query.get('to')),
    team: query.get('team')?.trim() || undefined,
    outcome: oneOf(outcomes, query.get('outcome')),
    time: oneOf(timeBases, query.get('time')) ?? 'calendar',
    period: oneOf(periods, query.get('period')) ?? 'week',
  };
}

/** The filter as route query values (defaults left out, so plain addresses stay short). */
export function filterToQuery(filter: InsightsFilter): Record<string, string | undefined> {
  return {
    definitionId: filter.definitionId,
    version: filter.version === undefined ? undefined : String(filter.version),
    from: filter.from,
    to: filter.to,
    team: filter.team,
    outcome: filter.outcome,
    time: filter.time === 'calendar' ? undefined : filter.time,
    period: filter.period === 'week' ? undefined : filter.period,
  };
}

/** The start of a day (UTC) as an ISO instant. */
export const startOfDay = (value: string): string => `${value}T00:00:00Z`;
/** The start of the day after, so a period "to" a day includes that day. */
export const endOfDay = (value: string): string => new Date(Date.parse(startOfDay(value)) + 86_400_000).toISOString().replace('.000Z', 'Z');

/** The query of GET /api/insights/report. */
export function reportQuery(filter: InsightsFilter & { definitionId: string }): InsightsReportQuery {
  return {
    definitionId: filter.definitionId,
    version: filter.version,
    from: filter.from ? startOfDay(filter.from) : undefined,
    to: filter.to ? endOfDay(filter.to) : undefined,
    team: filter.team,
    outcome: filter.outcome,
    time: filter.time,
    period: filter.period,
  };
}
