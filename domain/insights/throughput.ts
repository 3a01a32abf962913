// Throughput and work in progress over time: cases started, ended and still open per day or week.
import { londonOffsetMs } from '../calendar/index.ts';
import type { AnalysisContext } from './analysis-context.ts';
import type { CaseTrace } from './case-traces.ts';
import type { ThroughputReport } from './report.ts';

const DAY = 86_400_000;

/** The London date of an instant as a day number since 1970-01-01. */
function londonDay(t: number): number {
  return Math.floor((t + londonOffsetMs(t)) / DAY);
}

/** Day numbers of period starts: the day itself, or the Monday of its ISO week. */
function periodStart(day: number, period: 'day' | 'week'): number {
  return period === 'day' ? day : day - ((day + 3) % 7);
}

/**
 * Periods are London days or ISO weeks (Monday first), from the first case's start to the last
 * event or `now`, whichever is earlier. `workInProgress` is the number of cases open at the end of
 * the period (started by then and not ended by then).
 */
export function throughput(traces: readonly CaseTrace[], ctx: AnalysisContext, period: 'day' | 'week' = 'week'): ThroughputReport {
  const step = period === 'day' ? 1 : 7;
  const started = new Map<number, number>();
  const ended = new Map<number, number>();
  const completed = new Map<number, number>();
  let first = Infinity;
  let last = -Infinity;
  const bump = (map: Map<number, number>, key: number) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const trace of traces) {
    if (Number.isNaN(trace.startedAt)) continue;
    const s = periodStart(londonDay(trace.startedAt), period);
    bump(started, s);
    first = Math.min(first, s);
    last = Math.max(last, periodStart(londonDay(Math.min(trace.lastEventAt, ctx.now)), period));
    if (Number.isNaN(trace.endedAt)) continue;
    const e = periodStart(londonDay(trace.endedAt), period);
    bump(ended, e);
    if (trace.outcome === 'completed') bump(completed, e);
  }
  const periods: ThroughputReport['periods'] = [];
  if (first === Infinity) return { period, periods };
  let open = 0;
  for (let day = first; day <= last; day += step) {
    const s = started.get(day) ?? 0;
    const e = ended.get(day) ?? 0;
    open += s - e;
    periods.push({ start: new Date(day * DAY).toISOString().slice(0, 10), started: s, ended: e, completed: completed.get(day) ?? 0, workInProgress: open });
  }
  return { period, periods };
}
