// Case log writes made by local activities, fenced by the workflow-task attempt that made them
// (domain/events/case-log-fence.ts). A local activity writes before Temporal records its task; if
// that attempt is lost, the retry may log different events under the same positions. So, under a
// per-case lock: an attempt older than the newest one that wrote is refused; a newer attempt first
// removes whatever older attempts wrote from its first position on (the lost attempt's tail, which
// history never held). The events are stored at once but stay tentative — in the log, not in the
// inbox — until confirmed (storage/case-log-confirm.ts); a newer attempt's write confirms the rows
// before its first position.
import { compareFences, logPosition, type CaseLogFence, type FencedCaseLogWrite, type FencedWriteResult } from '../domain/events/case-log-fence.ts';
import { insertCaseLogEvents } from './case-log-store.ts';
import { projectConfirmed } from './case-log-confirm.ts';
import { rebuildCaseProjection } from './case-projection-rebuild.ts';
import type { Database } from './database.ts';

/**
 * How long a write's rows wait before the reconciler first asks history about them. When an
 * Update's answer or the run's next write is expected to confirm them (paths 2 and 1), the
 * reconciler waits long enough not to read history for nothing. Otherwise only the reconciler will:
 * it looks as soon as the workflow task has likely been recorded, since the task a timer opened is
 * hidden from the inbox until then. Writes of older workers carry no hint and wait.
 */
export const RECONCILE_AFTER_MS = { confirmationExpected: 250, otherwise: 20 } as const;

interface FenceRow {
  run_started_ms: number | string | bigint;
  history_length: number | string | bigint;
  task_started_ms: number | string | bigint;
  confirmed_through: number;
  attempt_first: number;
}

export async function appendFencedCaseLogEvents(db: Database, { fence, events, run, confirmationExpected }: FencedCaseLogWrite): Promise<FencedWriteResult> {
  const caseId = events[0]!.caseId;
  const positions = events.map((event) => (event.caseId === caseId ? logPosition(caseId, event.id) : undefined));
  if (positions.some((position) => position === undefined)) {
    throw new Error(`A fenced write holds one case's events with ids "<caseId>:<n>"; got ${events.map((event) => event.id).join(', ')} for case ${caseId}.`);
  }
  const first = Math.min(...(positions as number[]));
  return db.transaction(async (tx) => {
    // The upsert takes the case's row lock (held to commit) and answers the fence recorded before
    // this write. A case's first fenced write starts the row: every position before it was written
    // (and projected) by the normal activity, in runs recorded before the local write.
    const [row] = await tx.query<FenceRow>(
      `INSERT INTO case_log_fences AS f (case_id, run_started_ms, history_length, task_started_ms, confirmed_through, attempt_first, written_through)
       VALUES ($1, $2, $3, $4, $5 - 1, $5, 0)
       ON CONFLICT (case_id) DO UPDATE SET case_id = f.case_id
       RETURNING f.run_started_ms, f.history_length, f.task_started_ms, f.confirmed_through, f.attempt_first`,
      [caseId, fence.runStartedMs, fence.historyLength, fence.taskStartedMs, first],
    );
    const recorded: CaseLogFence = { runStartedMs: Number(row!.run_started_ms), historyLength: Number(row!.history_length), taskStartedMs: Number(row!.task_started_ms) };
    const order = compareFences(fence, recorded);
    if (order < 0) return { outcome: 'refused', recorded };
    let replaced = 0;
    if (order > 0) {
      // Rows at or after the first position can only be an older attempt's: a later task of the
      // same history always writes past every position an earlier one wrote.
      const removed = await tx.query<{ position: number }>('DELETE FROM events WHERE case_id = $1 AND position >= $2 RETURNING position', [caseId, first]);
      replaced = removed.length;
      // Path 1 of confirming: every row left before `first` was written by an older attempt whose
      // workflow task is in history. This attempt started from a recorded history whose log ends at
      // first - 1; had an older attempt that wrote there been lost, the positions it took would not
      // be in that history, so this attempt (or a recorded one before it, which deleted them then,
      // being newer than the lost one) would write from the lost attempt's first position — the
      // rows would be gone. Rows this same attempt wrote in an earlier batch are not confirmed here
      // (`order` is 0 for them), and a lost attempt newer than this one is refused above.
      const removedConfirmed = removed.some(({ position }) => position <= row!.confirmed_through);
      if (removedConfirmed) {
        // Cannot happen by the reasoning above; if it does, the log that is left is the truth.
        await tx.query('UPDATE case_log_fences SET confirmed_through = $2 WHERE case_id = $1', [caseId, first - 1]);
        await rebuildCaseProjection(tx, caseId);
      } else {
        await projectConfirmed(tx, caseId, row!.confirmed_through, first - 1);
      }
    }
    const inserted = (await insertCaseLogEvents(tx, events)).size;
    // A newer attempt takes the row: its fence, where it began writing, and its run — or none when
    // the write names none (a worker of older code), since the reconciler must never read another
    // run's history for this attempt: a run that closed without it gets its rows deleted
    // (storage/lost-case-log-attempt.ts). A later batch of the same attempt keeps them.
    const attempt = order > 0 ? ', run_started_ms = $5, history_length = $6, task_started_ms = $7, attempt_first = $8, workflow_id = $3, run_id = $4' : ', workflow_id = COALESCE($3, workflow_id), run_id = COALESCE($4, run_id)';
    await tx.query(
      `UPDATE case_log_fences SET written_through = (SELECT COALESCE(max(position), 0) FROM events WHERE case_id = $1), updated_at = now(), reconcile_checks = 0,
         reconcile_after = now() + $2 * interval '1 millisecond'${attempt}
       WHERE case_id = $1`,
      [caseId, confirmationExpected === false ? RECONCILE_AFTER_MS.otherwise : RECONCILE_AFTER_MS.confirmationExpected, run?.workflowId ?? null, run?.runId ?? null, ...(order > 0 ? [fence.runStartedMs, fence.historyLength, fence.taskStartedMs, first] : [])],
    );
    const receipt = events.map(({ id, kind, taskId }) => (taskId === undefined ? { id, kind } : { id, kind, taskId }));
    return { outcome: 'written', inserted, skipped: events.length - inserted, replaced, receipt, fence };
  });
}
