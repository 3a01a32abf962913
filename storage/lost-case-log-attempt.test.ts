import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseLogFence } from '../domain/events/case-log-fence.ts';
import { confirmCaseLog, leaseTentativeCases } from './case-log-confirm.ts';
import { caseEvents } from './case-queries.ts';
import type { Database } from './database.ts';
import { appendFencedCaseLogEvents } from './fenced-case-log-store.ts';
import { settleLostAttempt } from './lost-case-log-attempt.ts';
import { caseLogBuilder, loggedKinds, openSampleStore, projectionSnapshot } from './support/case-log-sample.ts';

const RUN = Date.parse('2026-12-01T09:00:00Z');
/** The n-th workflow task of the run (and its retries, later on the clock). */
const task = (historyLength: number, retry = 0): CaseLogFence => ({ runStartedMs: RUN, historyLength, taskStartedMs: RUN + historyLength * 100 + retry * 10_000 });
const run = (caseId: string) => ({ workflowId: `case-${caseId}`, runId: `run-${caseId}` });

/** What a delete must leave alone: the raw log, the fence row's marks, and every projected row. */
async function caseState(db: Database, caseId: string) {
  const [fence] = await db.query('SELECT confirmed_through, written_through, attempt_first FROM case_log_fences WHERE case_id = $1', [caseId]);
  return { rows: await loggedKinds(db, caseId), fence, projected: await projectionSnapshot(db, caseId) };
}

/** What a reconciler is handed of the case once any backoff has passed: nothing unless rows are tentative. */
async function leasedOnceDue(db: Database, caseId: string) {
  await db.query(`UPDATE case_log_fences SET reconcile_after = now() - interval '1 second' WHERE case_id = $1`, [caseId]);
  return (await leaseTentativeCases(db, 100)).filter((tentative) => tentative.caseId === caseId);
}

async function readable(db: Database, caseId: string): Promise<string[]> {
  return (await caseEvents(db, caseId)).map((event) => `${event.id} ${event.kind}`);
}

/**
 * A case whose first task (attempt 3) is confirmed, and whose next attempt (8) logged the task's
 * completion and the next task and was lost: its two rows are tentative.
 */
async function caseWithLostAttempt(db: Database, caseId: string) {
  const log = caseLogBuilder(caseId);
  const held = [log.started(), log.taskReady('t1', 'Task_check')];
  await appendFencedCaseLogEvents(db, { fence: task(3), events: held, run: run(caseId) });
  await confirmCaseLog(db, caseId, 2);
  const lost = [log.next({ kind: 'task-completed', taskId: 't1', actor: 'tom', team: 'fno-returns', nodeId: 'Task_check', data: {} }), log.taskReady('t2', 'Task_decide')];
  await appendFencedCaseLogEvents(db, { fence: task(8), events: lost, run: run(caseId) });
  return { log, held: held.map((event) => `${event.id} ${event.kind}`), lost: lost.map((event) => `${event.id} ${event.kind}`) };
}

/** What the lost attempt's retry logs at its first position when the case was cancelled meanwhile. */
function retriedAsCancellation(log: ReturnType<typeof caseLogBuilder>) {
  log.rewindTo(3);
  return log.next({ kind: 'case-cancelled', actor: 'lena', data: { reason: 'withdrawn' } });
}

describe("deleting a lost attempt's tentative case log rows", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openSampleStore();
  });
  afterAll(() => db.close());

  it('deletes only the rows above the confirmed mark, and nothing the second time', async () => {
    // given a case whose newest attempt was lost (its run closed without it)
    const caseId = 'lost-deleted';
    const { held, lost } = await caseWithLostAttempt(db, caseId);
    expect(await loggedKinds(db, caseId)).toEqual([...held, ...lost]);
    const before = await caseState(db, caseId);

    // when its rows are deleted
    expect(await settleLostAttempt(db, caseId, task(8), 0)).toBe(2);

    // then the raw log is the confirmed one, no projected row changed, and the case is no longer tentative
    const after = await caseState(db, caseId);
    expect(after.rows).toEqual(held);
    expect(after.projected).toEqual(before.projected);
    expect(after.fence).toEqual({ confirmed_through: 2, written_through: 2, attempt_first: 3 });
    expect(await leasedOnceDue(db, caseId)).toEqual([]);

    // and a second delete (another replica's reconciler) changes nothing
    expect(await settleLostAttempt(db, caseId, task(8), 0)).toBe(0);
    expect(await caseState(db, caseId)).toEqual(after);
  });

  it('does nothing once a newer attempt has written, whose rows stay tentative', async () => {
    // given a lost attempt whose retry (the case was cancelled meanwhile) wrote at its positions
    const caseId = 'lost-replaced';
    const { log, held } = await caseWithLostAttempt(db, caseId);
    await appendFencedCaseLogEvents(db, { fence: task(11), events: [retriedAsCancellation(log)], run: run(caseId) });
    const before = await caseState(db, caseId);

    // when a reconciler that found the lost attempt missing from a closed run deletes late
    expect(await settleLostAttempt(db, caseId, task(8), 0)).toBe(0);

    // then the retry's row is still there, still tentative, and nothing else changed
    expect(await caseState(db, caseId)).toEqual(before);
    expect(before.rows).toEqual([...held, `${caseId}:3 case-cancelled`]);
    expect(await readable(db, caseId)).toEqual(held);
  });

  it("never deletes a row confirmed meanwhile, and confirms the rows the attempt's recorded markers hold", async () => {
    // given two cases, each logged by one attempt in four rows: one case has two of them confirmed
    // since by an Update's answer, the other none
    const fourRows = async (caseId: string) => {
      const log = caseLogBuilder(caseId);
      const events = [log.started(), log.taskReady('t1', 'Task_check'), log.next({ kind: 'task-claimed', taskId: 't1', actor: 'tom', team: 'fno-returns' }), log.next({ kind: 'task-returned', taskId: 't1', actor: 'tom', team: 'fno-returns' })];
      await appendFencedCaseLogEvents(db, { fence: task(3), events, run: run(caseId) });
      return events.map((event) => `${event.id} ${event.kind}`);
    };
    const confirmedMeanwhile = await fourRows('lost-confirmed-meanwhile');
    await confirmCaseLog(db, 'lost-confirmed-meanwhile', 2);
    const partlyRecorded = await fourRows('lost-partly-recorded');

    // when reconcilers settle them: one that read history before the confirmation (no marker), one that found markers through 3
    expect(await settleLostAttempt(db, 'lost-confirmed-meanwhile', task(3), 0)).toBe(2);
    expect(await settleLostAttempt(db, 'lost-partly-recorded', task(3), 3)).toBe(1);

    // then the confirmed rows stay, and the recorded ones stay and are confirmed
    expect(await loggedKinds(db, 'lost-confirmed-meanwhile')).toEqual(confirmedMeanwhile.slice(0, 2));
    expect(await readable(db, 'lost-confirmed-meanwhile')).toEqual(confirmedMeanwhile.slice(0, 2));
    expect(await loggedKinds(db, 'lost-partly-recorded')).toEqual(partlyRecorded.slice(0, 3));
    expect(await readable(db, 'lost-partly-recorded')).toEqual(partlyRecorded.slice(0, 3));
    expect(await leasedOnceDue(db, 'lost-partly-recorded')).toEqual([]);
  });

  it('deletes again what a late write of the same lost attempt puts back', async () => {
    // given a lost attempt's rows deleted
    const caseId = 'lost-zombie';
    const { log, held } = await caseWithLostAttempt(db, caseId);
    await settleLostAttempt(db, caseId, task(8), 0);

    // when a retry of that attempt's local activity, still running after the run closed, writes again
    log.rewindTo(3);
    await appendFencedCaseLogEvents(db, { fence: task(8), events: [log.next({ kind: 'task-completed', taskId: 't1', actor: 'tom', team: 'fno-returns', nodeId: 'Task_check', data: {} })], run: run(caseId) });

    // then its row is tentative, due for the reconciler again, and deleted again
    expect(await readable(db, caseId)).toEqual(held);
    expect((await leasedOnceDue(db, caseId)).map((tentative) => tentative.fence)).toEqual([task(8)]);
    expect(await settleLostAttempt(db, caseId, task(8), 0)).toBe(1);
    expect(await loggedKinds(db, caseId)).toEqual(held);
  });

  it('leaves one consistent log when deletes, a confirmation and the retry\'s write race', async () => {
    // given a lost attempt's tentative rows
    const caseId = 'lost-race';
    const { log, held } = await caseWithLostAttempt(db, caseId);
    const retried = retriedAsCancellation(log);

    // when two reconcilers delete, an answer confirms what it knows and the retry writes, all at once
    const [first, second] = await Promise.all([
      settleLostAttempt(db, caseId, task(8), 0),
      settleLostAttempt(db, caseId, task(8), 0),
      confirmCaseLog(db, caseId, 2),
      appendFencedCaseLogEvents(db, { fence: task(11), events: [retried], run: run(caseId) }),
    ]);

    // then each lost row went once, by whichever came first, and the log is the history's: the
    // confirmed rows and the retry's row, tentative until its own confirmation
    expect([0, 2]).toContain(first! + second!);
    expect(Math.min(first!, second!)).toBe(0);
    expect(await loggedKinds(db, caseId)).toEqual([...held, `${caseId}:3 case-cancelled`]);
    expect(await readable(db, caseId)).toEqual(held);
    await confirmCaseLog(db, caseId, 3);
    expect(await readable(db, caseId)).toEqual([...held, `${caseId}:3 case-cancelled`]);
  });
});
