// Checks a simulation against what really happened: fit the model on an earlier period, then replay
// every real arrival from the start of that period to the end of a later one through the simulation,
// and compare the later period's completions and cycle times with history's. The earlier period is
// simulated too (and not measured), so the later one starts with the work in progress it really had:
// casework cases run for months, longer than the periods compared.
import type { CaseLogEvent } from '../events/case-log-event.ts';
import type { ProcessIR } from '../process/ir.ts';
import { buildTraces, type CaseTrace } from '../insights/case-traces.ts';
import { SimulatedLog } from './simulated-log.ts';
import { splitCalledCases } from './called-cases.ts';
import { fitSimulationModel } from './fit-simulation-model.ts';
import { simulate } from './simulate.ts';
import { baseline } from './scenario.ts';
import { quantile } from './simulation-results.ts';
import type { WorkingHours } from './working-hours.ts';

const WEEK_MS = 7 * 86_400_000;

export interface PeriodFigures {
  /** Cases started in the period. */
  started: number;
  /** Cases completed in the period, whenever they started. */
  completed: number;
  completedPerWeek: number;
  /** Start to end of the cases completed in the period. */
  cycleTimeMedianMs: number;
}

export interface HistoryComparison {
  fittedOn: { from: number; to: number; cases: number };
  checked: { from: number; weeks: number };
  actual: PeriodFigures;
  simulated: PeriodFigures;
  /** |simulated − actual| / actual. */
  relativeError: { completedPerWeek: number; cycleTimeMedian: number };
}

export interface CompareOptions {
  readonly fitFrom: number;
  readonly checkFrom: number;
  readonly weeks: number;
  readonly seed: number;
  readonly hours?: WorkingHours;
}

export function compareWithHistory(ir: ProcessIR, events: readonly CaseLogEvent[], options: CompareOptions): HistoryComparison {
  const checkTo = options.checkFrom + options.weeks * WEEK_MS;
  const hours = options.hours ? { hours: options.hours } : {};
  const model = fitSimulationModel(events, { from: options.fitFrom, to: options.checkFrom, ...hours });
  // Called cases in either log are the callers' business, not cases of the process compared.
  const history = buildTraces(splitCalledCases(events).own);
  const arrivals = history.map((trace) => trace.startedAt).filter((at) => at >= options.fitFrom && at < checkTo).sort((a, b) => a - b);
  const log = new SimulatedLog();
  simulate({ ir, model, scenario: baseline, from: options.fitFrom, weeks: Math.ceil((checkTo - options.fitFrom) / WEEK_MS), seed: options.seed, arrivals, log, ...hours });
  const actual = figures(history, options.checkFrom, checkTo, options.weeks);
  const simulated = figures(buildTraces(splitCalledCases(log.events).own), options.checkFrom, checkTo, options.weeks);
  return {
    fittedOn: { from: options.fitFrom, to: options.checkFrom, cases: model.period.cases },
    checked: { from: options.checkFrom, weeks: options.weeks },
    actual,
    simulated,
    relativeError: {
      completedPerWeek: Math.abs(simulated.completedPerWeek - actual.completedPerWeek) / actual.completedPerWeek,
      cycleTimeMedian: Math.abs(simulated.cycleTimeMedianMs - actual.cycleTimeMedianMs) / actual.cycleTimeMedianMs,
    },
  };
}

/** The same figures from either side, for the period [from, to). */
function figures(traces: readonly CaseTrace[], from: number, to: number, weeks: number): PeriodFigures {
  const started = traces.filter((trace) => trace.startedAt >= from && trace.startedAt < to).length;
  const cycles = traces
    .filter((trace) => trace.outcome === 'completed' && trace.endedAt >= from && trace.endedAt < to)
    .map((trace) => trace.endedAt - trace.startedAt)
    .sort((a, b) => a - b);
  return { started, completed: cycles.length, completedPerWeek: cycles.length / weeks, cycleTimeMedianMs: quantile(cycles, 0.5) };
}
