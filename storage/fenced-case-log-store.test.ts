import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseLogFence } from '../domain/events/case-log-fence.ts';
import { appendCaseLogEvents } from './case-log-store.ts';
import type { Database } from './database.ts';
import { appendFencedCaseLogEvents, RECONCILE_AFTER_MS } from './fenced-case-log-store.ts';
import { confirmCaseLog } from './case-log-confirm.ts';
import { caseLogBuilder, loggedKinds, openSampleStore, projectionSnapshot } from './support/case-log-sample.ts';

const RUN = Date.parse('2026-12-01T09:00:00Z');
/** The n-th workflow task of the run (and its retries, later on the clock). */
const task = (historyLength: number, retry = 0): CaseLogFence => ({ runStartedMs: RUN, historyLength, taskStartedMs: RUN + historyLength * 100 + retry * 10_000 });

describe('fenced case log writes', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openSampleStore();
  });
  afterAll(() => db.close());

  it("replaces a lost attempt's different events at the same positions and rebuilds the case's rows from the log", async () => {
    // given a case with an open task, and an attempt that logged its completion, the next task and
    // a message wait, and was then lost (its workflow task never reached history)
    const caseId = 'fence-lost';
    const log = caseLogBuilder(caseId);
    const held = [log.started(), log.taskReady('t1', 'Task_check')];
    await appendFencedCaseLogEvents(db, { fence: task(3), events: held });
    const lost = [
      log.next({ kind: 'task-completed', taskId: 't1', actor: 'tom', team: 'fno-returns', nodeId: 'Task_check', data: { ersDate: '2027-01-10' } }),
      log.taskReady('t2', 'Task_decide'),
      log.next({ kind: 'message-awaited', nodeId: 'Catch', data: { subscriptionId: 's1', messageName: 'travel-document' } }),
    ];
    await appendFencedCaseLogEvents(db, { fence: task(8), events: lost });
    // the lost attempt's rows are tentative: its write confirmed only the rows before it
    expect((await projectionSnapshot(db, caseId)).tasks).toHaveLength(1);

    // when its retry (a longer history: the lost attempt's timeout) logs a cancellation at those positions
    log.rewindTo(3);
    const retried = [log.next({ kind: 'case-cancelled', actor: 'lena', data: { reason: 'withdrawn' } })];
    const result = await appendFencedCaseLogEvents(db, { fence: task(11), events: retried });

    // then the log is what history holds, and once the retry is confirmed every row is as if the
    // lost attempt never wrote
    expect(result).toMatchObject({ outcome: 'written', inserted: 1, replaced: 3 });
    await confirmCaseLog(db, caseId, 3);
    expect(await loggedKinds(db, caseId)).toEqual([`${caseId}:1 case-started`, `${caseId}:2 task-ready`, `${caseId}:3 case-cancelled`]);
    const expected = await openSampleStore();
    try {
      await appendCaseLogEvents(expected, [...held, ...retried]);
      expect(await projectionSnapshot(db, caseId)).toEqual(await projectionSnapshot(expected, caseId));
    } finally {
      await expected.close();
    }
    const snapshot = await projectionSnapshot(db, caseId);
    expect(snapshot.cases).toMatchObject([{ status: 'cancelled', data: { ref: 'R-1' } }]);
    expect(snapshot.tasks).toMatchObject([{ id: `${caseId}:t1`, status: 'cancelled' }]);
    expect(snapshot.messageSubscriptions).toEqual([]);
  });

  it('tells a second lost retry from the next by its start when both see the same history length', async () => {
    // given a retry that wrote and was lost in turn (a transient task: the history length does not grow)
    const caseId = 'fence-same-length';
    const log = caseLogBuilder(caseId);
    await appendFencedCaseLogEvents(db, { fence: task(3), events: [log.started(), log.taskReady('t1', 'Task_check')] });
    await appendFencedCaseLogEvents(db, { fence: task(8, 1), events: [log.next({ kind: 'task-claimed', taskId: 't1', actor: 'tom', team: 'fno-returns' })] });

    // when the next retry, started later, writes another event there
    log.rewindTo(3);
    const result = await appendFencedCaseLogEvents(db, { fence: task(8, 2), events: [log.next({ kind: 'task-claimed', taskId: 't1', actor: 'lena', team: 'fno-returns' })] });

    // then it replaces the earlier retry's
    expect(result).toMatchObject({ outcome: 'written', replaced: 1 });
    await confirmCaseLog(db, caseId, 3);
    expect((await projectionSnapshot(db, caseId)).tasks).toMatchObject([{ assignee: 'lena', status: 'claimed' }]);
  });

  it("refuses a zombie attempt's late write and keeps the newer attempt's log and rows", async () => {
    // given an attempt that timed out but still runs (a paused worker), and its retry that wrote
    const caseId = 'fence-zombie';
    const log = caseLogBuilder(caseId);
    await appendFencedCaseLogEvents(db, { fence: task(3), events: [log.started(), log.taskReady('t1', 'Task_check')] });
    await appendFencedCaseLogEvents(db, { fence: task(11), events: [log.next({ kind: 'case-cancelled', data: { reason: 'withdrawn' } })] });
    const before = { log: await loggedKinds(db, caseId), rows: await projectionSnapshot(db, caseId) };

    // when the zombie's write lands late
    log.rewindTo(3);
    const result = await appendFencedCaseLogEvents(db, { fence: task(8), events: [log.next({ kind: 'task-claimed', taskId: 't1', actor: 'tom', team: 'fno-returns' })] });

    // then it is refused, naming the newer attempt, and nothing changed
    expect(result).toEqual({ outcome: 'refused', recorded: task(11) });
    expect({ log: await loggedKinds(db, caseId), rows: await projectionSnapshot(db, caseId) }).toEqual(before);
  });

  it('keeps a repeat of the same write (same attempt) idempotent, removing nothing', async () => {
    // given a write, and a later batch of the same workflow task attempt
    const caseId = 'fence-repeat';
    const log = caseLogBuilder(caseId);
    const first = [log.started(), log.taskReady('t1', 'Task_check')];
    await appendFencedCaseLogEvents(db, { fence: task(3), events: first });
    await appendFencedCaseLogEvents(db, { fence: task(3), events: [log.next({ kind: 'task-claimed', taskId: 't1', actor: 'tom', team: 'fno-returns' })] });
    const before = { log: await loggedKinds(db, caseId), rows: await projectionSnapshot(db, caseId) };

    // when the first write is repeated (a local activity retried within its attempt)
    const result = await appendFencedCaseLogEvents(db, { fence: task(3), events: first });

    // then nothing is inserted, removed or changed
    expect(result).toMatchObject({ outcome: 'written', inserted: 0, skipped: 2, replaced: 0 });
    expect({ log: await loggedKinds(db, caseId), rows: await projectionSnapshot(db, caseId) }).toEqual(before);
  });

  it('lets a continued run write after the run before it, and refuses the old run afterwards', async () => {
    // given a case written by its first run up to a long history
    const caseId = 'fence-continued';
    const log = caseLogBuilder(caseId);
    await appendFencedCaseLogEvents(db, { fence: task(900), events: [log.started(), log.taskReady('t1', 'Task_check')] });

    // when the run continued as new writes with a short history, and then the old run tries again
    const nextRun: CaseLogFence = { runStartedMs: RUN + 1_000_000, historyLength: 3, taskStartedMs: RUN + 1_000_000 };
    const continued = await appendFencedCaseLogEvents(db, { fence: nextRun, events: [log.next({ kind: 'task-claimed', taskId: 't1', actor: 'tom', team: 'fno-returns' })] });
    log.rewindTo(3);
    const old = await appendFencedCaseLogEvents(db, { fence: task(905), events: [log.next({ kind: 'task-returned', taskId: 't1', actor: 'tom', team: 'fno-returns' })] });

    // then the new run's write stands and the old run's is refused
    expect(continued).toMatchObject({ outcome: 'written', inserted: 1, replaced: 0 });
    expect(old.outcome).toBe('refused');
    expect((await loggedKinds(db, caseId)).at(-1)).toBe(`${caseId}:3 task-claimed`);
  });

  it("answers the receipt history keeps of a write: each event's id, kind and task, and the attempt's fence", async () => {
    const log = caseLogBuilder('fence-receipt');
    const result = await appendFencedCaseLogEvents(db, { fence: task(3), events: [log.started(), log.taskReady('t1', 'Task_check')] });
    expect(result).toMatchObject({ receipt: [{ id: 'fence-receipt:1', kind: 'case-started' }, { id: 'fence-receipt:2', kind: 'task-ready', taskId: 't1' }], fence: task(3) });
  });

  it('asks the reconciler to look soon at a write nothing else will confirm, later at one an answer or a later write will, or one without the hint', async () => {
    // given three cases, each written once: by a timer's task, by an Update's, by a worker of older code
    const lookAfter = async (caseId: string) => {
      const [row] = await db.query<{ ms: string | number }>('SELECT round(extract(epoch FROM reconcile_after - updated_at) * 1000) AS ms FROM case_log_fences WHERE case_id = $1', [caseId]);
      return Number(row?.ms);
    };
    for (const [caseId, confirmationExpected] of [['hint-timer', false], ['hint-update', true], ['hint-none', undefined]] as const) {
      const log = caseLogBuilder(caseId);
      await appendFencedCaseLogEvents(db, { fence: task(3), events: [log.started(), log.taskReady('t1', 'Task_check')], ...(confirmationExpected === undefined ? {} : { confirmationExpected }) });
    }

    // then the timer's rows are due at once, the others after paths 1 and 2 have had their chance
    expect(RECONCILE_AFTER_MS.otherwise).toBeLessThan(RECONCILE_AFTER_MS.confirmationExpected);
    expect(await lookAfter('hint-timer')).toBe(RECONCILE_AFTER_MS.otherwise);
    expect(await lookAfter('hint-update')).toBe(RECONCILE_AFTER_MS.confirmationExpected);
    expect(await lookAfter('hint-none')).toBe(RECONCILE_AFTER_MS.confirmationExpected);
  });
});
