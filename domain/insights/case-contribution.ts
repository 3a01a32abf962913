// What one ended case of a process's own log adds to the insight aggregates, from its trace — the same trace `analyseLog` builds — so the store's sums equal the report's figures.
import { CaseTimesFold } from './aggregate-case-times.ts';
import type { ActivityRow } from './aggregate-rows.ts';
import type { CaseTrace, TaskTrace } from './case-traces.ts';
import { variantKey } from './variants.ts';

/** One directly-follows edge of the case (steps by node id, as `directlyFollows` keys them), its durations summed in whole ms. */
export interface EdgeSums {
  team: string;
  from: string;
  to: string;
  occurrences: number;
  sum: number;
  sumsq: bigint;
  min: number;
  max: number;
  /** Occurrences whose target the case had completed before (a rework loop, as `rework` counts them), and 1 if there were any. */
  loops: number;
  loopCases: number;
}

/** A step's sums for one team ('' = every team): the shape the store reads back as an ActivityRow. */
export interface ActivitySums extends ActivityRow {
  team: string;
}

export interface CaseContribution {
  /** The UTC day the case started: the bucket every row of the case is added to. */
  day: string;
  startedAt: number;
  /** Start to end in ms; null while the case is open. */
  durationMs: number | null;
  /** The variant key (completed step names in order, as `variantKey`); null when the case completed no step. */
  variant: string | null;
  steps: number;
  repeats: number;
  edges: EdgeSums[];
  activities: ActivitySums[];
  /** Handoffs and waiting vs working, summed as for kept logs. */
  times: CaseTimesFold;
}

/**
 * The team '' rows follow every completion; a team's rows only the completions of that team's tasks,
 * the trace projected on the team before its pairs are taken (as the kept-log store's team rows).
 */
export function caseContribution(trace: CaseTrace): CaseContribution {
  const day = new Date(trace.startedAt).toISOString().slice(0, 10);
  const edges: EdgeSums[] = [];
  const activities: ActivitySums[] = [];
  const teams = [...new Set(trace.completions.map((task) => task.team))].sort();
  let repeats = 0;
  for (const team of ['', ...teams]) {
    const done = team === '' ? trace.completions : trace.completions.filter((task) => task.team === team);
    const projected = project(team, done);
    edges.push(...projected.edges);
    activities.push(...projected.activities);
    if (team === '') repeats = projected.repeats;
  }
  const times = new CaseTimesFold();
  times.addTrace(day, trace);
  return {
    day,
    startedAt: trace.startedAt,
    durationMs: Number.isNaN(trace.endedAt) ? null : trace.endedAt - trace.startedAt,
    variant: trace.completions.length === 0 ? null : variantKey(trace),
    steps: trace.completions.length,
    repeats,
    edges,
    activities,
    times,
  };
}

function project(team: string, done: readonly TaskTrace[]): { edges: EdgeSums[]; activities: ActivitySums[]; repeats: number } {
  const edges = new Map<string, EdgeSums>();
  const activities = new Map<string, ActivitySums>();
  let repeats = 0;
  for (let i = 0; i < done.length; i += 1) {
    const task = done[i]!;
    let activity = activities.get(task.nodeId);
    if (!activity) activities.set(task.nodeId, (activity = { team, activity: task.nodeId, completions: 0, starts: 0, ends: 0, cases: 1, casesRepeated: 0 }));
    activity.completions += 1;
    if (activity.completions === 2) activity.casesRepeated = 1;
    if (activity.completions > 1) repeats += 1;
    if (i === 0) activity.starts += 1;
    if (i === done.length - 1) activity.ends += 1;
    if (i === 0) continue;
    const before = done[i - 1]!;
    const ms = task.completedAt - before.completedAt;
    const key = `${before.nodeId}\u0000${task.nodeId}`;
    let edge = edges.get(key);
    if (!edge) edges.set(key, (edge = { team, from: before.nodeId, to: task.nodeId, occurrences: 0, sum: 0, sumsq: 0n, min: ms, max: ms, loops: 0, loopCases: 0 }));
    edge.occurrences += 1;
    edge.sum += ms;
    edge.sumsq += BigInt(ms) * BigInt(ms);
    edge.min = Math.min(edge.min, ms);
    edge.max = Math.max(edge.max, ms);
    if (activity.completions > 1) {
      edge.loops += 1;
      edge.loopCases = 1;
    }
  }
  return { edges: [...edges.values()], activities: [...activities.values()], repeats };
}
