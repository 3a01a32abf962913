// Case log writes made by local activities, fenced by the workflow-task attempt that made them
// (domain/events/case-log-fence.ts). A local activity writes before Temporal records its task; if
// that attempt is lost, the retry may log different events under the same positions. So, under a
// per-case lock: an attempt older than the newest one that wrote is refused; a newer attempt first
// removes whatever older attempts wrote from its first position on (the lost attempt's tail, which
// history never held) and the case's projections are rebuilt from the log that is left.
import { compareFences, logPosition, type CaseLogFence, type FencedCaseLogWrite, type FencedWriteResult } from '../domain/events/case-log-fence.ts';
import { insertCaseLogEvent, project } from './case-log-store.ts';
import { rebuildCaseProjection } from './case-projection-rebuild.ts';
import type { Database } from './database.ts';

interface FenceRow {
  run_started_ms: number | string | bigint;
  history_length: number | string | bigint;
  task_started_ms: number | string | bigint;
}

export async function appendFencedCaseLogEvents(db: Database, { fence, events }: FencedCaseLogWrite): Promise<FencedWriteResult> {
  const caseId = events[0]!.caseId;
  const positions = events.map((event) => (event.caseId === caseId ? logPosition(caseId, event.id) : undefined));
  if (positions.some((position) => position === undefined)) {
    throw new Error(`A fenced write holds one case's events with ids "<caseId>:<n>"; got ${events.map((event) => event.id).join(', ')} for case ${caseId}.`);
  }
  const first = Math.min(...(positions as number[]));
  return db.transaction(async (tx) => {
    // The upsert takes the case's row lock (held to commit) and answers the fence recorded before this write.
    const [row] = await tx.query<FenceRow>(
      `INSERT INTO case_log_fences AS f (case_id, run_started_ms, history_length, task_started_ms) VALUES ($1, $2, $3, $4)
       ON CONFLICT (case_id) DO UPDATE SET case_id = f.case_id
       RETURNING f.run_started_ms, f.history_length, f.task_started_ms`,
      [caseId, fence.runStartedMs, fence.historyLength, fence.taskStartedMs],
    );
    const recorded: CaseLogFence = { runStartedMs: Number(row!.run_started_ms), historyLength: Number(row!.history_length), taskStartedMs: Number(row!.task_started_ms) };
    const order = compareFences(fence, recorded);
    if (order < 0) return { outcome: 'refused', recorded };
    let replaced = 0;
    if (order > 0) {
      // Rows at or after the first position can only be an older attempt's: a later task of the
      // same history always writes past every position an earlier one wrote.
      replaced = (await tx.query('DELETE FROM events WHERE case_id = $1 AND position >= $2 RETURNING id', [caseId, first])).length;
      await tx.query('UPDATE case_log_fences SET run_started_ms = $2, history_length = $3, task_started_ms = $4, updated_at = now() WHERE case_id = $1', [
        caseId,
        fence.runStartedMs,
        fence.historyLength,
        fence.taskStartedMs,
      ]);
    }
    let inserted = 0;
    for (const event of events) {
      if (!(await insertCaseLogEvent(tx, event))) continue;
      inserted += 1;
      if (replaced === 0) await project(tx, event);
    }
    if (replaced > 0) await rebuildCaseProjection(tx, caseId);
    const receipt = events.map(({ id, kind, taskId }) => (taskId === undefined ? { id, kind } : { id, kind, taskId }));
    return { outcome: 'written', inserted, skipped: events.length - inserted, replaced, receipt };
  });
}
