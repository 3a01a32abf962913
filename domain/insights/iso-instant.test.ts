import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isoInstantWriter, parseInstant } from './iso-instant.ts';

// Date's own range: ±8.64e15 ms around 1970.
const instant = fc.integer({ min: -8.64e15, max: 8.64e15 });

describe('ISO 8601 instants', () => {
  it('writes what toISOString writes, for instants in any order and years of any length', () => {
    fc.assert(
      fc.property(fc.array(instant, { maxLength: 20 }), (list) => {
        const write = isoInstantWriter();
        expect(list.map(write)).toEqual(list.map((ms) => new Date(ms).toISOString()));
      }),
    );
  });

  it('writes a day of instants, a millisecond apart at its edges, as toISOString does', () => {
    const write = isoInstantWriter();
    const day = Date.UTC(2026, 0, 5);
    for (const ms of [day - 1, day, day + 1, day + 59_999, day + 3_599_999, day + 86_399_999, day + 86_400_000]) expect(write(ms)).toBe(new Date(ms).toISOString());
  });

  it('reads back what it writes, in years 0000 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('0000-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59.999Z') }), (ms) => {
        expect(parseInstant(isoInstantWriter()(ms))).toBe(ms);
      }),
    );
  });

  it('refuses an invalid instant as toISOString does', () => {
    expect(() => isoInstantWriter()(Number.NaN)).toThrow(RangeError);
  });
});
