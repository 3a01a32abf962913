// Variants: the distinct sequences of completed steps, how many cases follow each and how long they take.
import type { AnalysisContext } from './analysis-context.ts';
import type { CaseTrace } from './case-traces.ts';
import { summarise } from './duration-stats.ts';
import type { VariantsReport } from './report.ts';

const SEP = '\u001f';

/** The variant of a case: its completed task names in completion order (as PM4Py's variants over `complete` events). */
export function variantKey(trace: CaseTrace): string {
  let key = '';
  for (let i = 0; i < trace.completions.length; i += 1) key += (i === 0 ? '' : SEP) + trace.completions[i]!.name;
  return key;
}

export function variantActivities(key: string): string[] {
  return key === '' ? [] : key.split(SEP);
}

/** Joins activity names into the key `variantKey` produces, for filtering by variant. */
export function variantKeyOf(activities: readonly string[]): string {
  return activities.join(SEP);
}

/**
 * Frequencies count every case with at least one completed task; durations (case start → end)
 * only the ended cases. The `maxVariants` most frequent are listed; `total` counts them all.
 */
export function variants(traces: readonly CaseTrace[], ctx: AnalysisContext, maxVariants = 50): VariantsReport {
  const groups = new Map<string, { count: number; durations: number[] }>();
  let withActivity = 0;
  for (const trace of traces) {
    const key = variantKey(trace);
    if (key === '' && trace.completions.length === 0) continue;
    withActivity += 1;
    let group = groups.get(key);
    if (!group) {
      group = { count: 0, durations: [] };
      groups.set(key, group);
    }
    group.count += 1;
    if (!Number.isNaN(trace.endedAt)) group.durations.push(ctx.measure(trace.startedAt, trace.endedAt));
  }
  const ranked = [...groups].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    total: groups.size,
    casesWithoutActivity: traces.length - withActivity,
    variants: ranked.slice(0, maxVariants).map(([key, group]) => ({
      activities: variantActivities(key),
      count: group.count,
      share: group.count / withActivity,
      duration: summarise(group.durations),
    })),
  };
}
