import { describe, expect, it } from 'vitest';
import { durationDistribution, throughputOverTime, variantBars } from './chart-data.ts';
import { sampleReport } from './report.testing.ts';

describe('chart series', () => {
  const report = sampleReport();

  it('bins ended cases by duration: c2 took 7 h and c1 13 h, in four bins up to 13 h', () => {
    const chart = durationDistribution(report.caseDurations);
    expect(chart.labels).toHaveLength(4);
    expect(chart.labels[0]).toBe('0 s – 3.3 h');
    expect(chart.series[0]?.values).toEqual([0, 0, 1, 1]);
  });

  it('plots started, ended and work in progress per day', () => {
    const chart = throughputOverTime(report.throughput);
    expect(chart.labels).toEqual(['2026-01-05']);
    expect(chart.series.map((s) => [s.label, s.values])).toEqual([
      ['Started', [3]],
      ['Ended', [2]],
      ['Work in progress', [1]],
    ]);
  });

  it('names variants by their steps, most frequent first (ties by name)', () => {
    const chart = variantBars(report.variants);
    expect(chart.fullNames).toEqual(['Task A', 'Task A → Task B', 'Task A → Task B → Task A']);
    expect(chart.series[0]?.values).toEqual([1, 1, 1]);
    expect(chart.labels.slice(0, 2)).toEqual(['Variant 1 (1 step)', 'Variant 2 (2 steps)']);
    expect(variantBars(report.variants, 1).labels).toHaveLength(1);
  });
});
