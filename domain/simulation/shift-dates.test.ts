import { describe, expect, it } from 'vitest';
import { shiftDates } from './shift-dates.ts';

const DAY = 86_400_000;

describe('shiftDates', () => {
  it('moves dates by whole days and date-times exactly, deep in the data, and leaves other text alone', () => {
    const data = { ersEligibilityDate: '2026-06-30', referredAt: '2026-03-02T10:15:00Z', notes: 'seen 2026-03-02', list: [{ due: '2026-04-01' }], months: 18 };
    expect(shiftDates(data, -59 * DAY - 3_600_000)).toEqual({
      ersEligibilityDate: '2026-05-02',
      referredAt: '2026-01-02T09:15:00.000Z',
      notes: 'seen 2026-03-02',
      list: [{ due: '2026-02-01' }],
      months: 18,
    });
  });
});
