// Confirms a case's tentative log rows: events a fenced local write stored before Temporal had
// recorded the workflow task that wrote them. Confirming projects them (cases, tasks, message and
// signal subscriptions) in position order, once each, under the case's row in case_log_fences;
// until then the inbox and every read of the log stop at `confirmed_through` (docs/architecture.md,
// "Record", says which paths confirm and why each is safe).
import { compareFences, type CaseLogFence, type CaseLogRun } from '../domain/events/case-log-fence.ts';
import { projectEvents } from './case-log-store.ts';
import { caseLog } from './case-projection-rebuild.ts';
import type { Database, Sql } from './database.ts';

export interface FenceState {
  confirmed_through: number;
  written_through: number;
  /** Where the attempt on the row began writing. */
  attempt_first: number;
  run_started_ms: number | string | bigint;
  history_length: number | string | bigint;
  task_started_ms: number | string | bigint;
}

/** Projects the case's rows at positions in (confirmed, through] and moves the mark; the caller holds the row lock. */
export async function projectConfirmed(tx: Sql, caseId: string, confirmed: number, through: number): Promise<number> {
  if (through <= confirmed) return confirmed;
  await projectEvents(tx, await caseLog(tx, caseId, { after: confirmed, through }));
  await tx.query('UPDATE case_log_fences SET confirmed_through = $2 WHERE case_id = $1', [caseId, through]);
  return through;
}

/** The case's fence row, locked to the transaction's end: every write, confirmation and deletion of the case's log takes it first. */
export async function lockedFence(tx: Sql, caseId: string): Promise<FenceState | undefined> {
  const [row] = await tx.query<FenceState>(
    'SELECT confirmed_through, written_through, attempt_first, run_started_ms, history_length, task_started_ms FROM case_log_fences WHERE case_id = $1 FOR UPDATE',
    [caseId],
  );
  return row;
}

/**
 * Confirms the case's log through `position`, a position Temporal is known to hold: the one an
 * Update's answer carries (the API has the answer only once the task that wrote it is in history).
 * Idempotent; a case written by the normal activity has no fence row and nothing to confirm.
 */
export async function confirmCaseLog(db: Database, caseId: string, position: number): Promise<void> {
  await db.transaction(async (tx) => {
    const fence = await lockedFence(tx, caseId);
    if (!fence) return;
    await projectConfirmed(tx, caseId, fence.confirmed_through, Math.min(position, fence.written_through));
  });
}

/** A case with tentative rows the reconciler should look at now: the attempt that wrote them, and its run. */
export interface TentativeCase {
  caseId: string;
  fence: CaseLogFence;
  run?: CaseLogRun;
  confirmedThrough: number;
  writtenThrough: number;
  checks: number;
}

interface TentativeRow {
  case_id: string;
  run_started_ms: number | string | bigint;
  history_length: number | string | bigint;
  task_started_ms: number | string | bigint;
  workflow_id: string | null;
  run_id: string | null;
  confirmed_through: number;
  written_through: number;
  reconcile_checks: number;
}

/** How long a reconciler holds the cases it took before another replica may take them. */
const LEASE_MS = 5000;

/**
 * Takes up to `limit` cases with tentative rows that are due, under a short lease: a replica takes
 * only cases no other holds or is writing (SKIP LOCKED), and a replica that dies lets go at the lease's end.
 */
export async function leaseTentativeCases(db: Database, limit: number): Promise<TentativeCase[]> {
  const rows = await db.query<TentativeRow>(
    `UPDATE case_log_fences SET reconcile_after = now() + $2 * interval '1 millisecond'
     WHERE case_id IN (SELECT case_id FROM case_log_fences WHERE written_through > confirmed_through AND reconcile_after <= now()
                       ORDER BY reconcile_after LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING case_id, run_started_ms, history_length, task_started_ms, workflow_id, run_id, confirmed_through, written_through, reconcile_checks`,
    [limit, LEASE_MS],
  );
  return rows.map((row) => ({
    caseId: row.case_id,
    fence: { runStartedMs: Number(row.run_started_ms), historyLength: Number(row.history_length), taskStartedMs: Number(row.task_started_ms) },
    ...(row.workflow_id && row.run_id ? { run: { workflowId: row.workflow_id, runId: row.run_id } } : {}),
    confirmedThrough: row.confirmed_through,
    writtenThrough: row.written_through,
    checks: row.reconcile_checks,
  }));
}

/**
 * Confirms through `position` the rows written by the attempt `fence`, found recorded in history.
 * Does nothing when a newer attempt has written since (its first write confirmed what came before).
 */
export async function confirmRecordedAttempt(db: Database, caseId: string, fence: CaseLogFence, position: number): Promise<void> {
  await db.transaction(async (tx) => {
    const state = await lockedFence(tx, caseId);
    if (!state || compareFences(fence, fenceOf(state)) !== 0) return;
    await projectConfirmed(tx, caseId, state.confirmed_through, Math.min(position, state.written_through));
  });
}

/**
 * History does not hold the attempt (yet): ask again later, less often each time. `parked` when no
 * answer can come from history (the write named no run): the rows stay hidden until a later write
 * confirms or replaces them, which wakes the case. A run that closed without the attempt is not
 * asked again: its rows are deleted (storage/lost-case-log-attempt.ts).
 */
export async function deferReconcile(db: Database, caseId: string, fence: CaseLogFence, parked: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const state = await lockedFence(tx, caseId);
    if (!state || compareFences(fence, fenceOf(state)) !== 0) return;
    await tx.query(
      `UPDATE case_log_fences SET reconcile_checks = reconcile_checks + 1,
         reconcile_after = CASE WHEN $2 THEN 'infinity'::timestamptz ELSE now() + least(30000, 50 * power(2, least(reconcile_checks, 10))) * interval '1 millisecond' END
       WHERE case_id = $1`,
      [caseId, parked],
    );
  });
}

export function fenceOf(state: FenceState): CaseLogFence {
  return { runStartedMs: Number(state.run_started_ms), historyLength: Number(state.history_length), taskStartedMs: Number(state.task_started_ms) };
}
