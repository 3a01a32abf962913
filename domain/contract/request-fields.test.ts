import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { DateOrInstant, Instant, Page, queryNumber } from './request-fields.ts';

describe('the instant schemas of time filters', () => {
  it.each([
    ['2026-01-01T00:00:00Z', true],
    ['2026-02-19T11:26:21+15:59', true],
    ['2026-02-19T11:26:21-21:15', false],
    ['0088-05-25T23:25:38+20:28', false],
    ['0000-06-01T00:00:00Z', false],
    ['0001-01-01T00:00:00+01:00', true],
  ])('takes %s only when PostgreSQL can store it: %s', (value, storable) => {
    expect(Instant.safeParse(value).success).toBe(storable);
    expect(DateOrInstant.safeParse(value).success).toBe(storable);
  });

  it('takes a date, and a date-time without an offset, as data filters compare them', () => {
    expect(DateOrInstant.safeParse('2026-03-01').success).toBe(true);
    expect(DateOrInstant.safeParse('2026-03-01T09:00:00').success).toBe(true);
    expect(DateOrInstant.safeParse('0000-03-01').success).toBe(false);
  });

  it('keeps its format in the API description beside the patterns', () => {
    expect(z.toJSONSchema(Instant)).toMatchObject({ format: 'date-time' });
  });
});

describe('numbers in a query', () => {
  const count = queryNumber(z.coerce.number<number>().int().min(0).max(100)).optional();

  it.each([['0', 0], ['42', 42], ['+7', 7], ['1e1', 10], [undefined, undefined]])('reads %s as %s', (text, value) => {
    expect(count.parse(text)).toBe(value);
  });

  it.each(['', ' ', 'abc', '0x10', '1,5', 'Infinity'])('refuses %j, which z.coerce alone would read as a number or 0', (text) => {
    expect(count.safeParse(text).success).toBe(false);
  });

  it('keeps a default for a missing value and shows the number in the API description', () => {
    expect(Page.offset.parse(undefined)).toBe(0);
    expect(Page.offset.safeParse('').success).toBe(false);
    expect(z.toJSONSchema(z.object({ offset: Page.offset }), { io: 'input' }).properties).toMatchObject({ offset: { type: 'integer', minimum: 0 } });
  });
});
