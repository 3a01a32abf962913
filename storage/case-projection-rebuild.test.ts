import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseLogEvent } from '../domain/events/case-log-event.ts';
import { appendCaseLogEvents } from './case-log-store.ts';
import { rebuildCaseProjection } from './case-projection-rebuild.ts';
import type { Database } from './database.ts';
import { caseLogBuilder, openSampleStore, projectionSnapshot } from './support/case-log-sample.ts';

/** A case that passes through every kind of event the projection applies. */
function eventfulCase(caseId: string, ending: 'running' | 'completed'): CaseLogEvent[] {
  const log = caseLogBuilder(caseId);
  const events = [
    log.started(),
    log.taskReady('t1', 'Task_check', { dueAt: '2026-12-03T09:00:00.000Z', instance: { index: 0, count: 2, bodyId: 'b1' } }),
    log.taskReady('t2', 'Task_check', { handoffFrom: 'prison-casework', acceptBy: '2026-12-02T09:00:00.000Z', instance: { index: 1, count: 2, bodyId: 'b1' } }),
    log.next({ kind: 'task-claimed', taskId: 't1', actor: 'tom', team: 'fno-returns' }),
    log.next({ kind: 'task-returned', taskId: 't1', actor: 'tom', team: 'fno-returns' }),
    log.next({ kind: 'task-reassigned', taskId: 't1', actor: 'lena', team: 'fno-returns', data: { toUser: 'tom', toTeam: 'fno-returns' } }),
    log.next({ kind: 'handoff-accepted', taskId: 't2', actor: 'lena', team: 'fno-returns' }),
    log.next({ kind: 'task-completed', taskId: 't1', actor: 'tom', team: 'fno-returns', nodeId: 'Task_check', data: { ersDate: '2027-01-10' } }),
    log.next({ kind: 'ownership-changed', nodeId: 'Lane_prison', team: 'prison-casework', data: { fromTeam: 'fno-returns', toTeam: 'prison-casework' } }),
    log.next({ kind: 'message-awaited', nodeId: 'Catch_travel', data: { subscriptionId: 's1', messageName: 'travel-document', correlationKey: 'R-1' } }),
    log.next({ kind: 'message-awaited', nodeId: 'Catch_other', data: { subscriptionId: 's2', messageName: 'other' } }),
    log.next({ kind: 'signal-awaited', nodeId: 'Catch_amnesty', data: { subscriptionId: 'g1', signalName: 'amnesty' } }),
    log.next({ kind: 'message-wait-ended', data: { subscriptionId: 's2' } }),
    log.next({ kind: 'timer-fired', nodeId: 'Timer_1', data: { timerId: 'x' } }),
    log.next({
      kind: 'case-migrated',
      actor: 'designer',
      data: { migrationId: 'm1', fromVersion: 1, toVersion: 2, moves: [], tasksKept: [{ taskId: 't2', nodeId: 'Task_check2', name: 'Check again', team: 'prison-casework', form: [] }] },
    }),
    log.taskReady('t3', 'Task_decide'),
    log.next({ kind: 'task-cancelled', taskId: 't3', data: { reason: 'boundary' } }),
  ];
  if (ending === 'completed') events.push(log.next({ kind: 'case-completed', data: { data: { outcome: 'returned' } } }));
  return events;
}

describe('rebuilding a case projection from its events', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openSampleStore();
  });
  afterAll(() => db.close());

  for (const ending of ['running', 'completed'] as const) {
    it(`makes the same rows as the incremental projection, for a ${ending} case whose rows were lost or spoilt`, async () => {
      // given a case projected event by event, as the log was written
      const caseId = `rebuild-${ending}`;
      for (const event of eventfulCase(caseId, ending)) await appendCaseLogEvents(db, [event]);
      const incremental = await projectionSnapshot(db, caseId);
      expect(incremental.tasks).toHaveLength(3);

      // when its rows are spoilt (a deleted task, a wrong status, an extra wait) and rebuilt
      await db.query(`DELETE FROM tasks WHERE id = $1`, [`${caseId}:t2`]);
      await db.query(`UPDATE cases SET status = 'failed', data = '{}', owner_user = 'nico' WHERE id = $1`, [caseId]);
      await db.query(`INSERT INTO signal_subscriptions (case_id, subscription_id, signal_name, created_at) VALUES ($1, 'phantom', 'x', now())`, [caseId]);
      await db.transaction((tx) => rebuildCaseProjection(tx, caseId));

      // then every row is as the incremental projection made it
      expect(await projectionSnapshot(db, caseId)).toEqual(incremental);
    });
  }

  it('reopens a task row whose task-ready was logged before task details were kept, and applies what followed', async () => {
    // given a case whose task-ready carries no details (logged before migration 013), then claimed
    const caseId = 'rebuild-legacy';
    const log = caseLogBuilder(caseId);
    await appendCaseLogEvents(db, [log.started(), log.taskReady('t1', 'Task_check')]);
    await db.query('UPDATE events SET task = NULL WHERE case_id = $1', [caseId]);
    await appendCaseLogEvents(db, [log.next({ kind: 'task-claimed', taskId: 't1', actor: 'tom', team: 'fno-returns' })]);
    const incremental = await projectionSnapshot(db, caseId);

    // when the task row is spoilt and the case rebuilt
    await db.query(`UPDATE tasks SET status = 'completed', assignee = 'nico' WHERE case_id = $1`, [caseId]);
    await db.transaction((tx) => rebuildCaseProjection(tx, caseId));

    // then the kept row is claimed by tom again, as the log says
    expect(await projectionSnapshot(db, caseId)).toEqual(incremental);
  });
});
