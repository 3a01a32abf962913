// The series each Insights chart draws, taken from the report: labels and values only, so the
// charts stay thin wrappers around chart.js and these can be checked without a canvas.
import type { CaseDurationReport, ThroughputReport, VariantsReport } from '../../../../../domain/insights/report.ts';
import { formatDuration } from './format-figures.ts';

export interface Series {
  label: string;
  values: number[];
}

export interface ChartData {
  labels: string[];
  series: Series[];
}

/** Cases per duration band, e.g. "1.5 h – 3 h". */
export function durationDistribution(report: CaseDurationReport): ChartData {
  return {
    labels: report.bins.map((bin) => `${formatDuration(bin.from)} – ${formatDuration(bin.to)}`),
    series: [{ label: 'Ended cases', values: report.bins.map((bin) => bin.count) }],
  };
}

/** Cases started and ended per period, and the work in progress at each period's end. */
export function throughputOverTime(report: ThroughputReport): ChartData {
  return {
    labels: report.periods.map((period) => (report.period === 'week' ? `Week of ${period.start.slice(0, 10)}` : period.start.slice(0, 10))),
    series: [
      { label: 'Started', values: report.periods.map((period) => period.started) },
      { label: 'Ended', values: report.periods.map((period) => period.ended) },
      { label: 'Work in progress', values: report.periods.map((period) => period.workInProgress) },
    ],
  };
}

/** The most frequent variants as bars; the label names the variant's steps, shortened. */
export function variantBars(report: VariantsReport, most = 10): ChartData & { fullNames: string[] } {
  const shown = report.variants.slice(0, most);
  const fullNames = shown.map((variant) => variant.activities.join(' → ') || '(no step completed)');
  return {
    labels: shown.map((variant, index) => `Variant ${index + 1} (${variant.activities.length} step${variant.activities.length === 1 ? '' : 's'})`),
    fullNames,
    series: [{ label: 'Cases', values: shown.map((variant) => variant.count) }],
  };
}
