// A what-if a lead tries before changing the process or the rota: staff per team, arrivals, a
// step removed (a duplicated assessment no longer done).
import { z } from 'zod';

export const Scenario = z.object({
  name: z.string().min(1).max(120),
  /** People added (or, negative, taken away) per team, on top of the fitted staffing. */
  staffChange: z.record(z.string(), z.number().int().min(-1000).max(1000)).default({}),
  /** Arrivals as a multiple of history's: 1.3 is 30 % more cases. */
  arrivalFactor: z.number().positive().max(100).default(1),
  /** Steps no longer worked on: they complete at once with the data history gave them. */
  removedSteps: z.array(z.string()).default([]),
});
export type Scenario = z.infer<typeof Scenario>;

export const baseline: Scenario = { name: 'baseline', staffChange: {}, arrivalFactor: 1, removedSteps: [] };

/** The people each team has under a scenario: never fewer than one while it has work. */
export function staffingUnder(scenario: Scenario, fitted: Readonly<Record<string, number>>): Record<string, number> {
  const teams = new Set([...Object.keys(fitted), ...Object.keys(scenario.staffChange)]);
  const staffing: Record<string, number> = {};
  for (const team of teams) staffing[team] = Math.max(1, (fitted[team] ?? 1) + (scenario.staffChange[team] ?? 0));
  return staffing;
}
