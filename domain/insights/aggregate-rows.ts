// Rows the insight aggregates give back (sums per edge, step, variant and case), and how they become the API's answers, ordered as the full report orders them.
import type { AggregatedDfg, AggregatedDuration, AggregatedReport, ProcessAggregatedDfg } from '../contract/insight-aggregates.ts';
import { variantActivities } from './variants.ts';

export interface EdgeRow {
  from: string;
  to: string;
  count: number;
  sumMs: number;
  minMs: number;
  maxMs: number;
  stdevMs: number | null;
  loops: number;
  loopCases: number;
}

export interface ActivityRow {
  activity: string;
  completions: number;
  starts: number;
  ends: number;
  cases: number;
  casesRepeated: number;
}

export interface VariantRow {
  variant: string;
  count: number;
  ended: number;
  sumMs: number | null;
  medianMs: number | null;
  p90Ms: number | null;
  maxMs: number | null;
  /** How many variants there are in all (the rows are only the most frequent). */
  total: number;
}

export interface CaseCounts {
  cases: number;
  withoutActivity: number;
  withRework: number;
  repeats: number;
}

const byName = (a: string, b: string) => a.localeCompare(b);

/**
 * What an answer calls a step. A kept log's steps are its activity names already (the default); a
 * process's are node ids, named from its diagram.
 */
export type StepNameOf = (step: string) => string;
export const asNamed: StepNameOf = (step) => step;

function duration(row: EdgeRow): AggregatedDuration {
  return { count: row.count, mean: row.count === 0 ? null : row.sumMs / row.count, stdev: row.stdevMs, min: row.minMs, max: row.maxMs, total: row.sumMs };
}

/** The directly-follows graph: edges by count (then names), as `directlyFollows` orders them. */
export function dfgAnswer(edges: readonly EdgeRow[], activities: readonly ActivityRow[]): AggregatedDfg {
  const counted = (pick: (row: ActivityRow) => number) =>
    activities.filter((row) => pick(row) > 0).map((row) => ({ activity: row.activity, count: pick(row) })).sort((a, b) => b.count - a.count || byName(a.activity, b.activity));
  return {
    edges: edges.map((row) => ({ from: row.from, to: row.to, count: row.count, duration: duration(row) })).sort((a, b) => b.count - a.count || byName(a.from, b.from) || byName(a.to, b.to)),
    activities: activities.map((row) => ({ activity: row.activity, count: row.completions, cases: row.cases })).sort((a, b) => b.count - a.count || byName(a.activity, b.activity)),
    starts: counted((row) => row.starts),
    ends: counted((row) => row.ends),
  };
}

/** A process's graph: each node id also by its name, where the graph keeps names (ordered as before: by count, then ids). */
export function namedDfg(dfg: AggregatedDfg, nameOf: StepNameOf): ProcessAggregatedDfg {
  const named = <T extends { activity: string }>(row: T) => ({ ...row, name: nameOf(row.activity) });
  return {
    edges: dfg.edges.map((edge) => ({ ...edge, fromName: nameOf(edge.from), toName: nameOf(edge.to) })),
    activities: dfg.activities.map(named),
    starts: dfg.starts.map(named),
    ends: dfg.ends.map(named),
  };
}

/** Variants and rework as `variants` and `rework` report them (the rework case list cut to repeat counts). */
export function reportAnswer(
  counts: CaseCounts,
  variants: readonly VariantRow[],
  edges: readonly EdgeRow[],
  activities: readonly ActivityRow[],
  reworkCases: readonly { caseId: string; repeats: number }[],
  maxReworkCases: number,
  nameOf: StepNameOf = asNamed,
): AggregatedReport {
  const withActivity = counts.cases - counts.withoutActivity;
  return {
    cases: counts.cases,
    variants: {
      total: variants[0]?.total ?? 0,
      casesWithoutActivity: counts.withoutActivity,
      variants: variants.map((row) => ({
        activities: variantActivities(row.variant),
        count: row.count,
        share: row.count / withActivity,
        duration: { count: row.ended, mean: row.ended === 0 ? null : row.sumMs! / row.ended, median: row.medianMs, p90: row.p90Ms, max: row.maxMs },
      })),
    },
    rework: {
      casesWithRework: counts.withRework,
      repeatedExecutions: counts.repeats,
      byElement: activities
        .map((row) => ({ nodeId: row.activity, name: nameOf(row.activity), cases: row.cases, casesWithRepeat: row.casesRepeated, repeatedExecutions: row.completions - row.cases, reworkRate: row.casesRepeated / row.cases }))
        .sort((a, b) => b.repeatedExecutions - a.repeatedExecutions || byName(a.nodeId, b.nodeId)),
      loops: edges
        .filter((row) => row.loops > 0)
        .map((row) => ({ from: row.from, to: row.to, fromName: nameOf(row.from), toName: nameOf(row.to), count: row.loops, cases: row.loopCases }))
        .sort((a, b) => b.count - a.count || byName(a.from, b.from) || byName(a.to, b.to)),
      cases: reworkCases
        .map((row) => ({ caseId: row.caseId, repeatedExecutions: row.repeats }))
        .sort((a, b) => b.repeatedExecutions - a.repeatedExecutions || byName(a.caseId, b.caseId))
        .slice(0, maxReworkCases),
    },
  };
}
