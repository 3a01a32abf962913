// The one comparison method every benchmark uses: named contenders doing the same work are
// interleaved (order rotated each round) after warm-up rounds that are discarded, for at least five
// rounds; each contender gets a median and spread per measure, and ratios are of medians.
import { roundOrder } from './interleave.ts';
import { ratioOfMedians, summarise, type Ratio, type Summary } from './statistics.ts';

/** The figures one run of a contender produced, by measure key (e.g. `{ ms: 12.3 }`). */
export type Figures = Record<string, number>;

export interface Contender {
  name: string;
  /** What this contender does, in a sentence: printed above its figures. */
  does: string;
  /**
   * One run of the work. Return nothing to be timed by the wall clock (`ms`), or return the
   * figures measured inside (say, the time of only the part that matters, or a throughput);
   * the wall-clock `ms` is added unless the figures carry their own.
   */
  run(round: number): Promise<Figures | void> | Figures | void;
}

export interface Measure {
  key: string;
  unit: string;
  better: 'lower' | 'higher';
  /** Decimals to print; by default chosen from the size of the figure. */
  digits?: number;
}

export const WALL_CLOCK: Measure = { key: 'ms', unit: 'ms', better: 'lower' };
export const MIN_ROUNDS = 5;

export interface CompareOptions {
  title: string;
  contenders: Contender[];
  /** Which figures to report (default: wall-clock ms). */
  measures?: Measure[];
  /** Timed rounds (default BENCH_ROUNDS or 5); fewer than 5 is refused. */
  rounds?: number;
  /** Untimed rounds first, in the same interleaved order (default 1). */
  warmupRounds?: number;
  /** [numerator, denominator] contender names: each reported for every measure in `ratioMeasures`. */
  ratios?: Array<[string, string]>;
  /** The measures ratios are reported for (default: all); leave out those whose ratio would mislead. */
  ratioMeasures?: string[];
  /** Lines printed under the title: what is measured, on what, and how. */
  notes?: string[];
}

export interface ContenderResult {
  name: string;
  does: string;
  /** Samples by measure key, in round order. */
  samples: Record<string, number[]>;
  summaries: Record<string, Summary>;
}

export interface Comparison {
  title: string;
  notes: string[];
  measures: Measure[];
  rounds: number;
  warmupRounds: number;
  /** The order the contenders ran in, per timed round. */
  order: string[][];
  contenders: ContenderResult[];
  ratios: Ratio[];
}

export function defaultRounds(): number {
  return Number(process.env.BENCH_ROUNDS ?? MIN_ROUNDS);
}

async function runOnce(contender: Contender, round: number): Promise<Figures> {
  const started = performance.now();
  const figures = (await contender.run(round)) ?? {};
  const ms = performance.now() - started;
  return 'ms' in figures ? figures : { ...figures, ms };
}

export async function compare(options: CompareOptions): Promise<Comparison> {
  const rounds = options.rounds ?? defaultRounds();
  const warmupRounds = options.warmupRounds ?? 1;
  const measures = options.measures ?? [WALL_CLOCK];
  if (!Number.isInteger(rounds) || rounds < MIN_ROUNDS) throw new Error(`A comparison needs at least ${MIN_ROUNDS} timed rounds; got ${rounds}.`);
  const names = new Set(options.contenders.map((contender) => contender.name));
  if (names.size !== options.contenders.length) throw new Error(`Contender names must be unique: ${options.contenders.map((c) => c.name).join(', ')}.`);
  for (const pair of options.ratios ?? []) for (const name of pair) if (!names.has(name)) throw new Error(`Ratio names an unknown contender "${name}".`);

  for (let round = 0; round < warmupRounds; round += 1) {
    for (const contender of roundOrder(options.contenders, round)) await runOnce(contender, -1 - round);
  }
  const samples = new Map(options.contenders.map((contender) => [contender.name, Object.fromEntries(measures.map((measure) => [measure.key, [] as number[]]))]));
  const order: string[][] = [];
  for (let round = 0; round < rounds; round += 1) {
    const ordered = roundOrder(options.contenders, round);
    order.push(ordered.map((contender) => contender.name));
    for (const contender of ordered) {
      const figures = await runOnce(contender, round);
      for (const measure of measures) {
        if (!(measure.key in figures)) throw new Error(`Contender "${contender.name}" returned no "${measure.key}" figure.`);
        samples.get(contender.name)![measure.key]!.push(figures[measure.key]!);
      }
    }
  }

  const contenders = options.contenders.map((contender): ContenderResult => {
    const own = samples.get(contender.name)!;
    return { name: contender.name, does: contender.does, samples: own, summaries: Object.fromEntries(measures.map((measure) => [measure.key, summarise(own[measure.key]!)])) };
  });
  const byName = new Map(contenders.map((contender) => [contender.name, contender]));
  const ratios = (options.ratios ?? []).flatMap(([numerator, denominator]) =>
    measures.filter((measure) => !options.ratioMeasures || options.ratioMeasures.includes(measure.key)).map((measure) =>
      ratioOfMedians(measure.key, { name: numerator, samples: byName.get(numerator)!.samples[measure.key]! }, { name: denominator, samples: byName.get(denominator)!.samples[measure.key]! }),
    ),
  );
  return { title: options.title, notes: options.notes ?? [], measures, rounds, warmupRounds, order, contenders, ratios };
}
