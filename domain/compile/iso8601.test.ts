// The ISO 8601 forms timers and SLAs accept, and near misses they reject.
import { describe, expect, it } from 'vitest';
import { isFeelMarked, isJuel, isValidFeel, stripFeelMarker } from './feel-syntax.ts';
import { isIsoCycle, isIsoDateTime, isIsoDuration } from './iso8601.ts';

describe('ISO 8601 and FEEL syntax', () => {
  it.each(['P10D', 'PT72H', 'P1DT2H', 'PT30S', 'P2W', 'P1Y2M3DT4H5M6.5S'])('accepts the duration %s', (text) => {
    expect(isIsoDuration(text)).toBe(true);
  });

  it.each(['P', 'PT', '10D', 'P1H', 'ten days', 'P1DT', ''])('rejects the duration %s', (text) => {
    expect(isIsoDuration(text)).toBe(false);
  });

  it.each(['2026-01-31', '2026-01-31T09:00:00Z', '2026-01-31T09:00:00.123+01:00', '2026-01-31T09:00'])('accepts the date %s', (text) => {
    expect(isIsoDateTime(text)).toBe(true);
  });

  it.each(['2026-02-30', '2026-13-01', '31/01/2026', 'tomorrow'])('rejects the date %s', (text) => {
    expect(isIsoDateTime(text)).toBe(false);
  });

  it.each(['R3/PT1H', 'R/P1D', 'R5/2026-01-01T09:00:00Z/P1D', 'R/P1D/2026-12-31'])('accepts the cycle %s', (text) => {
    expect(isIsoCycle(text)).toBe(true);
  });

  it.each(['PT1H', 'R3', 'R/', 'Rx/P1D', 'R/P1D/extra/bits', '0 0 9 * * MON-FRI'])('rejects the cycle %s', (text) => {
    expect(isIsoCycle(text)).toBe(false);
  });

  it('parses FEEL without evaluating it and tells it from JUEL', () => {
    expect(isValidFeel('ersDate - duration("P10D")')).toBe(true);
    expect(isValidFeel('amount >')).toBe(false);
    expect(isFeelMarked(' =x')).toBe(true);
    expect(stripFeelMarker('= a > 1 ')).toBe('a > 1');
    expect(isJuel('${approved}')).toBe(true);
    expect(isJuel('=approved')).toBe(false);
  });
});
