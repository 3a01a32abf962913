// What a simulation run reports, and how its raw observations are summarised: throughput and
// work in progress per week, waiting per step, deadline breaches, people's utilisation.
import { z } from 'zod';
import type { WorkingHours } from './working-hours.ts';
import { workingTimeBetween } from './working-hours.ts';

const Ms = z.number().nullable().describe('milliseconds; null when there is nothing to measure');

export const StepFigures = z.object({
  nodeId: z.string(),
  team: z.string(),
  done: z.number().int(),
  /** Ready to picked up, elapsed ms. */
  waitMedianMs: Ms,
  waitP90Ms: Ms,
  workMedianMs: Ms,
});
export type StepFigures = z.infer<typeof StepFigures>;

export const SimulationResult = z.object({
  scenario: z.string(),
  /** Simulated weeks from `from`. */
  from: z.string(),
  weeks: z.number().int(),
  cases: z.object({ started: z.number().int(), completed: z.number().int(), failed: z.number().int(), open: z.number().int() }),
  throughputPerWeek: z.array(z.number().int()),
  wipAtWeekEnd: z.array(z.number().int()),
  cycleTime: z.object({ medianMs: Ms, p90Ms: Ms, meanMs: Ms }),
  steps: z.array(StepFigures),
  teams: z.array(z.object({ team: z.string(), people: z.number().int(), utilisation: z.number() })),
  breaches: z.array(z.object({ kind: z.enum(['sla-breached', 'handoff-overdue']), nodeId: z.string(), count: z.number().int() })),
  /** Waits that never ended because history has no example of them (a message never seen). */
  waitsWithoutHistory: z.record(z.string(), z.number().int()),
  /** Cases stopped for going round a loop without end (more engine steps than any real case takes). */
  runawayCases: z.number().int(),
  /** Timers the engine could not place (a date missing from the case data), per element: they never fire. */
  timersNotArmed: z.record(z.string(), z.number().int()),
  /** How many cases (or sub-processes) ended at each end event: which way cases went. */
  endEvents: z.record(z.string(), z.number().int()),
  engineSteps: z.number().int(),
});
export type SimulationResult = z.infer<typeof SimulationResult>;

/** What the loop notes as it runs; summarised once at the end. */
export class Observations {
  readonly started: number[] = [];
  readonly ended = new Map<string, { at: number; status: 'completed' | 'failed' }>();
  readonly waits = new Map<string, number[]>();
  readonly work = new Map<string, number[]>();
  readonly stepTeam = new Map<string, string>();
  readonly busyMs = new Map<string, number>();
  readonly breaches = new Map<string, number>();
  readonly waitsWithoutHistory: Record<string, number> = {};
  readonly endEvents: Record<string, number> = {};
  readonly timersNotArmed: Record<string, number> = {};
  runawayCases = 0;
  readonly caseStart = new Map<string, number>();
  engineSteps = 0;

  stepDone(nodeId: string, team: string, waitMs: number, workMs: number): void {
    this.stepTeam.set(nodeId, team);
    push(this.waits, nodeId, waitMs);
    push(this.work, nodeId, workMs);
  }

  runaway(): void {
    this.runawayCases += 1;
  }

  timerNotArmed(nodeId: string): void {
    this.timersNotArmed[nodeId] = (this.timersNotArmed[nodeId] ?? 0) + 1;
  }

  endedAt(nodeId: string): void {
    this.endEvents[nodeId] = (this.endEvents[nodeId] ?? 0) + 1;
  }

  breach(kind: 'sla-breached' | 'handoff-overdue', nodeId: string): void {
    const key = `${kind}\u0000${nodeId}`;
    this.breaches.set(key, (this.breaches.get(key) ?? 0) + 1);
  }

  summarise(scenario: string, from: number, weeks: number, staffing: Record<string, number>, hours: WorkingHours): SimulationResult {
    const week = 7 * 86_400_000;
    const throughputPerWeek = Array.from({ length: weeks }, () => 0);
    const cycle: number[] = [];
    let completed = 0;
    let failed = 0;
    for (const [caseId, end] of this.ended) {
      if (end.status === 'failed') failed += 1;
      else completed += 1;
      const index = Math.floor((end.at - from) / week);
      if (end.status === 'completed' && index >= 0 && index < weeks) throughputPerWeek[index]! += 1;
      if (end.status === 'completed') cycle.push(end.at - this.caseStart.get(caseId)!);
    }
    const wipAtWeekEnd = throughputPerWeek.map((_, i) => {
      const at = from + (i + 1) * week;
      let open = 0;
      for (const [caseId, started] of this.caseStart) if (started <= at && !((this.ended.get(caseId)?.at ?? Infinity) <= at)) open += 1;
      return open;
    });
    cycle.sort((a, b) => a - b);
    const officeMsPerPerson = workingTimeBetween(hours, from, from + weeks * week);
    return {
      scenario,
      from: new Date(from).toISOString(),
      weeks,
      cases: { started: this.caseStart.size, completed, failed, open: this.caseStart.size - completed - failed },
      throughputPerWeek,
      wipAtWeekEnd,
      cycleTime: { medianMs: orNull(quantile(cycle, 0.5)), p90Ms: orNull(quantile(cycle, 0.9)), meanMs: cycle.length === 0 ? null : cycle.reduce((a, b) => a + b, 0) / cycle.length },
      steps: [...this.waits.keys()].sort().map((nodeId) => {
        const waits = [...this.waits.get(nodeId)!].sort((a, b) => a - b);
        const work = [...this.work.get(nodeId)!].sort((a, b) => a - b);
        return { nodeId, team: this.stepTeam.get(nodeId)!, done: waits.length, waitMedianMs: orNull(quantile(waits, 0.5)), waitP90Ms: orNull(quantile(waits, 0.9)), workMedianMs: orNull(quantile(work, 0.5)) };
      }),
      teams: Object.entries(staffing)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([team, people]) => ({ team, people, utilisation: officeMsPerPerson === 0 ? 0 : (this.busyMs.get(team) ?? 0) / (people * officeMsPerPerson) })),
      breaches: [...this.breaches.entries()]
        .map(([key, count]) => {
          const [kind, nodeId] = key.split('\u0000') as ['sla-breached' | 'handoff-overdue', string];
          return { kind, nodeId, count };
        })
        .sort((a, b) => b.count - a.count || a.nodeId.localeCompare(b.nodeId)),
      waitsWithoutHistory: this.waitsWithoutHistory,
      runawayCases: this.runawayCases,
      timersNotArmed: this.timersNotArmed,
      endEvents: this.endEvents,
      engineSteps: this.engineSteps,
    };
  }
}

/** JSON has no NaN: nothing measured is null. */
const orNull = (ms: number): number | null => (Number.isNaN(ms) ? null : ms);

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The q-quantile of sorted values (nearest rank); NaN for none. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
