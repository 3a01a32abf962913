// Handoffs between teams: how often ownership passes from one team to another and how long the receiver takes to pick it up.
import type { AnalysisContext } from './analysis-context.ts';
import type { CaseTrace } from './case-traces.ts';
import { summarise } from './duration-stats.ts';
import type { HandoffStatistics } from './report.ts';

/**
 * One handoff per `ownership-changed` event that names a previous team. Its delay runs until the
 * receiving team's first `task-claimed` or `handoff-accepted` afterwards; handoffs not yet taken
 * up count but add no delay sample. `overdue` counts handoffs with a `handoff-overdue` event.
 */
export function handoffStatistics(traces: readonly CaseTrace[], ctx: AnalysisContext): HandoffStatistics[] {
  const groups = new Map<string, { fromTeam: string; toTeam: string; count: number; accepted: number; overdue: number; delays: number[] }>();
  for (const trace of traces) {
    for (const handoff of trace.handoffs) {
      const key = `${handoff.fromTeam}\u0000${handoff.toTeam}`;
      let group = groups.get(key);
      if (!group) {
        group = { fromTeam: handoff.fromTeam, toTeam: handoff.toTeam, count: 0, accepted: 0, overdue: 0, delays: [] };
        groups.set(key, group);
      }
      group.count += 1;
      if (handoff.overdue) group.overdue += 1;
      if (Number.isNaN(handoff.acceptedAt)) continue;
      group.accepted += 1;
      group.delays.push(ctx.measure(handoff.at, handoff.acceptedAt));
    }
  }
  return [...groups.values()]
    .map(({ delays, ...rest }) => ({ ...rest, delay: summarise(delays) }))
    .sort((a, b) => b.count - a.count || a.fromTeam.localeCompare(b.fromTeam) || a.toTeam.localeCompare(b.toTeam));
}
