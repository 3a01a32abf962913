// Discovery from any case log: the directly-follows graph cut by frequency and performance thresholds, and a sound BPMN map mined from the log's variants.
import { z } from 'zod';
import type { CaseLogEvent } from '../../events/case-log-event.ts';
import { analysisContext } from '../analysis-context.ts';
import { buildTraces } from '../case-traces.ts';
import { directlyFollows } from '../directly-follows.ts';
import { DirectlyFollowsGraph } from '../report.ts';
import { variantActivities, variantKey } from '../variants.ts';
import { queryNumber } from '../../contract/request-fields.ts';
import { discoverProcessTree } from './inductive-miner.ts';
import { treeToString, type Variant } from './process-tree.ts';

export const DiscoveryOptions = z.object({
  /** Edges followed fewer times are left out of the graph. */
  minEdgeCount: queryNumber(z.coerce.number<number>().int().min(1)).default(1),
  /** Only edges whose mean time is at least this (ms) are kept: the slow hand-overs. */
  minEdgeMeanMs: queryNumber(z.coerce.number<number>().min(0)).default(0),
  /** The most frequent variants covering this share of the cases are mined (1: all, a sound map of every case). */
  variantCoverage: queryNumber(z.coerce.number<number>().gt(0).max(1)).default(1),
});
export type DiscoveryOptions = z.input<typeof DiscoveryOptions>;

export const DiscoveredMap = z.object({
  dfg: DirectlyFollowsGraph,
  /** The process tree in PM4Py's notation, e.g. `->( 'a', X( 'b', 'c' ) )`. */
  tree: z.string(),
  cases: z.number().int(),
  /** Cases whose variant was mined (the rest fell below variantCoverage). */
  casesMined: z.number().int(),
});
export type DiscoveredMap = z.infer<typeof DiscoveredMap>;

/** What the API answers: the map and its BPMN 2.0 XML, laid out, to open in the Designer as a draft. */
export const DiscoveredProcessMap = DiscoveredMap.extend({ bpmn: z.string() });
export type DiscoveredProcessMap = z.infer<typeof DiscoveredProcessMap>;

/** Every variant of the log (completed tasks by name, in completion order) with its case count, most frequent first. */
export function logVariants(events: readonly CaseLogEvent[]): Variant[] {
  const counts = new Map<string, number>();
  for (const trace of buildTraces(events)) {
    if (trace.completions.length === 0) continue;
    const key = variantKey(trace);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([key, count]) => ({ activities: variantActivities(key), count }));
}

/** The DFG (by completion, as PM4Py's) and the mined tree; the BPMN is made from the tree by processTreeToBpmn. */
export function discoverProcessMap(events: readonly CaseLogEvent[], options: DiscoveryOptions = {}) {
  const o = DiscoveryOptions.parse(options);
  const traces = buildTraces(events);
  const last = events.reduce((max, e) => (e.at > max ? e.at : max), '1970-01-01T00:00:00.000Z');
  const full = directlyFollows(traces, analysisContext(traces, { now: last }));
  const dfg = { ...full, edges: full.edges.filter((e) => e.count >= o.minEdgeCount && (e.duration.mean ?? 0) >= o.minEdgeMeanMs) };
  const variants = logVariants(events);
  const cases = variants.reduce((sum, v) => sum + v.count, 0);
  const kept: Variant[] = [];
  let covered = 0;
  for (const v of variants) {
    if (kept.length > 0 && covered >= o.variantCoverage * cases) break;
    kept.push(v);
    covered += v.count;
  }
  const tree = discoverProcessTree(kept);
  return { tree, map: { dfg, tree: treeToString(tree), cases, casesMined: covered } satisfies DiscoveredMap };
}
