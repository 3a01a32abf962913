// What a step costs per month: how often it runs × how long it takes. Runtime statistics win when
// given; otherwise a default rate per definition and a default duration per kind of step.
import type { StepRef } from './types.ts';

/** Minutes of a caseworker's time per kind of step when the event log says nothing. */
export const DEFAULT_MINUTES_PER_STEP: Readonly<Record<string, number>> = {
  userTask: 20,
  manualTask: 30,
  task: 15,
  sendTask: 5,
  receiveTask: 2,
  serviceTask: 0.5,
  scriptTask: 0,
  businessRuleTask: 0.5,
  callActivity: 0,
};
export const DEFAULT_CASES_PER_MONTH = 100;
/** Minutes to type one data field again (repeated capture costs the field, not the whole step). */
export const DEFAULT_MINUTES_PER_REPEATED_FIELD = 2;

export interface StepRuntimeStats {
  completions: number;
  completionsPerMonth: number;
  /** Mean claimed → completed minutes, when any completion had a claim (or a ready time). */
  meanMinutes?: number;
}

export interface CostOptions {
  /** Cases started per month: one figure for every definition, or per definition id. */
  casesPerMonth?: number | Readonly<Record<string, number>>;
  minutesPerStep?: Readonly<Record<string, number>>;
  minutesPerRepeatedField?: number;
  /** Per `definitionId#nodeId`, from runtime-duplication.ts. */
  runtimeStats?: ReadonlyMap<string, StepRuntimeStats>;
}

export interface StepCost {
  perMonth: number;
  minutes: number;
  basis: 'runtime' | 'defaults';
}

export function stepCost(ref: StepRef, options: CostOptions): StepCost {
  const stats = options.runtimeStats?.get(`${ref.definitionId}#${ref.nodeId}`);
  const rate = options.casesPerMonth;
  const defaultRate = typeof rate === 'number' ? rate : (rate?.[ref.definitionId] ?? DEFAULT_CASES_PER_MONTH);
  const minutes = stats?.meanMinutes ?? options.minutesPerStep?.[ref.kind] ?? DEFAULT_MINUTES_PER_STEP[ref.kind] ?? DEFAULT_MINUTES_PER_STEP.task!;
  return {
    perMonth: stats ? stats.completionsPerMonth : defaultRate,
    minutes,
    basis: stats && stats.meanMinutes !== undefined ? 'runtime' : 'defaults',
  };
}
