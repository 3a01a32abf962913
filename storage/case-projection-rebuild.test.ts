import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendCaseLogEvents } from './case-log-store.ts';
import { rebuildCaseProjection } from './case-projection-rebuild.ts';
import type { Database } from './database.ts';
import { caseLogBuilder, eventfulCase, openSampleStore, projectionSnapshot } from './support/case-log-sample.ts';

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
