// Insights answered from the aggregates (the analytical store): the directly-follows graph, variants and rework, handoffs and waiting vs working of a kept log (for whoever may see it) or of a process's own ended cases.
import type { Database } from '../storage/database.ts';
import type { UserRecord } from './accounts.ts';
import { mayReadLogOf } from './imported-logs.ts';
import { keptLogScope } from '../storage/kept-log-fold.ts';
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

/**
 * An answer and whether every statement it was read by saw the scope's fold recorded (each statement
 * one snapshot). A kept log deleted after its look-up has no fold left: its answer would be empty
 * figures, never half a fold, and is not one to give.
 */
export interface ScopeAnswer<T> {
  answer: T;
  folded: boolean;
  /** Who imported the kept log the scope is, read with the answer; null for a process's log or a kept log deleted. */
  logOwner: string | null;
}

/** Answers from the aggregates of a scope: the directly-follows graph with durations (a process's with its steps' names). */
export async function scopeDfg(db: Database, scope: NamedScope, filter: AggregateFilter): Promise<ScopeAnswer<AggregatedDfg | ProcessAggregatedDfg>> {
  const { folded, logOwner, edges, activities } = await aggregatedDfg(db, scope, filter.team ?? '', bucketsFor(filter));
  const dfg = dfgAnswer(edges, activities);
  return { answer: scope.stepName ? namedDfg(dfg, scope.stepName) : dfg, folded, logOwner };
}

/** Answers from the aggregates of a scope: variants and rework. */
export async function scopeReport(db: Database, scope: NamedScope, filter: Omit<AggregateFilter, 'team'>, limits: { maxVariants: number; maxReworkCases: number }): Promise<ScopeAnswer<AggregatedReport>> {
  const buckets = bucketsFor(filter);
  const [counts, variants, dfg, reworkCases] = await Promise.all([
    aggregatedCaseCounts(db, scope, filter),
    aggregatedVariants(db, scope, filter, limits.maxVariants),
    aggregatedDfg(db, scope, '', buckets),
    casesWithRework(db, scope, filter, limits.maxReworkCases),
  ]);
  return {
    answer: reportAnswer(counts, variants.rows, dfg.edges, dfg.activities, reworkCases.rows, limits.maxReworkCases, scope.stepName),
    folded: counts.folded && variants.folded && dfg.folded && reworkCases.folded,
    logOwner: counts.logOwner,
  };
}

/** Answers from the aggregates of a scope: handoffs between teams. */
export async function scopeHandoffs(db: Database, scope: AggregateScope, filter: Omit<AggregateFilter, 'team'>): Promise<ScopeAnswer<AggregatedHandoffs>> {
  const { folded, logOwner, rows } = await aggregatedHandoffs(db, scope, bucketsFor(filter));
  return { answer: handoffsAnswer(rows), folded, logOwner };
}

/** Answers from the aggregates of a scope: waiting vs working per step. */
export async function scopeTimeSplit(db: Database, scope: NamedScope, filter: Omit<AggregateFilter, 'team'>): Promise<ScopeAnswer<AggregatedTimeSplit>> {
  const { folded, logOwner, rows } = await aggregatedActivityTimes(db, scope, bucketsFor(filter));
  return { answer: timeSplitAnswer(rows, scope.stepName), folded, logOwner };
}

/**
 * A kept log's answer, read with no look-up of the log before or beside it (one statement fewer, the
 * budget of issue #20): the scope of a kept log is known from its id, each statement of a read also
 * returns who imported the log, and the rows read are thrown away unless the access rule lets the
 * user see a log of that owner. Each statement says, in its own snapshot, whether the log's fold is
 * recorded (a fold commits all its rows with that record, so an answer is from one whole fold). A log
 * not folded yet (just imported, or kept before the store existed) has its fold waited for, or made
 * here, and is read again. Undefined (404, as for a log never kept) when the user may not see the log,
 * or it was deleted before a read found it folded: never empty figures.
 */
export async function keptLogAnswer<T>(db: Database, user: UserRecord, logId: string, read: (scope: AggregateScope) => Promise<ScopeAnswer<T>>): Promise<T | undefined> {
  const scope = keptLogScope(logId);
  const first = await read(scope);
  if (first.logOwner === null || !mayReadLogOf(user, first.logOwner)) return undefined;
  // Deleted between the look-up and the fold (which looks again under the log's lock): 404 as for a log never kept.
  const answered = first.folded ? first : (await ensureKeptLogFolded(db, logId)) ? await read(scope) : undefined;
  return answered?.folded ? answered.answer : undefined;
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
