import { describe, expect, it } from 'vitest';
import { arrivalsBetween, hourlyArrivalsOf, poisson } from './arrivals.ts';
import { mulberry32 } from '../insights/synthetic-log.ts';
import { toLondonWallClock } from '../calendar/london-time.ts';

const WEEK = 7 * 86_400_000;

describe('arrivals', () => {
  it('draws Poisson counts whose mean is the rate asked for', () => {
    const random = mulberry32(3);
    for (const mean of [0.2, 2, 45]) {
      let total = 0;
      for (let i = 0; i < 20_000; i += 1) total += poisson(mean, random);
      expect(total / 20_000).toBeCloseTo(mean, mean < 1 ? 2 : 0);
    }
  });

  it('keeps the hour-of-day profile it was fitted from: arrivals only in the hours history had them', () => {
    const from = Date.parse('2026-01-05T00:00:00Z');
    const to = from + 8 * WEEK;
    const random = mulberry32(11);
    // History: two cases every working day, at 10:15 and 14:40 (GMT in January and February).
    const history: number[] = [];
    for (let t = from; t < to; t += 86_400_000) {
      const weekday = new Date(t).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      history.push(t + 10.25 * 3_600_000, t + 14.67 * 3_600_000);
    }
    const rates = hourlyArrivalsOf(history, from, to);
    expect(rates.working[10]).toBeCloseTo(1, 1);
    expect(rates.working[14]).toBeCloseTo(1, 1);
    expect(rates.working[3]).toBe(0);
    expect(rates.other.every((rate) => rate === 0)).toBe(true);

    const simulated = arrivalsBetween(rates, to, to + 20 * WEEK, 1.5, random);
    expect(simulated.length / 100).toBeGreaterThan(2.6); // 1.5 × 2 a working day, 100 working days (minus holidays)
    expect(simulated.length / 100).toBeLessThan(3.3);
    // London hours: the run crosses into summer time, when 10:00 in London is 09:00 UTC.
    expect(simulated.every((at) => [10, 14].includes(Math.floor(toLondonWallClock(at).msOfDay / 3_600_000)))).toBe(true);
  });
});
