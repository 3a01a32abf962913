import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseLogFence } from '../domain/events/case-log-fence.ts';
import { appendCaseLogEvents } from './case-log-store.ts';
import { confirmCaseLog, confirmRecordedAttempt, leaseTentativeCases } from './case-log-confirm.ts';
import { caseEvents } from './case-queries.ts';
import type { Database } from './database.ts';
import { appendFencedCaseLogEvents } from './fenced-case-log-store.ts';
import { caseLogBuilder, openSampleStore, projectionSnapshot } from './support/case-log-sample.ts';
import { queryInbox } from './task-queries.ts';

const RUN = Date.parse('2026-12-01T09:00:00Z');
const task = (historyLength: number, retry = 0): CaseLogFence => ({ runStartedMs: RUN, historyLength, taskStartedMs: RUN + historyLength * 100 + retry * 10_000 });
const run = (caseId: string) => ({ workflowId: `case-${caseId}`, runId: `run-${caseId}` });

async function inbox(db: Database, caseId: string): Promise<string[]> {
  const page = await queryInbox(db, { view: 'team', sort: 'due', caseId, dueSoonHours: 48, limit: 100, offset: 0, teams: undefined, userId: 'tom', now: new Date().toISOString() });
  return page.items.map((item) => `${item.id} ${item.status}`);
}

async function readable(db: Database, caseId: string): Promise<string[]> {
  return (await caseEvents(db, caseId)).map((event) => `${event.id} ${event.kind}`);
}

/** Every row the same events make when the normal activity writes them (projected at once). */
async function projectedAtOnce(events: Parameters<typeof appendCaseLogEvents>[1], caseId: string) {
  const expected = await openSampleStore();
  try {
    await appendCaseLogEvents(expected, events);
    return await projectionSnapshot(expected, caseId);
  } finally {
    await expected.close();
  }
}

describe('confirming tentative case log rows', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openSampleStore();
  });
  afterAll(() => db.close());

  it('keeps a fenced write out of the inbox and the readable log until it is confirmed', async () => {
    // given a case whose first steps a local write stored
    const caseId = 'confirm-hidden';
    const log = caseLogBuilder(caseId);
    await appendFencedCaseLogEvents(db, { fence: task(3), events: [log.started(), log.taskReady('t1', 'Task_check')], run: run(caseId) });

    // then nothing of it is visible: no case row, no task, no event
    expect(await inbox(db, caseId)).toEqual([]);
    expect(await readable(db, caseId)).toEqual([]);
    expect((await projectionSnapshot(db, caseId)).cases).toEqual([]);

    // when an Update's answer says position 2 is in history
    await confirmCaseLog(db, caseId, 2);

    // then the case and its task show
    expect(await inbox(db, caseId)).toEqual([`${caseId}:t1 open`]);
    expect(await readable(db, caseId)).toEqual([`${caseId}:1 case-started`, `${caseId}:2 task-ready`]);
  });

  it('projects confirmed rows in position order, once each, whatever order and how often confirmations come', async () => {
    // given a case logged by three writes of one attempt: start, claim, completion and the next task
    const caseId = 'confirm-order';
    const log = caseLogBuilder(caseId);
    const events = [
      log.started(),
      log.taskReady('t1', 'Task_check'),
      log.next({ kind: 'task-claimed', taskId: 't1', actor: 'tom', team: 'fno-returns' }),
      log.next({ kind: 'task-completed', taskId: 't1', actor: 'tom', team: 'fno-returns', nodeId: 'Task_check', data: { ersDate: '2027-01-10' } }),
      log.taskReady('t2', 'Task_decide'),
    ];
    await appendFencedCaseLogEvents(db, { fence: task(3), events: events.slice(0, 2) });
    await appendFencedCaseLogEvents(db, { fence: task(3), events: events.slice(2, 3) });
    await appendFencedCaseLogEvents(db, { fence: task(3), events: events.slice(3) });

    // when confirmations arrive late, out of order and repeated, one past the log's end
    await confirmCaseLog(db, caseId, 3);
    await confirmCaseLog(db, caseId, 1);
    expect(await inbox(db, caseId)).toEqual([`${caseId}:t1 claimed`]);
    await confirmCaseLog(db, caseId, 9);
    await confirmCaseLog(db, caseId, 5);

    // then the rows are exactly what the normal activity's projection makes of the same log
    expect(await projectionSnapshot(db, caseId)).toEqual(await projectedAtOnce(events, caseId));
    expect(await inbox(db, caseId)).toEqual([`${caseId}:t2 open`]);
  });

  it("never shows a lost attempt's tail, not even when a confirmation reaches past it, once its retry replaced it", async () => {
    // given a confirmed open task, and an attempt that logged its completion and the next task and was lost
    const caseId = 'confirm-lost';
    const log = caseLogBuilder(caseId);
    const held = [log.started(), log.taskReady('t1', 'Task_check')];
    await appendFencedCaseLogEvents(db, { fence: task(3), events: held });
    await confirmCaseLog(db, caseId, 2);
    await appendFencedCaseLogEvents(db, {
      fence: task(8),
      events: [log.next({ kind: 'task-completed', taskId: 't1', actor: 'tom', team: 'fno-returns', nodeId: 'Task_check', data: {} }), log.taskReady('t2', 'Task_decide')],
    });
    expect(await inbox(db, caseId)).toEqual([`${caseId}:t1 open`]);

    // when the retry (the case was cancelled meanwhile) writes at the same positions and is confirmed
    log.rewindTo(3);
    const retried = [log.next({ kind: 'case-cancelled', actor: 'lena', data: { reason: 'withdrawn' } })];
    await appendFencedCaseLogEvents(db, { fence: task(11), events: retried });
    await confirmCaseLog(db, caseId, 4);

    // then only history's events were ever projected
    expect(await readable(db, caseId)).toEqual([`${caseId}:1 case-started`, `${caseId}:2 task-ready`, `${caseId}:3 case-cancelled`]);
    expect(await projectionSnapshot(db, caseId)).toEqual(await projectedAtOnce([...held, ...retried], caseId));
    expect(await inbox(db, caseId)).toEqual([]);
  });

  it("confirms, by a newer attempt's write, the rows before its first position and not its own", async () => {
    // given a case whose first task's rows are tentative
    const caseId = 'confirm-path-one';
    const log = caseLogBuilder(caseId);
    await appendFencedCaseLogEvents(db, { fence: task(3), events: [log.started(), log.taskReady('t1', 'Task_check')] });

    // when the next workflow task writes a claim, and the same attempt then writes again
    await appendFencedCaseLogEvents(db, { fence: task(7), events: [log.next({ kind: 'task-claimed', taskId: 't1', actor: 'tom', team: 'fno-returns' })] });
    await appendFencedCaseLogEvents(db, { fence: task(7), events: [log.next({ kind: 'task-returned', taskId: 't1', actor: 'tom', team: 'fno-returns' })] });

    // then the first task's rows show, and neither of the newer attempt's writes does
    expect(await inbox(db, caseId)).toEqual([`${caseId}:t1 open`]);
    expect(await readable(db, caseId)).toEqual([`${caseId}:1 case-started`, `${caseId}:2 task-ready`]);
  });

  it("lets the reconciler confirm only the attempt it found in history, never a newer one's rows", async () => {
    // given rows of attempt 3, then of attempt 7 (which confirmed attempt 3's)
    const caseId = 'confirm-reconciled';
    const log = caseLogBuilder(caseId);
    await appendFencedCaseLogEvents(db, { fence: task(3), events: [log.started(), log.taskReady('t1', 'Task_check')] });
    await appendFencedCaseLogEvents(db, { fence: task(7), events: [log.next({ kind: 'task-claimed', taskId: 't1', actor: 'tom', team: 'fno-returns' })] });

    // when a reconciler that found attempt 3's marker confirms late, then one finds attempt 7's
    await confirmRecordedAttempt(db, caseId, task(3), 3);
    expect(await inbox(db, caseId)).toEqual([`${caseId}:t1 open`]);
    await confirmRecordedAttempt(db, caseId, task(7), 3);

    // then attempt 7's claim shows only after its own marker was found
    expect(await inbox(db, caseId)).toEqual([`${caseId}:t1 claimed`]);
  });

  it('hands a case with tentative rows to one reconciler at a time, and only once its write is a little old', async () => {
    // given a case just written
    const caseId = 'confirm-lease';
    const log = caseLogBuilder(caseId);
    await appendFencedCaseLogEvents(db, { fence: task(3), events: [log.started()], run: run(caseId) });
    const mine = async () => (await leaseTentativeCases(db, 100)).filter((tentative) => tentative.caseId === caseId);

    // then it is not due at once; once due, one lease takes it and a second finds it taken
    expect(await mine()).toEqual([]);
    await db.query(`UPDATE case_log_fences SET reconcile_after = now() - interval '1 second' WHERE case_id = $1`, [caseId]);
    expect(await mine()).toEqual([{ caseId, fence: task(3), run: run(caseId), confirmedThrough: 0, writtenThrough: 1, checks: 0 }]);
    expect(await mine()).toEqual([]);

    // and once confirmed it is never handed out again
    await confirmCaseLog(db, caseId, 1);
    await db.query(`UPDATE case_log_fences SET reconcile_after = now() - interval '1 second' WHERE case_id = $1`, [caseId]);
    expect(await mine()).toEqual([]);
  });

  it("names no run for a newer attempt whose write named none, so no other run's history is asked about it", async () => {
    // given a case written by an attempt that named its run, then by a newer one (a worker of older code) that named none
    const caseId = 'confirm-no-run';
    const log = caseLogBuilder(caseId);
    await appendFencedCaseLogEvents(db, { fence: task(3), events: [log.started()], run: run(caseId) });
    await appendFencedCaseLogEvents(db, { fence: task(7), events: [log.taskReady('t1', 'Task_check')] });

    // then the reconciler is handed the newer attempt without the older attempt's run
    await db.query(`UPDATE case_log_fences SET reconcile_after = now() - interval '1 second' WHERE case_id = $1`, [caseId]);
    expect((await leaseTentativeCases(db, 100)).filter((tentative) => tentative.caseId === caseId)).toEqual([{ caseId, fence: task(7), confirmedThrough: 1, writtenThrough: 2, checks: 0 }]);
  });
});
