// The statistics every benchmark prints: median, spread (min–max and interquartile range) and the
// ratio of two medians, kept pure so they are unit-tested apart from any timing.

export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
  /** First and third quartiles (linear interpolation between order statistics, R's type 7). */
  q1: number;
  q3: number;
}

function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** The p-quantile (0 ≤ p ≤ 1) of `values`, interpolating linearly between neighbours; NaN when empty. */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = sortedCopy(values);
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** The middle value; with an even count, the mean of the two middle values. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function summarise(values: readonly number[]): Summary {
  const sorted = sortedCopy(values);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
  };
}

export interface Ratio {
  numerator: string;
  denominator: string;
  measure: string;
  /** median(numerator) / median(denominator): the figure reported, always beside both medians. */
  ratio: number;
  numeratorMedian: number;
  denominatorMedian: number;
  /** The lowest and highest ratio of the two contenders' samples taken in the same round. */
  perRoundMin: number;
  perRoundMax: number;
}

/**
 * The ratio of two contenders' medians for one measure. Samples are paired by round (the rounds
 * interleave the contenders, so a round's two samples met the same machine load) for the spread.
 */
export function ratioOfMedians(measure: string, numerator: { name: string; samples: readonly number[] }, denominator: { name: string; samples: readonly number[] }): Ratio {
  const paired = Math.min(numerator.samples.length, denominator.samples.length);
  const perRound = Array.from({ length: paired }, (_, round) => numerator.samples[round]! / denominator.samples[round]!);
  const numeratorMedian = median(numerator.samples);
  const denominatorMedian = median(denominator.samples);
  return {
    numerator: numerator.name,
    denominator: denominator.name,
    measure,
    ratio: numeratorMedian / denominatorMedian,
    numeratorMedian,
    denominatorMedian,
    perRoundMin: perRound.length ? Math.min(...perRound) : Number.NaN,
    perRoundMax: perRound.length ? Math.max(...perRound) : Number.NaN,
  };
}
