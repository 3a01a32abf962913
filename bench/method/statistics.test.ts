import { describe, expect, it } from 'vitest';
import { median, quantile, ratioOfMedians, summarise } from './statistics.ts';

describe('benchmark statistics', () => {
  it('takes the middle value of an odd count whatever the input order', () => {
    expect(median([9, 1, 5, 3, 7])).toBe(5);
  });

  it('takes the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('gives NaN for the median of no samples rather than a made-up figure', () => {
    expect(median([])).toBeNaN();
  });

  it('interpolates quartiles between order statistics (type 7)', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
  });

  it('summarises the spread as min, max and the interquartile range', () => {
    expect(summarise([10, 50, 20, 40, 30])).toEqual({ n: 5, median: 30, min: 10, max: 50, q1: 20, q3: 40 });
  });

  it('does not reorder the samples it was given', () => {
    const samples = [3, 1, 2];
    summarise(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('reports the ratio of the medians, not the median of the ratios, with both medians', () => {
    const ratio = ratioOfMedians('ms', { name: 'a', samples: [10, 20, 30] }, { name: 'b', samples: [10, 5, 20] });
    expect(ratio).toMatchObject({ numerator: 'a', denominator: 'b', measure: 'ms', numeratorMedian: 20, denominatorMedian: 10, ratio: 2 });
  });

  it('gives the spread of the ratio from samples paired by round', () => {
    const ratio = ratioOfMedians('ms', { name: 'a', samples: [10, 20, 30] }, { name: 'b', samples: [10, 5, 20] });
    expect(ratio.perRoundMin).toBe(1);
    expect(ratio.perRoundMax).toBe(4);
  });
});
