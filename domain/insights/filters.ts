// Narrowing a log to the cases an analyst asks about: period, definition and version, team, variant, outcome.
import { z } from 'zod';
import type { CaseTrace } from './case-traces.ts';
import { variantKey, variantKeyOf } from './variants.ts';

export const CaseOutcomeFilter = z.enum(['open', 'completed', 'failed', 'cancelled']);

export const LogFilter = z.object({
  /** Cases that started at or after this instant (ISO 8601). */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Cases that started before this instant (ISO 8601). */
  to: z.iso.datetime({ offset: true }).optional(),
  definitionId: z.string().optional(),
  version: z.number().int().positive().optional(),
  /** Cases in which the team held at least one task or received a handoff. */
  team: z.string().optional(),
  /** Cases whose completed steps, in order, are exactly these names. */
  variant: z.array(z.string()).optional(),
  outcome: CaseOutcomeFilter.optional(),
});
export type LogFilter = z.infer<typeof LogFilter>;

export function filterTraces(traces: readonly CaseTrace[], filter: LogFilter): CaseTrace[] {
  const from = filter.from === undefined ? -Infinity : Date.parse(filter.from);
  const to = filter.to === undefined ? Infinity : Date.parse(filter.to);
  const variant = filter.variant === undefined ? undefined : variantKeyOf(filter.variant);
  const { team } = filter;
  return traces.filter(
    (trace) =>
      trace.startedAt >= from &&
      trace.startedAt < to &&
      (filter.definitionId === undefined || trace.definitionId === filter.definitionId) &&
      (filter.version === undefined || trace.version === filter.version) &&
      (filter.outcome === undefined || trace.outcome === filter.outcome) &&
      (team === undefined || trace.tasks.some((task) => task.team === team) || trace.handoffs.some((h) => h.toTeam === team)) &&
      (variant === undefined || variantKey(trace) === variant),
  );
}
