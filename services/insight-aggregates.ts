// Insights answered from the aggregates (the analytical store): a kept log's directly-follows graph, variants and rework, for whoever may see the log.
import type { Database } from '../storage/database.ts';
import type { UserRecord } from './accounts.ts';
import { findLog } from './imported-logs.ts';
import { foldKeptLog, keptLogSource } from '../storage/kept-log-fold.ts';
import { aggregatedActivities, aggregatedCaseCounts, aggregatedEdges, aggregatedVariants, casesWithRework, isFolded, type AggregateScope } from '../storage/insight-aggregate-queries.ts';
import { bucketsFor } from '../domain/insights/aggregate-buckets.ts';
import { dfgAnswer, reportAnswer } from '../domain/insights/aggregate-rows.ts';
import type { AggregatedDfg, AggregatedReport } from '../domain/contract/insight-aggregates.ts';

export interface AggregateFilter {
  from?: string;
  to?: string;
  team?: string;
}

/** Answers from the aggregates of a scope: the directly-follows graph with durations. */
export async function scopeDfg(db: Database, scope: AggregateScope, filter: AggregateFilter): Promise<AggregatedDfg> {
  const buckets = bucketsFor(filter);
  const team = filter.team ?? '';
  const [edges, activities] = await Promise.all([aggregatedEdges(db, scope, team, buckets), aggregatedActivities(db, scope, team, buckets)]);
  return dfgAnswer(edges, activities);
}

/** Answers from the aggregates of a scope: variants and rework. */
export async function scopeReport(db: Database, scope: AggregateScope, filter: Omit<AggregateFilter, 'team'>, limits: { maxVariants: number; maxReworkCases: number }): Promise<AggregatedReport> {
  const buckets = bucketsFor(filter);
  const [counts, variants, edges, activities, reworkCases] = await Promise.all([
    aggregatedCaseCounts(db, scope, filter),
    aggregatedVariants(db, scope, filter, limits.maxVariants),
    aggregatedEdges(db, scope, '', buckets),
    aggregatedActivities(db, scope, '', buckets),
    casesWithRework(db, scope, filter, limits.maxReworkCases),
  ]);
  return reportAnswer(counts, variants, edges, activities, reworkCases, limits.maxReworkCases);
}

/**
 * Answers for a kept log, undefined when the user may not see it. The access check runs beside the
 * reads (nothing is returned unless it passes), so a request waits for one round of queries. Only an
 * empty answer asks whether the log is folded: a log kept before the store existed has no aggregates
 * at all, and is folded on its first read.
 */
async function fromKeptLog<T>(db: Database, user: UserRecord, logId: string, read: (scope: AggregateScope) => Promise<T>, empty: (answer: T) => boolean): Promise<T | undefined> {
  const source = keptLogSource(logId);
  const scope = { source, flattening: null };
  const [log, answer] = await Promise.all([findLog(db, user, logId), read(scope)]);
  if (!log) return undefined;
  if (!empty(answer) || (await isFolded(db, source))) return answer;
  await db.transaction((tx) => foldKeptLog(tx, logId));
  return read(scope);
}

export async function keptLogDfg(db: Database, user: UserRecord, logId: string, filter: AggregateFilter): Promise<AggregatedDfg | undefined> {
  return fromKeptLog(db, user, logId, (scope) => scopeDfg(db, scope, filter), (dfg) => dfg.activities.length === 0);
}

export async function keptLogReport(db: Database, user: UserRecord, logId: string, filter: Omit<AggregateFilter, 'team'>, limits: { maxVariants: number; maxReworkCases: number }): Promise<AggregatedReport | undefined> {
  return fromKeptLog(db, user, logId, (scope) => scopeReport(db, scope, filter, limits), (report) => report.cases === 0);
}
