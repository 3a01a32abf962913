// The one ISO 8601 reader, as a table over what the five readers it replaced each accepted. Columns
// in the comments: compile (domain/compile/iso8601.ts), engine (domain/engine/iso-time.ts and the
// cycle regex in timers.ts, which read through domain/calendar/iso-duration.ts), lint
// (domain/checks/support/timer-syntax.ts). Where they disagreed the stricter reading won, so a
// value that deploys is a value that runs.
import { describe, expect, it } from 'vitest';
import {
  isIsoCycle,
  isIsoDateTime,
  isIsoDuration,
  isoInstant,
  isTimeTextError,
  parseIsoCycle,
  parseIsoDateTime,
  parseIsoDuration,
} from './iso8601.ts';

const zero = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

/** What every refusal row checks: an error value with its code and the text as given, never a throw. */
const refuses = (read: (text: string) => object, accepts: (text: string) => boolean) => (text: string, code: string) => {
  expect(read(text)).toMatchObject({ code, input: text });
  expect(accepts(text)).toBe(false);
};

describe('reading ISO 8601 durations', () => {
  it.each([
    ['P10D', { ...zero, days: 10 }], //                 compile ✓ engine ✓
    ['PT72H', { ...zero, hours: 72 }],
    ['PT4H', { ...zero, hours: 4 }],
    ['P1DT12H', { ...zero, days: 1, hours: 12 }],
    ['P2W', { ...zero, weeks: 2 }],
    ['PT30S', { ...zero, seconds: 30 }],
    ['P1Y2M3W4DT5H6M7S', { years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 }],
    ['P1Y2M3DT4H5M6.5S', { years: 1, months: 2, weeks: 0, days: 3, hours: 4, minutes: 5, seconds: 6.5 }],
    ['PT1M', { ...zero, minutes: 1 }],
    ['P1M', { ...zero, months: 1 }],
    ['PT0.5S', { ...zero, seconds: 0.5 }],
    ['PT1,25S', { ...zero, seconds: 1.25 }], //          a decimal comma, as ISO 8601 allows
    [' P3D ', { ...zero, days: 3 }], //                 compile ✗ engine ✓: surrounding spaces are trimmed
    ['P0D', zero],
  ])('reads %j', (text, expected) => {
    expect(parseIsoDuration(text)).toEqual(expected);
    expect(isIsoDuration(text)).toBe(true);
  });

  it.each([
    ['', 'empty-duration'],
    ['   ', 'empty-duration'],
    ['-P1D', 'negative-duration'],
    ['P', 'malformed-duration'],
    ['PT', 'malformed-duration'],
    ['P1DT', 'malformed-duration'],
    ['10D', 'malformed-duration'],
    ['10 days', 'malformed-duration'],
    ['ten days', 'malformed-duration'],
    ['p1d', 'malformed-duration'],
    ['P1H', 'malformed-duration'],
    ['PT1D', 'malformed-duration'],
    ['P1D2Y', 'malformed-duration'],
    ['R3/PT1H', 'malformed-duration'],
    ['=sla', 'malformed-duration'],
    [`P${'1'.repeat(70)}D`, 'malformed-duration'], // compile ✗ engine ✓: longer than 64 characters
    ['P1.5D', 'fractional-duration'], //              compile ✓ engine ✗: a fraction on seconds only
    ['PT1.5H', 'fractional-duration'], //             compile ✓ engine ✗
  ])('refuses %j as %s without throwing', refuses(parseIsoDuration, isIsoDuration));

  it('explains a malformed duration with an example a designer can copy', () => {
    const result = parseIsoDuration('10 days');
    expect(isTimeTextError(result) && result.message).toBe(
      '"10 days" is not an ISO 8601 duration: e.g. P10D for ten days, PT4H for four hours or P1DT12H.',
    );
  });
});

describe('reading ISO 8601 dates and date-times', () => {
  it.each([
    ['2026-01-31', 'date', '2026-01-31T00:00:00.000Z'], //                  compile ✓ engine ✓ (midnight UTC) lint ✗
    ['2024-02-29', 'date', '2024-02-29T00:00:00.000Z'],
    ['2026-01-31T09:00', 'local', '2026-01-31T09:00:00.000Z'], //           compile ✓ engine ✓ (as UTC) lint ✗
    ['2026-01-31T09:00:00', 'local', '2026-01-31T09:00:00.000Z'],
    ['2026-01-31T09:00:00Z', 'zoned', '2026-01-31T09:00:00.000Z'], //       all ✓
    ['2026-01-31T09:00:00.123+01:00', 'zoned', '2026-01-31T08:00:00.123Z'],
    ['2026-07-01T09:00:00-05:30', 'zoned', '2026-07-01T14:30:00.000Z'],
    ['2026-01-31T09:00:00.123456789Z', 'zoned', '2026-01-31T09:00:00.123Z'], // nine fraction digits at most
    ['2026-01-01T24:00:00Z', 'zoned', '2026-01-02T00:00:00.000Z'], //       all ✓: the end of the day
    [' 2026-01-31T09:00:00Z ', 'zoned', '2026-01-31T09:00:00.000Z'], //     compile ✗ engine ✓ lint ✓: trimmed
  ])('reads %j as a %s at %s', (text, form, instant) => {
    expect(parseIsoDateTime(text)).toEqual({ form, instant });
    expect(isoInstant(text)).toBe(instant);
    expect(isIsoDateTime(text)).toBe(true);
  });

  it.each([
    ['', 'empty-date-time'],
    ['31/01/2026', 'malformed-date-time'],
    ['tomorrow', 'malformed-date-time'],
    ['20260131', 'malformed-date-time'], //                              the basic format: all ✗
    ['2026-01-31T09:00:00+01', 'malformed-date-time'], //                compile ✓ engine ✗ lint ✗: offsets are ±HH:MM
    ['2026-01-31T09:00:00+0100', 'malformed-date-time'], //              compile ✓ engine ✗ lint ✗
    ['2026-01-31T09:00:00Z[Europe/London]', 'malformed-date-time'], //   compile ✗ engine ✗ lint ✓
    ['2026-01-31T09:00:00.1234567891Z', 'malformed-date-time'], //       compile ✗ engine ✓
    ['2026-01-31Z', 'malformed-date-time'],
    ['2026-02-30', 'impossible-date-time'], //                           compile ✗ engine ✓ (as 2 March)
    ['2026-02-30T09:00:00Z', 'impossible-date-time'], //                 compile ✗ engine ✓ lint ✓ (as 2 March)
    ['2025-02-29', 'impossible-date-time'],
    ['2026-13-01', 'impossible-date-time'],
    ['2026-01-31T25:00:00Z', 'impossible-date-time'],
    ['2026-01-31T09:60:00Z', 'impossible-date-time'],
    ['2026-01-31T09:00:00+24:00', 'impossible-date-time'], //            compile ✓ engine ✗
  ])('refuses %j as %s', (text, code) => {
    refuses(parseIsoDateTime, isIsoDateTime)(text, code);
    expect(isoInstant(text)).toBeUndefined();
  });
});

describe('reading ISO 8601 repeating intervals', () => {
  it.each([
    ['R3/PT1H', { repetitions: 3, intervalText: 'PT1H', interval: { ...zero, hours: 1 } }],
    ['R/P1D', { repetitions: null, intervalText: 'P1D', interval: { ...zero, days: 1 } }],
    [' R3/PT1S ', { repetitions: 3, intervalText: 'PT1S' }], //                   compile ✗ engine ✓: trimmed
    ['R5/2026-01-01T09:00:00Z/P1D', { repetitions: 5, intervalText: 'P1D', start: { form: 'zoned', instant: '2026-01-01T09:00:00.000Z' } }],
    ['R/2026-01-01/PT12H', { repetitions: null, intervalText: 'PT12H', start: { form: 'date', instant: '2026-01-01T00:00:00.000Z' } }],
    ['R/P1D/2026-12-31', { repetitions: null, intervalText: 'P1D', end: { form: 'date', instant: '2026-12-31T00:00:00.000Z' } }],
  ])('reads %j', (text, expected) => {
    expect(parseIsoCycle(text)).toMatchObject(expected);
    expect(isIsoCycle(text)).toBe(true);
  });

  it.each([
    ['R0/PT1H', 'zero-repetitions'], //                     compile ✓ engine ✗ lint ✓: it would never fire
    ['R/P1D/P2D', 'malformed-cycle'], //                    compile ✗ engine ✓ (the end was not read)
    ['R/ P1D', 'malformed-cycle'], //                       compile ✗ engine ✓: no spaces inside
    ['R/P1D/2026-12-31T09:00:00Z[Europe/London]', 'malformed-cycle'], // compile ✗ engine ✓ lint ✓
    ['R/P1.5D', 'malformed-cycle'],
    ['R/2026-02-30T09:00:00Z/P1D', 'malformed-cycle'],
    ['PT1H', 'malformed-cycle'],
    ['R3', 'malformed-cycle'],
    ['R/', 'malformed-cycle'],
    ['R3/', 'malformed-cycle'],
    ['Rx/P1D', 'malformed-cycle'],
    ['R/P1D/extra/bits', 'malformed-cycle'],
    ['0 0 9 * * MON-FRI', 'malformed-cycle'],
    [`R/P1D/${'9'.repeat(160)}`, 'malformed-cycle'],
  ])('refuses %j as %s', refuses(parseIsoCycle, isIsoCycle));

  it('names the part of a cycle at fault', () => {
    const result = parseIsoCycle('R/P1D/2026-02-30');
    expect(isTimeTextError(result) && result.message).toContain('(its end: "2026-02-30" is not a real date and time');
  });
});
