// Summaries of duration samples: mean, median, 90th percentile and maximum, matching numpy's defaults.
import type { DurationStats } from './report.ts';

/**
 * The p-quantile (0 ≤ p ≤ 1) of ascending `sorted` by linear interpolation between closest ranks —
 * numpy's default (`method='linear'`) and what PM4Py reports: h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
 */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo] as number;
  return a + (h - lo) * ((sorted[hi] as number) - a);
}

export const emptyStats: DurationStats = { count: 0, mean: null, median: null, p90: null, max: null };

/** Sorts a copy of `values` and summarises it; NaN samples (unfinished intervals) are dropped. */
export function summarise(values: ArrayLike<number>): DurationStats {
  let n = 0;
  const sorted = new Float64Array(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) sorted[n++] = v;
  }
  if (n === 0) return emptyStats;
  const used = n === sorted.length ? sorted : sorted.subarray(0, n);
  used.sort();
  let sum = 0;
  for (let i = 0; i < n; i += 1) sum += used[i] as number;
  return { count: n, mean: sum / n, median: quantile(used, 0.5), p90: quantile(used, 0.9), max: used[n - 1] as number };
}

/** Collects samples under a key, so an analysis can summarise each group at the end. */
export class SampleGroups {
  private readonly groups = new Map<string, number[]>();

  add(key: string, value: number): void {
    if (Number.isNaN(value)) return;
    const group = this.groups.get(key);
    if (group) group.push(value);
    else this.groups.set(key, [value]);
  }

  stats(key: string): DurationStats {
    const group = this.groups.get(key);
    return group ? summarise(group) : emptyStats;
  }
}
