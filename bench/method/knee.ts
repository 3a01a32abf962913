// Finding a load knee by bisection on the offered rate: the highest rate whose probe passes (p95
// under a stated bound, no errors, the achieved rate keeping up with the offer), to a stated
// resolution, instead of a coarse grid whose steps show up as false decimals. Pure, so tested apart.

export interface KneeCriteria {
  /** Every call's p95 latency must stay at or under this (ms). */
  p95BoundMs: number;
  /** The achieved rate must be at least this share of the offered rate (e.g. 0.9). */
  keepUp: number;
}

export interface ProbeFigures {
  offered: number;
  achieved: number;
  p95: number;
  errors: number;
}

export function probePasses(figures: ProbeFigures, criteria: KneeCriteria): boolean {
  return figures.errors === 0 && figures.p95 <= criteria.p95BoundMs && figures.achieved >= criteria.keepUp * figures.offered;
}

/**
 * The rate cases completed at, from their finish times (ms): completions between the first and the
 * last finish. A system that keeps up finishes cases as far apart as they were offered; one that
 * falls behind finishes them further apart. With fewer than two finishes, the count over `elapsedMs`.
 */
export function achievedRate(finishTimesMs: readonly number[], elapsedMs: number): number {
  if (finishTimesMs.length < 2) return finishTimesMs.length / (elapsedMs / 1000);
  const first = Math.min(...finishTimesMs);
  const last = Math.max(...finishTimesMs);
  return last > first ? (finishTimesMs.length - 1) / ((last - first) / 1000) : Number.POSITIVE_INFINITY;
}

export interface KneeSearch {
  /** The highest offered rate that passed; `min` is tried first, `max` second. */
  knee: number;
  /** 'below-min': even `min` failed (knee reported as 0); 'at-max': `max` passed, the knee may be higher. */
  bracket: 'below-min' | 'bracketed' | 'at-max';
  probes: Array<{ rate: number; passed: boolean }>;
}

/** Bisects [min, max] until the passing and failing rates are at most `resolution` apart. */
export async function bisectKnee(options: { min: number; max: number; resolution: number; passes: (rate: number) => Promise<boolean> }): Promise<KneeSearch> {
  const { min, max, resolution } = options;
  if (!(min > 0 && max > min && resolution > 0)) throw new Error(`Knee search needs 0 < min < max and a positive resolution; got min ${min}, max ${max}, resolution ${resolution}.`);
  const probes: KneeSearch['probes'] = [];
  const probe = async (rate: number) => {
    const passed = await options.passes(rate);
    probes.push({ rate, passed });
    return passed;
  };
  if (!(await probe(min))) return { knee: 0, bracket: 'below-min', probes };
  if (await probe(max)) return { knee: max, bracket: 'at-max', probes };
  let passing = min;
  let failing = max;
  while (failing - passing > resolution) {
    const middle = (passing + failing) / 2;
    if (await probe(middle)) passing = middle;
    else failing = middle;
  }
  return { knee: passing, bracket: 'bracketed', probes };
}
