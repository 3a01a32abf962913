import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendCaseLogEvents } from './case-log-store.ts';
import type { Database } from './database.ts';
import { eventfulCase, loggedKinds, openSampleStore, projectionSnapshot } from './support/case-log-sample.ts';

describe('appending case log events', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openSampleStore();
  });
  afterAll(() => db?.close());

  for (const ending of ['running', 'completed'] as const) {
    it(`makes the same rows from a ${ending} case's whole log in one append as from one event at a time`, async () => {
      // given the same log twice, under two case ids
      const oneByOne = eventfulCase(`one-by-one-${ending}`, ending);
      const atOnce = eventfulCase(`at-once-${ending}`, ending);

      // when one is appended event by event and the other in one call
      for (const event of oneByOne) await appendCaseLogEvents(db, [event]);
      expect(await appendCaseLogEvents(db, atOnce)).toEqual({ inserted: atOnce.length, skipped: 0 });

      // then the rows are the same but for the case id, and the log keeps the order given
      const rows = async (caseId: string) => JSON.parse(JSON.stringify(await projectionSnapshot(db, caseId)).replaceAll(caseId, 'CASE'));
      expect(await rows(`at-once-${ending}`)).toEqual(await rows(`one-by-one-${ending}`));
      expect(await loggedKinds(db, `at-once-${ending}`)).toEqual(atOnce.map((event) => `${event.id} ${event.kind}`));
    });
  }

  it('skips the events already logged, with their changes, and appends the rest after them', async () => {
    // given a case whose first events are logged and then changed by hand
    const events = eventfulCase('retried', 'running');
    await appendCaseLogEvents(db, events.slice(0, 3));
    await db.query(`UPDATE tasks SET name = 'kept as it is' WHERE case_id = 'retried'`);

    // when a retry appends the whole log again
    const result = await appendCaseLogEvents(db, events);

    // then only the new events count and apply: the rows the first three made are untouched
    expect(result).toEqual({ inserted: events.length - 3, skipped: 3 });
    expect((await db.query<{ name: string }>(`SELECT name FROM tasks WHERE id = 'retried:t1'`))[0]!.name).toBe('kept as it is');
    expect(await loggedKinds(db, 'retried')).toEqual(events.map((event) => `${event.id} ${event.kind}`));
  });

  it("moves the case's last change to its latest event, whichever kind it is", async () => {
    // given a case started, and later only timers firing (events that mark the case as changed and nothing more)
    const events = eventfulCase('touched', 'running').slice(0, 1);
    const last = '2026-12-05T10:00:00.000Z';
    events.push({ ...events[0]!, id: 'touched:2', kind: 'timer-fired', at: '2026-12-04T10:00:00.000Z', data: {} }, { ...events[0]!, id: 'touched:3', kind: 'timer-fired', at: last, data: {} });

    // when they are appended at once
    await appendCaseLogEvents(db, events);

    // then the case's updated_at is the latest event's time
    const [row] = await db.query<{ updated_at: string }>(`SELECT updated_at FROM cases WHERE id = 'touched'`);
    expect(new Date(row!.updated_at).toISOString()).toBe(last);
  });
});
