// The what-if simulation as the API takes and answers it. The result shape is declared where it is
// computed (domain/simulation); this file is where a boundary-crossing reader finds it.
import { z } from 'zod';
import { Scenario } from '../simulation/scenario.ts';
import { SimulationResult } from '../simulation/simulation-results.ts';

export { Scenario, SimulationResult };

/** Simulate a process version forward from its own history, once per scenario. */
export const SimulationRequest = z.object({
  definitionId: z.string(),
  version: z.number().int().positive().optional(),
  /** The history the model is fitted from (default: all of it). */
  historyFrom: z.string().optional(),
  historyTo: z.string().optional(),
  weeks: z.number().int().min(1).max(52).default(12),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  /** 'office': people work 09:00–17:00 on working days; 'round-the-clock' for a log without office hours. */
  hours: z.enum(['office', 'round-the-clock']).default('office'),
  scenarios: z.array(Scenario).max(4).default([]),
});
export type SimulationRequest = z.input<typeof SimulationRequest>;

export const SimulationAnswer = z.object({
  fitted: z.object({
    cases: z.number().int(),
    from: z.string(),
    to: z.string(),
    teamPeople: z.record(z.string(), z.number().int()),
    arrivalsPerWorkingDay: z.number(),
  }),
  /** The baseline first, then each scenario in the order asked. */
  runs: z.array(SimulationResult),
});
export type SimulationAnswer = z.infer<typeof SimulationAnswer>;
