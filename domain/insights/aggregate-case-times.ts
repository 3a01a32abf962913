// Handoffs and waiting vs working per case, as the import's start/complete pairing and the report define them, summed per case-start day for the analytical store.
import { buildTraces, type CaseTrace } from './case-traces.ts';
import { rowsToEvents, type LogRow } from './formats/log-rows.ts';

/** Exact sums of whole-ms samples: the sum of squares as a bigint, so a standard deviation is exact. */
export interface DurationSums {
  count: number;
  sum: number;
  sumsq: bigint;
  min: number | null;
  max: number | null;
}

export interface HandoffSums {
  day: string;
  fromTeam: string;
  toTeam: string;
  handoffs: number;
  accepted: number;
  overdue: number;
  delay: DurationSums;
}

/** One step's tasks of one case-start day; `team` '' sums every team's tasks, a team's row only that team's. */
export interface ActivityTimeSums {
  day: string;
  team: string;
  activity: string;
  executions: number;
  completed: number;
  cases: number;
  waiting: DurationSums;
  processing: DurationSums;
  sojourn: DurationSums;
}

const noSums = (): DurationSums => ({ count: 0, sum: 0, sumsq: 0n, min: null, max: null });

function add(sums: DurationSums, ms: number): void {
  if (Number.isNaN(ms)) return;
  sums.count += 1;
  sums.sum += ms;
  sums.sumsq += BigInt(ms) * BigInt(ms);
  if (sums.min === null || ms < sums.min) sums.min = ms;
  if (sums.max === null || ms > sums.max) sums.max = ms;
}

/**
 * Folds cases one at a time. Each case goes through the import's own conversion (`rowsToEvents`:
 * a start pairs with the next complete of the activity, teams become ownership changes) and
 * `buildTraces` (when a handoff is taken up), so the figures are those `handoffStatistics` and
 * `elementStatistics` give on calendar time — only summed rather than kept as samples.
 */
export class CaseTimesFold {
  readonly handoffs = new Map<string, HandoffSums>();
  readonly activities = new Map<string, ActivityTimeSums>();

  /** A case's rows in time order, ties in file order (as `importedLogRows` reads them). */
  addCase(rows: readonly LogRow[]): void {
    if (rows.length === 0) return;
    const day = new Date(rows[0]!.at).toISOString().slice(0, 10);
    for (const trace of buildTraces(rowsToEvents(rows).events)) this.addTrace(day, trace);
  }

  /** One case's trace, counted under its case-start day (a process's own case log is folded from its traces). */
  addTrace(day: string, trace: CaseTrace): void {
    for (const handoff of trace.handoffs) {
      const key = `${day}\u0000${handoff.fromTeam}\u0000${handoff.toTeam}`;
      let sums = this.handoffs.get(key);
      if (!sums) this.handoffs.set(key, (sums = { day, fromTeam: handoff.fromTeam, toTeam: handoff.toTeam, handoffs: 0, accepted: 0, overdue: 0, delay: noSums() }));
      sums.handoffs += 1;
      if (handoff.overdue) sums.overdue += 1;
      if (Number.isNaN(handoff.acceptedAt)) continue;
      sums.accepted += 1;
      add(sums.delay, handoff.acceptedAt - handoff.at);
    }
    const seen = new Set<string>();
    for (const task of trace.tasks) {
      for (const team of ['', task.team]) {
        const key = `${day}\u0000${team}\u0000${task.nodeId}`;
        let sums = this.activities.get(key);
        if (!sums) this.activities.set(key, (sums = { day, team, activity: task.nodeId, executions: 0, completed: 0, cases: 0, waiting: noSums(), processing: noSums(), sojourn: noSums() }));
        if (!seen.has(key)) sums.cases += 1;
        seen.add(key);
        sums.executions += 1;
        add(sums.waiting, task.claimedAt - task.readyAt);
        if (Number.isNaN(task.completedAt)) continue;
        sums.completed += 1;
        add(sums.sojourn, task.completedAt - task.readyAt);
        add(sums.processing, task.completedAt - task.claimedAt);
      }
    }
  }
}
