import { describe, expect, it } from 'vitest';
import { achievedRate, bisectKnee, probePasses } from './knee.ts';

const criteria = { p95BoundMs: 250, keepUp: 0.9 };

describe('load knee by bisection', () => {
  it('finds the highest passing rate to within the resolution', async () => {
    const search = await bisectKnee({ min: 0.5, max: 16, resolution: 0.25, passes: async (rate) => rate <= 5.3 });
    expect(search.bracket).toBe('bracketed');
    expect(search.knee).toBeLessThanOrEqual(5.3);
    expect(search.knee).toBeGreaterThan(5.3 - 0.25);
  });

  it('probes the bounds first, then only midpoints', async () => {
    const search = await bisectKnee({ min: 1, max: 9, resolution: 1, passes: async (rate) => rate <= 4 });
    expect(search.probes).toEqual([
      { rate: 1, passed: true },
      { rate: 9, passed: false },
      { rate: 5, passed: false },
      { rate: 3, passed: true },
      { rate: 4, passed: true },
    ]);
    expect(search.knee).toBe(4);
  });

  it('reports a knee below the lowest rate as 0, not as the lowest rate', async () => {
    const search = await bisectKnee({ min: 1, max: 8, resolution: 1, passes: async () => false });
    expect(search).toMatchObject({ knee: 0, bracket: 'below-min' });
    expect(search.probes).toHaveLength(1);
  });

  it('says when even the highest rate passed, so the knee may lie above it', async () => {
    const search = await bisectKnee({ min: 1, max: 8, resolution: 1, passes: async () => true });
    expect(search).toMatchObject({ knee: 8, bracket: 'at-max' });
  });

  it('fails a probe whose p95 is over the bound', () => {
    expect(probePasses({ offered: 4, achieved: 4, p95: 251, errors: 0 }, criteria)).toBe(false);
    expect(probePasses({ offered: 4, achieved: 4, p95: 250, errors: 0 }, criteria)).toBe(true);
  });

  it('fails a probe that does not keep up with the offered rate or has errors', () => {
    expect(probePasses({ offered: 10, achieved: 8.9, p95: 10, errors: 0 }, criteria)).toBe(false);
    expect(probePasses({ offered: 10, achieved: 10, p95: 10, errors: 1 }, criteria)).toBe(false);
  });

  it('measures the achieved rate between the first and last finish', () => {
    expect(achievedRate([1_000, 1_500, 2_000, 2_500, 3_000], 10_000)).toBe(2);
  });

  it('falls back to the count over the elapsed time with fewer than two finishes', () => {
    expect(achievedRate([1_000], 4_000)).toBe(0.25);
  });
});
