// Insights answered from the aggregates (the analytical store): the directly-follows graph, variants and rework, handoffs and waiting vs working of a kept log (for whoever may see it) or of a process's own ended cases.
import type { Database } from '../storage/database.ts';
import type { UserRecord } from './accounts.ts';
import { findLog } from './imported-logs.ts';
import { keptLogSource } from '../storage/kept-log-fold.ts';
import { ensureKeptLogFolded } from './kept-log-folds.ts';
import { ensureDefinitionFolded } from './case-log-folds.ts';
import { processDiagram } from './insights.ts';
import { definitionSource } from '../storage/case-log-fold.ts';
import { aggregatedActivityTimes, aggregatedHandoffs } from '../storage/insight-time-queries.ts';
import { handoffsAnswer, timeSplitAnswer } from '../domain/insights/aggregate-time-rows.ts';
import { aggregatedCaseCounts, aggregatedDfg, aggregatedVariants, casesWithRework, isFolded, type AggregateScope } from '../storage/insight-aggregate-queries.ts';
import { bucketsFor } from '../domain/insights/aggregate-buckets.ts';
import { dfgAnswer, reportAnswer } from '../domain/insights/aggregate-rows.ts';
import type { AggregatedDfg, AggregatedHandoffs, AggregatedReport, AggregatedTimeSplit } from '../domain/contract/insight-aggregates.ts';

export type { AggregateScope };

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
 * The scope of a kept log, undefined when the user may not see it. The reads start only once a fold
 * is recorded: a fold commits all its rows with that record, so the parallel reads each see one whole
 * fold (a later fold of the same rows writes the same figures), never an import's fold half seen by one
 * query and not by another. A log not folded yet (just imported, or kept before the store existed)
 * waits for the fold under way, or is folded here; undefined too when it was deleted meanwhile.
 */
export async function keptLogScope(db: Database, user: UserRecord, logId: string): Promise<AggregateScope | undefined> {
  const source = keptLogSource(logId);
  const [log, folded] = await Promise.all([findLog(db, user, logId), isFolded(db, source)]);
  if (!log) return undefined;
  // Deleted between the look-up and the fold (which looks again under the log's lock): 404 as for a log never kept.
  if (!folded && !(await ensureKeptLogFolded(db, logId))) return undefined;
  return { source, flattening: null };
}

/**
 * The scope of a process's own case log (one version, or all), undefined when nothing of it is
 * deployed. Its ended cases are folded as they end; those that ended before are folded first, once.
 */
export async function processScope(db: Database, definitionId: string, version?: number): Promise<AggregateScope | undefined> {
  const source = definitionSource(definitionId);
  const [deployed, folded] = await Promise.all([processDiagram(db, definitionId, version), isFolded(db, source)]);
  if (!deployed) return undefined;
  if (!folded) await ensureDefinitionFolded(db, definitionId);
  return { source, flattening: '', ...(version === undefined ? {} : { version }) };
}
