// Turns flat event rows from another tool (case, activity, time, lifecycle, resource, team) into Casemap case log events.
import type { CaseLogEvent } from '../../events/case-log-event.ts';
import { groupByCase } from '../group-by-case.ts';

export interface LogRow {
  caseId: string;
  activity: string;
  /** Epoch ms. */
  at: number;
  lifecycle?: string;
  resource?: string;
  team?: string;
}

export interface ImportOptions {
  definitionId?: string;
  version?: number;
  /** Whether each imported case has ended at its last event (true for historic extracts). */
  closed?: boolean;
}

type Transition = 'ready' | 'claimed' | 'completed' | 'cancelled' | 'other';

/** XES standard lifecycle transitions (and common synonyms) mapped to Casemap's task events; no lifecycle means complete. */
export function transitionOf(lifecycle: string | undefined): Transition {
  switch ((lifecycle ?? '').trim().toLowerCase()) {
    case '':
    case 'complete':
    case 'completed':
    case 'end':
      return 'completed';
    case 'schedule':
    case 'assign':
    case 'ready':
    case 'reassign':
      return 'ready';
    case 'start':
    case 'resume':
    case 'claim':
    case 'claimed':
      return 'claimed';
    case 'ate_abort':
    case 'pi_abort':
    case 'withdraw':
    case 'cancel':
    case 'cancelled':
      return 'cancelled';
    default:
      return 'other';
  }
}

interface TaskDraft {
  activity: string;
  team: string | undefined;
  readyAt: number;
  claimedAt?: number;
  claimedBy?: string;
  endedAt?: number;
  endedBy?: string;
  ended?: 'completed' | 'cancelled';
}

/**
 * One task per activity instance: a `start` pairs with the next `complete` of the same activity in
 * the case. A task seen only by its `complete` (the usual extract) is taken as ready when the case
 * last moved (the previous event), and unclaimed: its sojourn is measured, its waiting is not.
 */
export function rowsToEvents(rows: readonly LogRow[], options: ImportOptions = {}): { events: CaseLogEvent[]; skipped: number } {
  const byCase = groupByCase(rows);
  const events: CaseLogEvent[] = [];
  let skipped = 0;
  for (const [caseId, list] of byCase) {
    list.sort((a, b) => a.at - b.at);
    const start = list[0]!.at;
    const end = list[list.length - 1]!.at;
    const tasks: TaskDraft[] = [];
    let previous = start;
    const open = (activity: string) => tasks.find((t) => t.activity === activity && t.ended === undefined);
    for (const row of list) {
      const transition = transitionOf(row.lifecycle);
      let task = open(row.activity);
      if (transition === 'other') skipped += 1;
      else if (transition === 'ready') {
        tasks.push({ activity: row.activity, team: row.team, readyAt: row.at });
      } else if (transition === 'claimed') {
        if (!task || task.claimedAt !== undefined) tasks.push((task = { activity: row.activity, team: row.team, readyAt: row.at }));
        task.claimedAt = row.at;
        if (row.resource) task.claimedBy = row.resource;
      } else {
        if (!task) tasks.push((task = { activity: row.activity, team: row.team, readyAt: transition === 'completed' ? previous : row.at }));
        task.endedAt = row.at;
        task.ended = transition;
        if (row.resource) task.endedBy = row.resource;
        if (row.team) task.team ??= row.team;
      }
      previous = row.at;
    }
    const drafts: { at: number; event: Omit<CaseLogEvent, 'id' | 'caseId' | 'at'> }[] = [];
    drafts.push({ at: start, event: { kind: 'case-started', data: { definitionId: options.definitionId ?? 'imported', version: options.version ?? 1, workflowId: caseId, data: {} } } });
    let owner: string | undefined;
    tasks.sort((a, b) => a.readyAt - b.readyAt);
    tasks.forEach((task, k) => {
      const taskId = `t${k + 1}`;
      const team = task.team ?? 'unassigned';
      if (task.team !== undefined && task.team !== owner) {
        drafts.push({ at: task.readyAt, event: { kind: 'ownership-changed', nodeId: task.activity, team: task.team, data: { ...(owner === undefined ? {} : { fromTeam: owner }), toTeam: task.team } } });
        owner = task.team;
      }
      drafts.push({ at: task.readyAt, event: { kind: 'task-ready', nodeId: task.activity, taskId, team, data: {}, task: { name: task.activity, team, form: [], priority: 0 } } });
      if (task.claimedAt !== undefined) drafts.push({ at: task.claimedAt, event: { kind: 'task-claimed', taskId, team, ...(task.claimedBy ? { actor: task.claimedBy } : {}), data: {} } });
      if (task.ended === 'completed') drafts.push({ at: task.endedAt!, event: { kind: 'task-completed', nodeId: task.activity, taskId, team, ...(task.endedBy ? { actor: task.endedBy } : {}), data: {} } });
      if (task.ended === 'cancelled') drafts.push({ at: task.endedAt!, event: { kind: 'task-cancelled', taskId, data: {} } });
    });
    if (options.closed ?? true) drafts.push({ at: end, event: { kind: 'case-completed', data: {} } });
    drafts.sort((a, b) => a.at - b.at);
    drafts.forEach((draft, n) => events.push({ ...draft.event, id: `${caseId}:${n + 1}`, caseId, at: new Date(draft.at).toISOString() } as CaseLogEvent));
  }
  return { events, skipped };
}

/** Why an imported log was refused: a stable code and a message naming the column, line or value at fault. */
export interface ImportProblem {
  code: 'invalid-csv' | 'missing-column' | 'invalid-timestamp' | 'invalid-xes' | 'empty-log';
  message: string;
  /** Where in the file: the 1-based line (CSV record or XES trace start), and for XES the trace and event ordinal. */
  line?: number;
  trace?: number;
  event?: number;
}

export type ImportResult = { ok: true; events: CaseLogEvent[]; cases: number; skipped: number } | { ok: false; problem: ImportProblem };

export function importRows(rows: readonly LogRow[], options: ImportOptions): ImportResult {
  if (rows.length === 0) return { ok: false, problem: { code: 'empty-log', message: 'The log holds no events: nothing to analyse.' } };
  const { events, skipped } = rowsToEvents(rows, options);
  return { ok: true, events, cases: new Set(rows.map((r) => r.caseId)).size, skipped };
}
