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

/**
 * An answer and whether every statement it was read by saw the scope's fold recorded (each statement
 * one snapshot). A kept log deleted after its look-up has no fold left: its answer would be empty
 * figures, never half a fold, and is not one to give.
 */
export interface ScopeAnswer<T> {
  answer: T;
  folded: boolean;
}

/** Answers from the aggregates of a scope: the directly-follows graph with durations (a process's with its steps' names). */
export async function scopeDfg(db: Database, scope: NamedScope, filter: AggregateFilter): Promise<ScopeAnswer<AggregatedDfg | ProcessAggregatedDfg>> {
  const { folded, edges, activities } = await aggregatedDfg(db, scope, filter.team ?? '', bucketsFor(filter));
  const dfg = dfgAnswer(edges, activities);
  return { answer: scope.stepName ? namedDfg(dfg, scope.stepName) : dfg, folded };
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
  };
}

/** Answers from the aggregates of a scope: handoffs between teams. */
export async function scopeHandoffs(db: Database, scope: AggregateScope, filter: Omit<AggregateFilter, 'team'>): Promise<ScopeAnswer<AggregatedHandoffs>> {
  const { folded, rows } = await aggregatedHandoffs(db, scope, bucketsFor(filter));
  return { answer: handoffsAnswer(rows), folded };
}

/** Answers from the aggregates of a scope: waiting vs working per step. */
export async function scopeTimeSplit(db: Database, scope: NamedScope, filter: Omit<AggregateFilter, 'team'>): Promise<ScopeAnswer<AggregatedTimeSplit>> {
  const { folded, rows } = await aggregatedActivityTimes(db, scope, bucketsFor(filter));
  return { answer: timeSplitAnswer(rows, scope.stepName), folded };
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
 * A kept log's answer read in its scope, undefined (404, as for a log never kept) when the user may
 * not see the log or it was deleted after its look-up found it folded and before a read ran: each read
 * sees in its own snapshot whether the fold is still recorded, so none answers empty figures.
 */
export async function keptLogAnswer<T>(db: Database, user: UserRecord, logId: string, read: (scope: AggregateScope) => Promise<ScopeAnswer<T>>): Promise<T | undefined> {
  const scope = await keptLogScope(db, user, logId);
  if (!scope) return undefined;
  const { answer, folded } = await read(scope);
  return folded ? answer : undefined;
}

/**
 * A kept log's directly-follows graph in one round trip beside its look-up (issue #20's budget): the
 * graph's one statement also says whether the fold is recorded, and its rows are thrown away unless the
 * user may see the log. A log not folded yet is folded (or its fold waited for) and read again;
 * undefined when the user may not see it or it was deleted before a read found it folded.
 */
export async function keptLogDfg(db: Database, user: UserRecord, logId: string, filter: AggregateFilter): Promise<AggregatedDfg | undefined> {
  const read = () => aggregatedDfg(db, { source: keptLogSource(logId), flattening: null }, filter.team ?? '', bucketsFor(filter));
  const [log, first] = await Promise.all([findLog(db, user, logId), read()]);
  if (!log) return undefined;
  const rows = first.folded ? first : (await ensureKeptLogFolded(db, logId)) ? await read() : undefined;
  return rows?.folded ? dfgAnswer(rows.edges, rows.activities) : undefined;
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
