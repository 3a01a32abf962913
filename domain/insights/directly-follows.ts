// The directly-follows graph of completed tasks: which step's completion directly follows which, and after how long.
import type { AnalysisContext } from './analysis-context.ts';
import type { CaseTrace } from './case-traces.ts';
import { summarise } from './duration-stats.ts';
import type { DirectlyFollowsGraph } from './report.ts';

const SEP = '\u0000';

/**
 * Per case, completed tasks ordered by completion time (ties in log order); each consecutive pair
 * (a, b) is one occurrence of the edge a → b, lasting from a's completion to b's completion — the
 * same pairs and durations as PM4Py's (performance) DFG over the log's `complete` events.
 */
export function directlyFollows(traces: readonly CaseTrace[], ctx: AnalysisContext): DirectlyFollowsGraph {
  const edges = new Map<string, number[]>();
  const starts = new Map<string, number>();
  const ends = new Map<string, number>();
  for (const trace of traces) {
    const done = trace.completions;
    if (done.length === 0) continue;
    const first = done[0]!.nodeId;
    const last = done[done.length - 1]!.nodeId;
    starts.set(first, (starts.get(first) ?? 0) + 1);
    ends.set(last, (ends.get(last) ?? 0) + 1);
    for (let i = 1; i < done.length; i += 1) {
      const a = done[i - 1]!;
      const b = done[i]!;
      const key = a.nodeId + SEP + b.nodeId;
      const duration = ctx.measure(a.completedAt, b.completedAt);
      const list = edges.get(key);
      if (list) list.push(duration);
      else edges.set(key, [duration]);
    }
  }
  const named = (counts: Map<string, number>) =>
    [...counts].map(([nodeId, count]) => ({ nodeId, name: ctx.nameOf(nodeId), count })).sort((a, b) => b.count - a.count || a.nodeId.localeCompare(b.nodeId));
  return {
    edges: [...edges]
      .map(([key, durations]) => {
        const [from, to] = key.split(SEP) as [string, string];
        return { from, to, fromName: ctx.nameOf(from), toName: ctx.nameOf(to), count: durations.length, duration: summarise(durations) };
      })
      .sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
    starts: named(starts),
    ends: named(ends),
  };
}
