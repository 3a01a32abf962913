// The distribution of case durations (start → end of ended cases) as summary figures and a histogram.
import type { AnalysisContext } from './analysis-context.ts';
import type { CaseTrace } from './case-traces.ts';
import { summarise } from './duration-stats.ts';
import type { CaseDurationReport } from './report.ts';

/**
 * `bins` equal-width bins from 0 to the longest duration; each bin holds [from, to) except the
 * last, which also holds its upper edge. Open cases are left out (they have no duration yet).
 */
export function caseDurations(traces: readonly CaseTrace[], ctx: AnalysisContext, bins = 20): CaseDurationReport {
  const durations: number[] = [];
  for (const trace of traces) if (!Number.isNaN(trace.endedAt)) durations.push(ctx.measure(trace.startedAt, trace.endedAt));
  const duration = summarise(durations);
  if (duration.count === 0 || bins < 1) return { duration, bins: [] };
  const max = Math.max(duration.max ?? 0, 1);
  const width = max / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const d of durations) {
    const index = Math.min(bins - 1, Math.max(0, Math.floor(d / width)));
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return { duration, bins: counts.map((count, i) => ({ from: i * width, to: i === bins - 1 ? max : (i + 1) * width, count })) };
}
