// The CPU-bound part of a what-if: fit the model to the log, run the baseline and each scenario.
// Pure of I/O; services/simulation.ts runs it on a worker thread so the API keeps answering.
import type { z } from 'zod';
import type { CaseLogEvent } from '../domain/events/case-log-event.ts';
import type { ProcessIR } from '../domain/process/ir.ts';
import { fitSimulationModel } from '../domain/simulation/fit-simulation-model.ts';
import { simulate } from '../domain/simulation/simulate.ts';
import { baseline, Scenario } from '../domain/simulation/scenario.ts';
import { officeHours, roundTheClock } from '../domain/simulation/working-hours.ts';
import type { SimulationAnswer, SimulationRequest } from '../domain/contract/simulation.ts';

export interface SimulationJob {
  ir: ProcessIR;
  events: CaseLogEvent[];
  request: z.output<typeof SimulationRequest>;
  now: number;
  maxEngineSteps: number;
}

export function runSimulationJob({ ir, events, request, now, maxEngineSteps }: SimulationJob): SimulationAnswer {
  const hours = request.hours === 'office' ? officeHours : roundTheClock;
  const model = fitSimulationModel(events, { hours });
  const scenarios = [baseline, ...request.scenarios.map((scenario) => Scenario.parse(scenario))];
  // One budget for the whole request, shared by its runs.
  let stepsLeft = maxEngineSteps;
  const runs = scenarios.map((scenario) => {
    const run = simulate({ ir, model, scenario, from: now, weeks: request.weeks, seed: request.seed, hours, maxEngineSteps: stepsLeft });
    stepsLeft -= run.engineSteps;
    return run;
  });
  return {
    fitted: {
      cases: model.period.cases,
      from: new Date(model.period.from).toISOString(),
      to: new Date(model.period.to).toISOString(),
      teamPeople: { ...model.teamPeople },
      arrivalsPerWorkingDay: model.arrivalsPerHour.working.reduce((sum, rate) => sum + rate, 0),
    },
    runs,
  };
}
