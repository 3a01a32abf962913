// What a simulation of a process version is made of, fitted from its event history
// (fit-simulation-model.ts) and changed by a lead's scenario (scenario.ts).
import type { CaseData } from '../engine/contract.ts';
import type { MessageWait } from './message-waits.ts';

/** One historical case's data, replayed by a simulated case so data-driven branches keep their mix. */
export interface CaseProfile {
  /** When the historical case started (epoch ms): its dates are replayed relative to this. */
  readonly startedAt?: number;
  readonly startData: CaseData;
  /**
   * The form data each step was completed with, in order of completion (a step done twice has two);
   * for a call activity, what each of its called cases returned.
   */
  readonly completions: Readonly<Record<string, readonly CaseData[]>>;
}

export interface SimulationModel {
  /** Mean cases arriving in each London hour (0–23), on working days and on other days. */
  readonly arrivalsPerHour: { readonly working: readonly number[]; readonly other: readonly number[] };
  /** Working time people spent on each step (claim to completion), ms, per step. */
  readonly workTime: Readonly<Record<string, readonly number[]>>;
  /**
   * Elapsed time of the elements no person works on — service tasks, message waits, child cases —
   * ms, per element; a wait with no history never ends in the simulation (it is reported).
   */
  readonly elementTime: Readonly<Record<string, readonly number[]>>;
  /**
   * Per element waiting for a message: how long history's messages took from awaited to received,
   * and how many never came. Takes precedence over `elementTime` for that element; absent in a model
   * stated by hand or fitted from a log without message waits.
   */
  readonly messageWaits?: Readonly<Record<string, MessageWait>>;
  readonly profiles: readonly CaseProfile[];
  /** People seen completing work for each team in the period: the baseline staffing. */
  readonly teamPeople: Readonly<Record<string, number>>;
  /** The history the model was fitted from (epoch ms). */
  readonly period: { readonly from: number; readonly to: number; readonly cases: number };
}
