// Insights answered from the aggregates (the analytical store): the directly-follows graph, variants and rework, handoffs and waiting vs working of a kept log (for whoever may see it) or of a process's own ended cases.
import type { Database } from '../storage/database.ts';
import type { UserRecord } from './accounts.ts';
import { findLog } from './imported-logs.ts';
import { keptLogSource } from '../storage/kept-log-fold.ts';
import { ensureKeptLogFolded } from './kept-log-folds.ts';
import { ensureDefinitionFolded } from './case-log-folds.ts';
import { definitionSource } from '../storage/case-log-fold.ts';
import { definitionStepNames } from '../storage/insights-queries.ts';
import { aggregatedActivityTimes, aggregatedHandoffs } from '../storage/insight-time-queries.ts';
import { handoffsAnswer, timeSplitAnswer } from '../domain/insights/aggregate-time-rows.ts';
import { aggregatedCaseCounts, aggregatedDfg, aggregatedVariants, casesWithRework, isFolded, type AggregateScope } from '../storage/insight-aggregate-queries.ts';
import { bucketsFor } from '../domain/insights/aggregate-buckets.ts';
import { dfgAnswer, namedDfg, reportAnswer, type StepNameOf } from '../domain/insights/aggregate-rows.ts';
import type { AggregatedDfg, AggregatedHandoffs, AggregatedReport, AggregatedTimeSplit, ProcessAggregatedDfg } from '../domain/contract/insight-aggregates.ts';

export type { AggregateScope };

/** A process's scope also says what its diagram calls each step (the store keys them by node id); a kept log's steps are their names. */
export interface NamedScope extends AggregateScope {
  stepName?: StepNameOf;
}

export interface AggregateFilter {
  from?: string;
  to?: string;
  team?: string;
}

/** Answers from the aggregates of a scope: the directly-follows graph with durations (a process's with its steps' names). */
export async function scopeDfg(db: Database, scope: NamedScope, filter: AggregateFilter): Promise<AggregatedDfg | ProcessAggregatedDfg> {
  const { edges, activities } = await aggregatedDfg(db, scope, filter.team ?? '', bucketsFor(filter));
  const dfg = dfgAnswer(edges, activities);
  return scope.stepName ? namedDfg(dfg, scope.stepName) : dfg;
}

/** Answers from the aggregates of a scope: variants and rework. */
export async function scopeReport(db: Database, scope: NamedScope, filter: Omit<AggregateFilter, 'team'>, limits: { maxVariants: number; maxReworkCases: number }): Promise<AggregatedReport> {
  const buckets = bucketsFor(filter);
  const [counts, variants, { edges, activities }, reworkCases] = await Promise.all([
    aggregatedCaseCounts(db, scope, filter),
    aggregatedVariants(db, scope, filter, limits.maxVariants),
    aggregatedDfg(db, scope, '', buckets),
    casesWithRework(db, scope, filter, limits.maxReworkCases),
  ]);
  return reportAnswer(counts, variants, edges, activities, reworkCases, limits.maxReworkCases, scope.stepName);
}

/** Answers from the aggregates of a scope: handoffs between teams. */
export async function scopeHandoffs(db: Database, scope: AggregateScope, filter: Omit<AggregateFilter, 'team'>): Promise<AggregatedHandoffs> {
  return handoffsAnswer(await aggregatedHandoffs(db, scope, bucketsFor(filter)));
}

/** Answers from the aggregates of a scope: waiting vs working per step. */
export async function scopeTimeSplit(db: Database, scope: NamedScope, filter: Omit<AggregateFilter, 'team'>): Promise<AggregatedTimeSplit> {
  return timeSplitAnswer(await aggregatedActivityTimes(db, scope, bucketsFor(filter)), scope.stepName);
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
 * Its steps are named by the version asked, or each by the latest version that names it; a step no
 * version names keeps its id.
 */
export async function processScope(db: Database, definitionId: string, version?: number): Promise<NamedScope | undefined> {
  const source = definitionSource(definitionId);
  const [names, folded] = await Promise.all([definitionStepNames(db, definitionId, version), isFolded(db, source)]);
  if (!names) return undefined;
  if (!folded) await ensureDefinitionFolded(db, definitionId);
  return { source, flattening: '', ...(version === undefined ? {} : { version }), stepName: (nodeId) => names.get(nodeId) ?? nodeId };
}
