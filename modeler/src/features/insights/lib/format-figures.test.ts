import { describe, expect, it } from 'vitest';
import { formatDelta, formatDuration, formatRate } from './format-figures.ts';

describe('formatting figures', () => {
  it.each([
    [null, '—'],
    [1500, '1.5 s'],
    [90_000, '1.5 min'],
    [5_400_000, '1.5 h'],
    [47 * 3_600_000, '47 h'],
    [3 * 86_400_000, '3 d'],
    [-5_400_000, '−1.5 h'],
  ])('shows %s ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('shows rates as percentages and a missing rate as a dash', () => {
    expect(formatRate(0.125)).toBe('12.5%');
    expect(formatRate(null)).toBe('—');
  });

  it('signs a change so its direction is readable', () => {
    expect(formatDelta(5_400_000, formatDuration)).toBe('+1.5 h');
    expect(formatDelta(-0.1, formatRate)).toBe('−10%');
    expect(formatDelta(0, formatRate)).toBe('no change');
    expect(formatDelta(null, formatRate)).toBe('—');
  });
});
