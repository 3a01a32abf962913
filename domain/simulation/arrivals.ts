// When cases arrive: a Poisson process whose rate follows history's hour of the day, with its own
// rates for working days and for weekends and holidays.
import { fromLondonWallClock, toLondonWallClock } from '../calendar/london-time.ts';
import { isWorkingDayNumber, officeHours, type WorkingHours } from './working-hours.ts';

const MS_PER_HOUR = 3_600_000;

export interface HourlyArrivals {
  readonly working: readonly number[];
  readonly other: readonly number[];
}

/** Arrival instants in [from, until), in order; `factor` scales every rate (1.3 = 30 % more). */
export function arrivalsBetween(rates: HourlyArrivals, from: number, until: number, factor: number, random: () => number, hours: WorkingHours = officeHours): number[] {
  const arrivals: number[] = [];
  const first = toLondonWallClock(from).day;
  for (let day = first; fromLondonWallClock(day, 0) < until; day += 1) {
    const perHour = isWorkingDayNumber(hours, day) ? rates.working : rates.other;
    for (let hour = 0; hour < 24; hour += 1) {
      const begins = fromLondonWallClock(day, hour * MS_PER_HOUR);
      const count = poisson((perHour[hour] ?? 0) * factor, random);
      for (let i = 0; i < count; i += 1) {
        const at = begins + Math.floor(random() * MS_PER_HOUR);
        if (at >= from && at < until) arrivals.push(at);
      }
    }
  }
  return arrivals.sort((a, b) => a - b);
}

/** Knuth's method, exact for the small hourly rates of casework; rates above 30 use a normal approximation. */
export function poisson(mean: number, random: () => number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k += 1;
  return k;
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Mean arrivals per London hour from the instants cases started at, over the days [from, to). */
export function hourlyArrivalsOf(startedAt: readonly number[], from: number, to: number, hours: WorkingHours = officeHours): HourlyArrivals {
  const working = Array.from({ length: 24 }, () => 0);
  const other = Array.from({ length: 24 }, () => 0);
  let workingDays = 0;
  let otherDays = 0;
  for (let day = toLondonWallClock(from).day; fromLondonWallClock(day, 0) < to; day += 1) {
    if (isWorkingDayNumber(hours, day)) workingDays += 1;
    else otherDays += 1;
  }
  for (const at of startedAt) {
    const { day, msOfDay } = toLondonWallClock(at);
    (isWorkingDayNumber(hours, day) ? working : other)[Math.floor(msOfDay / MS_PER_HOUR)]! += 1;
  }
  return { working: working.map((n) => (workingDays === 0 ? 0 : n / workingDays)), other: other.map((n) => (otherDays === 0 ? 0 : n / otherDays)) };
}

