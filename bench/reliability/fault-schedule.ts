// When the crash and restart harness injects each fault: at a point in the run's own progress (the
// number of cases finished), not at a clock time, so faults spread over the whole run however fast a
// loaded machine gets through it, and the last ones land while the last cases are still in flight.
export const FaultKinds = ['worker-kill', 'api-kill', 'temporal-kill', 'database-crash'] as const;
export type FaultKind = (typeof FaultKinds)[number];

export interface PlannedFault {
  kind: FaultKind;
  /** Inject once this many cases have finished. */
  afterFinished: number;
}

/**
 * The faults in a seeded shuffled order, one per equal slice of the first `until` share of the
 * cases, each at a seeded point inside its slice; never later than one case before the last.
 */
export function planFaults(counts: Record<FaultKind, number>, cases: number, rand: () => number, until = 0.98): PlannedFault[] {
  const kinds = FaultKinds.flatMap((kind) => Array.from({ length: counts[kind] }, () => kind));
  for (let i = kinds.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  const slice = (cases * until) / Math.max(1, kinds.length);
  return kinds.map((kind, k) => ({ kind, afterFinished: Math.min(cases - 1, Math.floor(slice * (k + 0.15 + 0.7 * rand()))) }));
}
