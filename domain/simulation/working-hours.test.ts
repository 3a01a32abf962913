import { describe, expect, it } from 'vitest';
import { addWorkingTime, nextWorkingInstant, officeHours, roundTheClock, workingTimeBetween } from './working-hours.ts';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('office hours', () => {
  it('books three hours of work begun at 16:00 on a Friday into Monday morning', () => {
    // 2026-12-04 is a Friday; London is on GMT in December.
    expect(new Date(addWorkingTime(officeHours, at('2026-12-04T16:00:00Z'), 3 * HOUR)).toISOString()).toBe('2026-12-07T11:00:00.000Z');
  });

  it('starts work that arrives at night at 09:00 the next working day, skipping a bank holiday', () => {
    // 2026-12-25 (Friday) and 2026-12-28 (Monday, the Boxing Day substitute) are bank holidays.
    expect(new Date(nextWorkingInstant(officeHours, at('2026-12-24T18:30:00Z'))).toISOString()).toBe('2026-12-29T09:00:00.000Z');
  });

  it('keeps London time in summer: 09:00 BST is 08:00 UTC', () => {
    expect(new Date(nextWorkingInstant(officeHours, at('2026-07-06T05:00:00Z'))).toISOString()).toBe('2026-07-06T08:00:00.000Z');
  });

  it('measures back the working time it booked', () => {
    const from = at('2026-12-03T15:20:00Z');
    const end = addWorkingTime(officeHours, from, 13.5 * HOUR);
    expect(workingTimeBetween(officeHours, from, end)).toBe(13.5 * HOUR);
  });

  it('never pauses round the clock: a weekend is working time too', () => {
    expect(new Date(addWorkingTime(roundTheClock, at('2026-12-04T16:00:00Z'), 30 * HOUR)).toISOString()).toBe('2026-12-05T22:00:00.000Z');
  });
});
