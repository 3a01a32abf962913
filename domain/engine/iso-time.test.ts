import { describe, expect, it } from 'vitest';
import { durationMs } from './iso-time.ts';

describe('ISO 8601 durations in milliseconds', () => {
  it.each([
    ['PT30S', 30_000],
    ['PT10M', 600_000],
    ['P1DT2H', 26 * 3_600_000],
    ['PT0.5S', 500],
  ])('reads %s as %i ms', (text, ms) => {
    expect(durationMs(text)).toBe(ms);
  });

  it('reads nothing from text that is not a duration', () => {
    expect(durationMs('30 seconds')).toBeUndefined();
  });
});
