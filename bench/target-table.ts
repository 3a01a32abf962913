// Issue #17's goal table, filled from the comparisons `npm run bench` has just printed: each row
// the figure now, the target, and the ratio (or figure) measured in this run with its spread.
// Pure, so it is unit-tested apart from any timing.
import type { Comparison } from './method/compare.ts';
import { formatFigure } from './method/print-comparison.ts';
import type { Ratio } from './method/statistics.ts';

export interface TargetInputs {
  /** bench/engine-vs-handwritten.ts: one comparison per shape, with casemap / handwritten-bare ratios. */
  engine?: Comparison[];
  /** bench/load-knee.ts: the knee comparison, with the casemap via API / casemap via SDK ratio. */
  knee?: Comparison;
  /** bench/inbox-latency-at-load.ts at half the API's knee. */
  latency?: Comparison;
  /** bench/fno-mix-bench.ts. */
  fno?: Comparison;
}

export interface TargetRow {
  measure: string;
  now: string;
  target: string;
  measured: string;
  /** undefined when the bench was not run (or the figure is recorded, not compared). */
  met?: boolean;
  /**
   * The most any design doing the same work keeps on this machine, from the bound contenders (the
   * sink yardsticks, bare HTTP); '' when the row has none or they did not run.
   */
  bound: string;
  /** false when the bound itself misses the target: no change to Casemap could meet it here. */
  reachable?: boolean;
}

function ratio(comparison: Comparison, numerator: string, denominator: string, measure: string): Ratio | undefined {
  return comparison.ratios.find((entry) => entry.numerator === numerator && entry.denominator === denominator && entry.measure === measure);
}

function median(comparison: Comparison, contender: string, measure: string): number | undefined {
  return comparison.contenders.find((entry) => entry.name === contender)?.summaries[measure]?.median;
}

const shapeOf = (comparison: Comparison) => /\(([abc])\)/.exec(comparison.title)?.[1] ?? comparison.title;
const spread = (found: Ratio) => `${formatFigure(found.ratio, 2)}× (${formatFigure(found.perRoundMin, 2)}–${formatFigure(found.perRoundMax, 2)})`;

/** The better of the two sink yardsticks against bare, per shape: the most a projection of the same rows keeps. */
function sinkBounds(engine: Comparison[]): Array<{ shape: string; found: Ratio }> {
  return engine.flatMap((comparison) => {
    const found = ['handwritten-sink-awaited', 'handwritten-sink-detached']
      .map((sink) => ratio(comparison, sink, 'handwritten-bare', 'casesPerSecond'))
      .filter((entry): entry is Ratio => entry !== undefined)
      .sort((left, right) => right.ratio - left.ratio)[0];
    return found ? [{ shape: shapeOf(comparison), found }] : [];
  });
}

export function targetRows(inputs: TargetInputs): TargetRow[] {
  const notRun = 'not run';
  const perShape = (measure: string) => (inputs.engine ?? []).map((comparison) => ({ shape: shapeOf(comparison), found: ratio(comparison, 'casemap', 'handwritten-bare', measure) })).filter((entry) => entry.found);
  const casesPerSecond = perShape('casesPerSecond');
  const sinks = sinkBounds(inputs.engine ?? []);
  const httpBound = inputs.knee && ratio(inputs.knee, 'bare HTTP (bound)', 'casemap via SDK', 'knee');
  const events = perShape('eventsPerCase');
  const knee = inputs.knee && ratio(inputs.knee, 'casemap via API', 'casemap via SDK', 'knee');
  const kneeApi = inputs.knee && median(inputs.knee, 'casemap via API', 'completions');
  const kneeSdk = inputs.knee && median(inputs.knee, 'casemap via SDK', 'completions');
  const p95 = inputs.latency && median(inputs.latency, 'casemap via API', 'p95VisibleMs');
  const fnoRate = inputs.fno && median(inputs.fno, 'casemap', 'casesPerSecond');
  const fnoP95 = inputs.fno && median(inputs.fno, 'casemap', 'p95UpdateMs');
  return [
    {
      measure: 'cases/s, Casemap vs handwritten-bare (shapes a, b, c)',
      now: '0.46–0.50',
      target: '≥ 0.85',
      measured: casesPerSecond.length ? casesPerSecond.map(({ shape, found }) => `${shape}: ${spread(found!)}`).join('; ') : notRun,
      met: casesPerSecond.length ? casesPerSecond.every(({ found }) => found!.ratio >= 0.85) : undefined,
      bound: sinks.map(({ shape, found }) => `${shape}: ${spread(found)}`).join('; '),
      reachable: sinks.length ? sinks.every(({ found }) => found.ratio >= 0.85) : undefined,
    },
    {
      measure: 'history events / case vs handwritten-bare',
      now: '1.35–2.2×',
      target: '≤ 1.25×',
      measured: events.length ? events.map(({ shape, found }) => `${shape}: ${spread(found!)}`).join('; ') : notRun,
      met: events.length ? events.every(({ found }) => found!.ratio <= 1.25) : undefined,
      bound: '',
    },
    {
      measure: 'API load knee vs SDK knee (completions/s)',
      now: '0.68–0.87',
      target: '≥ 0.95',
      measured: knee ? `${spread(knee)}; medians ${formatFigure(kneeApi!, 1)} and ${formatFigure(kneeSdk!, 1)} completions/s` : notRun,
      met: knee ? knee.ratio >= 0.95 : undefined,
      bound: httpBound ? `bare HTTP / SDK ${spread(httpBound)}` : '',
      reachable: httpBound ? httpBound.ratio >= 0.95 : undefined,
    },
    {
      measure: 'completion → next task visible in the inbox, p95, at half the knee',
      now: '118 ms at the knee',
      target: '≤ 50 ms',
      measured: p95 !== undefined ? `${formatFigure(p95, 0)} ms (${inputs.latency!.title.replace(/^.*, at /, 'at ')})` : notRun,
      met: p95 !== undefined ? p95 <= 50 : undefined,
      bound: '',
    },
    {
      measure: 'the FNO sample library at its realistic mix (bots, handoffs, timers scaled)',
      now: 'not measured',
      target: 'cases/s and p95 recorded, ≥ 2× today',
      measured: fnoRate !== undefined ? `${formatFigure(fnoRate, 2)} cases/s, Update p95 ${formatFigure(fnoP95!, 0)} ms` : notRun,
      bound: '',
    },
  ];
}

export function formatTargetTable(inputs: TargetInputs): string {
  const mark = (row: TargetRow) => {
    if (row.met === undefined) return '—';
    if (row.met) return 'met';
    return row.reachable === false ? 'not met; out of reach here (the bound misses it too)' : 'not met';
  };
  return [
    '== issue #17: the goal table, from the comparisons above (ratios of medians; same-round ratio range in brackets)',
    'bound: the most any design doing the same work keeps on this machine (the sink yardsticks, bare HTTP; docs/benchmarks.md)',
    '',
    '| measure | now | target | this run | bound | verdict |',
    '|---|---|---|---|---|---|',
    ...targetRows(inputs).map((row) => `| ${row.measure} | ${row.now} | ${row.target} | ${row.measured} | ${row.bound || '—'} | ${mark(row)} |`),
  ].join('\n');
}
