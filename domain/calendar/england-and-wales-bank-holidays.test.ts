import { describe, expect, it } from 'vitest';
import {
  ENGLAND_AND_WALES_BANK_HOLIDAYS_FIRST_YEAR,
  ENGLAND_AND_WALES_BANK_HOLIDAYS_LAST_YEAR,
  englandAndWalesBankHolidays,
} from './england-and-wales-bank-holidays.ts';

const inYear = (year: number): string[] => englandAndWalesBankHolidays.filter((date) => date.startsWith(`${year}-`));

describe('England and Wales bank holidays', () => {
  it.each([
    [2024, ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26']],
    [2025, ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26']],
    [2026, ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']],
    [2027, ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']],
    [2028, ['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26']],
  ])('lists the published holidays of %i, substitute days included', (year, expected) => {
    expect(inYear(year)).toEqual(expected);
  });

  it('has eight holidays in every year from 2024 to 2032', () => {
    for (let year = ENGLAND_AND_WALES_BANK_HOLIDAYS_FIRST_YEAR; year <= ENGLAND_AND_WALES_BANK_HOLIDAYS_LAST_YEAR; year += 1) {
      expect(inYear(year), String(year)).toHaveLength(8);
    }
    expect(englandAndWalesBankHolidays).toHaveLength(9 * 8);
  });

  it('only lists weekdays, in order, each once', () => {
    const weekdays = englandAndWalesBankHolidays.map((date) => new Date(`${date}T00:00:00Z`).getUTCDay());
    expect(weekdays.every((day) => day >= 1 && day <= 5)).toBe(true);
    expect([...englandAndWalesBankHolidays].sort()).toEqual(englandAndWalesBankHolidays);
    expect(new Set(englandAndWalesBankHolidays).size).toBe(englandAndWalesBankHolidays.length);
  });

  it('puts Good Friday on the Friday before Easter Monday every year', () => {
    for (let year = 2024; year <= 2032; year += 1) {
      const [goodFriday, easterMonday] = inYear(year).slice(1, 3).map((date) => new Date(`${date}T00:00:00Z`).getTime());
      expect((easterMonday ?? 0) - (goodFriday ?? 0), String(year)).toBe(3 * 86_400_000);
    }
  });
});
