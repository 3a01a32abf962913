import { describe, expect, it } from 'vitest';
import { isDurationError, parseIsoDuration } from './iso-duration.ts';

const zero = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

describe('parseIsoDuration', () => {
  it.each([
    ['P10D', { ...zero, days: 10 }],
    ['PT4H', { ...zero, hours: 4 }],
    ['P1DT12H', { ...zero, days: 1, hours: 12 }],
    ['P2W', { ...zero, weeks: 2 }],
    ['P1Y2M3W4DT5H6M7S', { years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 }],
    ['PT1M', { ...zero, minutes: 1 }],
    ['P1M', { ...zero, months: 1 }],
    ['PT0.5S', { ...zero, seconds: 0.5 }],
    ['PT1,25S', { ...zero, seconds: 1.25 }],
    [' P3D ', { ...zero, days: 3 }],
    ['P0D', zero],
  ])('reads %j', (text, expected) => {
    expect(parseIsoDuration(text)).toEqual(expected);
  });

  it.each([
    ['', 'empty-duration'],
    ['   ', 'empty-duration'],
    ['-P1D', 'negative-duration'],
    ['P', 'malformed-duration'],
    ['PT', 'malformed-duration'],
    ['P1DT', 'malformed-duration'],
    ['10 days', 'malformed-duration'],
    ['p1d', 'malformed-duration'],
    ['P1H', 'malformed-duration'],
    ['PT1D', 'malformed-duration'],
    ['P1D2Y', 'malformed-duration'],
    ['R3/PT1H', 'malformed-duration'],
    ['=sla', 'malformed-duration'],
    ['P1.5D', 'fractional-duration'],
    ['PT1.5H', 'fractional-duration'],
  ])('rejects %j as %s without throwing', (text, code) => {
    const result = parseIsoDuration(text);
    expect(isDurationError(result)).toBe(true);
    expect(result).toMatchObject({ code, input: text });
  });

  it('explains a malformed duration with an example a designer can copy', () => {
    const result = parseIsoDuration('10 days');
    expect(isDurationError(result) && result.message).toBe(
      '"10 days" is not an ISO 8601 duration: e.g. P10D for ten days, PT4H for four hours or P1DT12H.',
    );
  });
});
