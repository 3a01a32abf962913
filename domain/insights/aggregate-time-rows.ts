// Rows of the handoff and step-time aggregates (migration 017) and how they become the API's answers, ordered as the full report orders its handoffs and elements.
import type { AggregatedDuration, AggregatedHandoffs, AggregatedTimeSplit } from '../contract/insight-aggregates.ts';
import { asNamed, type StepNameOf } from './aggregate-rows.ts';

/** A duration's exact sums as the database adds them up (n, sum, min, max, and the standard deviation from the sum of squares). */
export interface DurationRow {
  n: number;
  sum: number;
  min: number | null;
  max: number | null;
  stdev: number | null;
}

export interface HandoffRow {
  fromTeam: string;
  toTeam: string;
  handoffs: number;
  accepted: number;
  overdue: number;
  delay: DurationRow;
}

export interface ActivityTimeRow {
  /** '' for every team's tasks; else only that team's. */
  team: string;
  activity: string;
  executions: number;
  completed: number;
  cases: number;
  waiting: DurationRow;
  processing: DurationRow;
  sojourn: DurationRow;
}

const byName = (a: string, b: string) => a.localeCompare(b);

export function durationOf(row: DurationRow): AggregatedDuration {
  return { count: row.n, mean: row.n === 0 ? null : row.sum / row.n, stdev: row.stdev, min: row.min, max: row.max, total: row.sum };
}

/** Handoffs by count, then team names, as `handoffStatistics` orders them. */
export function handoffsAnswer(rows: readonly HandoffRow[]): AggregatedHandoffs {
  return {
    handoffs: rows
      .map((row) => ({ fromTeam: row.fromTeam, toTeam: row.toTeam, count: row.handoffs, accepted: row.accepted, overdue: row.overdue, delay: durationOf(row.delay) }))
      .sort((a, b) => b.count - a.count || byName(a.fromTeam, b.fromTeam) || byName(a.toTeam, b.toTeam)),
  };
}

/**
 * Waiting vs working per step, bottlenecks first (most total time in the step) as
 * `elementStatistics` orders them; a step's team is the one that held most of its tasks, ties to
 * the first by name. `nameOf` names a process's node ids (a kept log's steps are their names).
 */
export function timeSplitAnswer(rows: readonly ActivityTimeRow[], nameOf: StepNameOf = asNamed): AggregatedTimeSplit {
  const teams = new Map<string, { team: string; executions: number }>();
  for (const row of rows) {
    if (row.team === '') continue;
    const main = teams.get(row.activity);
    if (!main || row.executions > main.executions || (row.executions === main.executions && row.team < main.team)) teams.set(row.activity, { team: row.team, executions: row.executions });
  }
  const elements = rows
    .filter((row) => row.team === '')
    .map((row) => {
      const team = teams.get(row.activity)?.team;
      return {
        nodeId: row.activity, name: nameOf(row.activity), kind: 'task' as const, ...(team === undefined ? {} : { team }),
        cases: row.cases, executions: row.executions, completed: row.completed,
        waiting: durationOf(row.waiting), processing: durationOf(row.processing), sojourn: durationOf(row.sojourn),
      };
    });
  // The report's own total (mean × count), so equal totals order the same way.
  const total = (e: (typeof elements)[number]) => (e.sojourn.mean ?? 0) * e.sojourn.count;
  return { elements: elements.sort((a, b) => total(b) - total(a) || a.nodeId.localeCompare(b.nodeId)) };
}
