// Insights answered from the aggregates (the analytical store): a kept log's directly-follows graph, variants and rework, handoffs and waiting vs working, for whoever may see the log.
import type { Database } from '../storage/database.ts';
import type { UserRecord } from './accounts.ts';
import { findLog } from './imported-logs.ts';
import { keptLogSource } from '../storage/kept-log-fold.ts';
import { ensureKeptLogFolded } from './kept-log-folds.ts';
import { aggregatedActivityTimes, aggregatedHandoffs } from '../storage/insight-time-queries.ts';
import { handoffsAnswer, timeSplitAnswer } from '../domain/insights/aggregate-time-rows.ts';
import { aggregatedCaseCounts, aggregatedDfg, aggregatedVariants, casesWithRework, isFolded, type AggregateScope } from '../storage/insight-aggregate-queries.ts';
import { bucketsFor } from '../domain/insights/aggregate-buckets.ts';
import { dfgAnswer, reportAnswer } from '../domain/insights/aggregate-rows.ts';
import type { AggregatedDfg, AggregatedHandoffs, AggregatedReport, AggregatedTimeSplit } from '../domain/contract/insight-aggregates.ts';

export interface AggregateFilter {
  from?: string;
  to?: string;
  team?: string;
}

/** Answers from the aggregates of a scope: the directly-follows graph with durations. */
export async function scopeDfg(db: Database, scope: AggregateScope, filter: AggregateFilter): Promise<AggregatedDfg> {
  const { edges, activities } = await aggregatedDfg(db, scope, filter.team ?? '', bucketsFor(filter));
  return dfgAnswer(edges, activities);
}

/** Answers from the aggregates of a scope: variants and rework. */
export async function scopeReport(db: Database, scope: AggregateScope, filter: Omit<AggregateFilter, 'team'>, limits: { maxVariants: number; maxReworkCases: number }): Promise<AggregatedReport> {
  const buckets = bucketsFor(filter);
  const [counts, variants, { edges, activities }, reworkCases] = await Promise.all([
    aggregatedCaseCounts(db, scope, filter),
    aggregatedVariants(db, scope, filter, limits.maxVariants),
    aggregatedDfg(db, scope, '', buckets),
    casesWithRework(db, scope, filter, limits.maxReworkCases),
  ]);
  return reportAnswer(counts, variants, edges, activities, reworkCases, limits.maxReworkCases);
}

/** Answers from the aggregates of a scope: handoffs between teams. */
export async function scopeHandoffs(db: Database, scope: AggregateScope, filter: Omit<AggregateFilter, 'team'>): Promise<AggregatedHandoffs> {
  return handoffsAnswer(await aggregatedHandoffs(db, scope, bucketsFor(filter)));
}

/** Answers from the aggregates of a scope: waiting vs working per step. */
export async function scopeTimeSplit(db: Database, scope: AggregateScope, filter: Omit<AggregateFilter, 'team'>): Promise<AggregatedTimeSplit> {
  return timeSplitAnswer(await aggregatedActivityTimes(db, scope, bucketsFor(filter)));
}

/**
 * Answers for a kept log, undefined when the user may not see it. The reads start only once a fold
 * is recorded: a fold commits all its rows with that record, so the parallel reads each see one whole
 * fold (a later fold of the same rows writes the same figures), never an import's fold half seen by one
 * query and not by another. A log not folded yet (just imported, or kept before the store existed)
 * waits for the fold under way, or is folded here.
 */
async function fromKeptLog<T>(db: Database, user: UserRecord, logId: string, read: (scope: AggregateScope) => Promise<T>): Promise<T | undefined> {
  const source = keptLogSource(logId);
  const [log, folded] = await Promise.all([findLog(db, user, logId), isFolded(db, source)]);
  if (!log) return undefined;
  if (!folded) await ensureKeptLogFolded(db, logId);
  return read({ source, flattening: null });
}

/**
 * A kept log's directly-follows graph in one round trip after the session's: its rows are read
 * beside the log's look-up, and with whether its fold is recorded (one statement, so one snapshot:
 * rows of a whole fold or none). They are thrown away unless the user may see the log; a log not
 * folded yet is folded (or its fold waited for) as in `fromKeptLog`, then read again.
 */
export async function keptLogDfg(db: Database, user: UserRecord, logId: string, filter: AggregateFilter): Promise<AggregatedDfg | undefined> {
  const read = () => aggregatedDfg(db, { source: keptLogSource(logId), flattening: null }, filter.team ?? '', bucketsFor(filter));
  const [log, rows] = await Promise.all([findLog(db, user, logId), read()]);
  if (!log) return undefined;
  const { edges, activities } = rows.folded ? rows : await ensureKeptLogFolded(db, logId).then(read);
  return dfgAnswer(edges, activities);
}

export async function keptLogReport(db: Database, user: UserRecord, logId: string, filter: Omit<AggregateFilter, 'team'>, limits: { maxVariants: number; maxReworkCases: number }): Promise<AggregatedReport | undefined> {
  return fromKeptLog(db, user, logId, (scope) => scopeReport(db, scope, filter, limits));
}

export async function keptLogHandoffs(db: Database, user: UserRecord, logId: string, filter: Omit<AggregateFilter, 'team'>): Promise<AggregatedHandoffs | undefined> {
  return fromKeptLog(db, user, logId, (scope) => scopeHandoffs(db, scope, filter));
}

export async function keptLogTimeSplit(db: Database, user: UserRecord, logId: string, filter: Omit<AggregateFilter, 'team'>): Promise<AggregatedTimeSplit | undefined> {
  return fromKeptLog(db, user, logId, (scope) => scopeTimeSplit(db, scope, filter));
}
