// Deletes a lost attempt's tentative case log rows once the reconciler (runtime/case-log-reconciler.ts)
// knows history will never hold them: the run has closed without the attempt's write, or Temporal no
// longer has the run and no run of its workflow is left to write. Until then they were only hidden;
// deleting them keeps the events table equal to Temporal's history, and frees the space.
//
// Why this deletes only rows history will never hold, and never a confirmed one:
// - Which rows are the attempt's. The fence row names the newest attempt that wrote (`fence`).
//   Its first write deleted every older attempt's row from its first position (`attempt_first`) on,
//   and confirmed every row before it (path 1), or, as the case's first fenced write, started the
//   row confirmed through the position before it; confirmations only move forward. So every row
//   above `confirmed_through` is at or after `attempt_first` and was written by that attempt: older
//   attempts are refused, and a newer one would have changed the fence row.
// - Why they are lost. The caller read the closed run's history back to the attempt's workflow
//   task and found its markers through `recordedThrough` at most (those rows are confirmed here, in
//   the same transaction, if nothing has confirmed them yet); a closed history never grows. A run
//   continued as new starts its log at the first position the closed run's history does not hold,
//   at or before these rows, so its first write would delete them too: no path can ever confirm
//   them (path 1 confirms only rows before a newer attempt's first position).
//   When Temporal no longer has the run, nothing proves whether its markers were there, but nothing
//   can confirm the rows either (no history to read, no run of the workflow left to write — the
//   caller checks; a closed case is never started again under its id, REJECT_DUPLICATE), so no
//   reader could ever see them: deleting them changes no answer.
// - A newer attempt or run wrote since the caller read history: the fence row no longer names the
//   attempt, and nothing of the attempt is left above the confirmed mark — that write deleted its
//   rows from its own first position and confirmed those before it — so this does nothing.
// - Races. Under the case's row lock, which every write (the upsert), every confirmation (an
//   Update's answer, another replica's reconciler, a newer attempt's write) and this delete take
//   first: the bound is read under it, so a row confirmed meanwhile is below it, and a delete
//   repeated finds nothing above it. A zombie of the attempt itself (a local activity retried after
//   the run closed) may write again after the delete; its rows are the same attempt's, tentative and
//   due again, and the next round deletes them again.
// - Nothing to undo. Tentative rows are never projected: `project` runs on a fenced case's rows only
//   in `projectConfirmed`, for the rows it confirms in the same transaction, and in
//   `rebuildCaseProjection` after a fenced write has set `confirmed_through` to the last row it left;
//   every read of the log stops at `confirmed_through` (storage/confirmed-events.ts); the insight fold
//   reads a case's log when its end is confirmed, and no row follows an end.
import { compareFences, type CaseLogFence } from '../domain/events/case-log-fence.ts';
import { fenceOf, lockedFence, projectConfirmed } from './case-log-confirm.ts';
import type { Database } from './database.ts';

/**
 * Settles the attempt `fence` of a run that has closed (or is gone): confirms the rows its recorded
 * markers hold (through `recordedThrough`, 0 for none; usually confirmed already) and deletes the
 * rest of its tentative rows. Answers how many were deleted; 0 when the fence row names another attempt.
 */
export async function settleLostAttempt(db: Database, caseId: string, fence: CaseLogFence, recordedThrough: number): Promise<number> {
  return db.transaction(async (tx) => {
    const state = await lockedFence(tx, caseId);
    if (!state || compareFences(fence, fenceOf(state)) !== 0) return 0;
    const confirmed = await projectConfirmed(tx, caseId, state.confirmed_through, Math.min(recordedThrough, state.written_through));
    const removed = await tx.query('DELETE FROM events WHERE case_id = $1 AND position > $2 RETURNING position', [caseId, Math.max(confirmed, state.attempt_first - 1)]);
    // Nothing is left above the mark but what cannot be (an older attempt's row below this one's
    // first position); this closed run would never confirm it, so it would wait for a write.
    await tx.query(
      `UPDATE case_log_fences SET written_through = (SELECT COALESCE(max(position), 0) FROM events WHERE case_id = $1), updated_at = now(), reconcile_after = 'infinity'
       WHERE case_id = $1`,
      [caseId],
    );
    return removed.length;
  });
}
