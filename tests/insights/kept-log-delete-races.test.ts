// Deleting a kept log while its fold, a read's fold, a read's statements or another delete runs leaves nothing behind.
// Each race is held at a known point by a transaction of the test, then let go: on PostgreSQL a
// connection of its own whose locks the other side is seen waiting for (pg_locks); on PGlite, one
// connection, everything else waits for that transaction. Afterwards the log, its rows and every
// aggregate row of its source are gone, and the API answered 204 to the delete and 404 to a read.
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../storage/database.ts';
import { deleteImportedLog } from '../../storage/imported-log-store.ts';
import { deleteInsightAggregates, lockInsightSource } from '../../storage/insight-rollup.ts';
import { foldKeptLog, keptLogSource } from '../../storage/kept-log-fold.ts';
import { foldAfterImport, keptLogFoldsSettled } from '../../services/kept-log-folds.ts';
import { findActiveUser } from '../../services/accounts.ts';
import { keptLogAnswer, scopeDfg, scopeHandoffs, scopeReport, scopeTimeSplit, type AggregateScope, type ScopeAnswer } from '../../services/insight-aggregates.ts';
import { startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

// Three cases with start/complete pairs, rework and changes of team, so every aggregate table gets rows.
const LOG = `case_id,activity,timestamp,lifecycle,team
c1,Refer case,2026-01-05T09:00:00Z,start,fno-returns
c1,Refer case,2026-01-05T10:00:00Z,complete,fno-returns
c1,Decide,2026-01-06T09:00:00Z,start,escorting
c1,Decide,2026-01-06T11:00:00Z,complete,escorting
c1,Refer case,2026-01-07T09:00:00Z,complete,fno-returns
c2,Refer case,2026-02-02T09:00:00Z,start,fno-returns
c2,Refer case,2026-02-02T12:00:00Z,complete,fno-returns
c2,Remove,2026-02-04T09:00:00Z,complete,escorting
c3,Refer case,2026-02-03T09:00:00Z,complete,redocumentation
c3,Decide,2026-02-05T09:00:00Z,complete,fno-returns
`;

const AGGREGATE_TABLES = ['insight_edges', 'insight_activities', 'insight_cases', 'insight_variants', 'insight_handoffs', 'insight_activity_times', 'insight_folds'];
const READS = ['dfg', 'variants', 'handoffs', 'time-split'];

describe('deleting a kept log while something else works on it', () => {
  let casemap: TestCasemap;
  let analyst: UserClient;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    analyst = await casemap.as('analyst');
  }, 120_000);
  afterAll(async () => casemap?.stop());

  const request = () => supertest(casemap.url);
  const auth = () => `Bearer ${analyst.token}`;
  /** Starts the request now (supertest sends on `then`) and resolves with its status. */
  const statusOf = (test: supertest.Test) => test.then((response) => response.status);
  const deleteLog = (id: string) => statusOf(request().delete(`/api/insights/logs/${id}`).set('Authorization', auth()));
  const read = (id: string, name: string) => statusOf(request().get(`/api/insights/logs/${id}/${name}`).set('Authorization', auth()));

  /** A kept log whose fold after the import has ended (committed, or found it gone). */
  async function keep(): Promise<string> {
    const created = await request().post('/api/insights/logs?name=race.csv').set('Authorization', auth()).set('Content-Type', 'text/csv').send(LOG).expect(201);
    await keptLogFoldsSettled();
    return created.body.id as string;
  }

  /** The rows left of a log: its record, its rows and, per table holding aggregates by source, its aggregates. */
  async function leftOf(id: string): Promise<Record<string, number>> {
    // Every insight_ table with a source column, so a table added later is checked too.
    const tables = (await casemap.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE column_name = 'source' AND table_name LIKE 'insight\\_%' AND table_schema = current_schema() ORDER BY table_name`,
    )).map((row) => row.table_name);
    expect(tables).toEqual(expect.arrayContaining(AGGREGATE_TABLES));
    const left: Record<string, number> = {
      imported_logs: (await casemap.db.query<{ n: number }>('SELECT count(*)::int AS n FROM imported_logs WHERE id = $1', [id]))[0]!.n,
      imported_log_events: (await casemap.db.query<{ n: number }>('SELECT count(*)::int AS n FROM imported_log_events WHERE log_id = $1', [id]))[0]!.n,
    };
    for (const table of tables) left[table] = (await casemap.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE source = $1`, [keptLogSource(id)]))[0]!.n;
    return left;
  }
  const nothingOf = async (id: string) => Object.fromEntries(Object.keys(await leftOf(id)).map((table) => [table, 0]));

  /**
   * Resolves once `count` other transactions wait for a lock the test's transaction `tx` holds. On
   * PGlite there is one connection: while the test's transaction is open nothing else runs, so
   * whatever was started waits for it by construction and there is nothing to watch.
   */
  async function waitingFor(tx: Sql, count: number): Promise<void> {
    if (casemap.db.kind === 'pglite') return;
    for (;;) {
      const [{ n }] = (await tx.query<{ n: number }>('SELECT count(DISTINCT pid)::int AS n FROM pg_locks WHERE NOT granted AND pg_backend_pid() = ANY (pg_blocking_pids(pid))')) as [{ n: number }];
      if (n >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it('has every aggregate table filled by the fold of the test log, so "none left" means something', async () => {
    const id = await keep();
    const left = await leftOf(id);
    for (const table of AGGREGATE_TABLES) expect(left[table], table).toBeGreaterThan(0);
  });

  it('a delete sent while a fold is written but not committed waits for it, then deletes the log and everything the fold wrote', async () => {
    const id = await keep();
    let deleted: Promise<number> | undefined;
    await casemap.db.transaction(async (tx) => {
      // The fold (the one after an import, or a read's) has taken the log's lock, found the log and written every aggregate row.
      await foldKeptLog(tx, id);
      deleted = deleteLog(id);
      await waitingFor(tx, 1);
      // The delete waits before removing anything, so a fold never reads a log half deleted.
      expect(await tx.query('SELECT 1 FROM imported_logs WHERE id = $1', [id])).toHaveLength(1);
    });
    expect(await deleted).toBe(204);
    expect(await leftOf(id)).toEqual(await nothingOf(id));
    expect(await read(id, 'dfg')).toBe(404);
  });

  it('a fold that starts while a delete is under way (between the import commit and its fold) finds the log gone and writes nothing', async () => {
    const id = await keep();
    // As between the import's commit and its fold: kept, not folded.
    await casemap.db.transaction((tx) => deleteInsightAggregates(tx, keptLogSource(id)));
    const warnings: string[] = [];
    let folded: Promise<void> | undefined;
    await casemap.db.transaction(async (tx) => {
      // The delete has taken the log's lock and removed the log, not yet committed; a fold that
      // looked for the log before taking the lock would find it and write after this commits.
      expect(await deleteImportedLog(tx, id)).toBe(true);
      folded = foldAfterImport(casemap.db, id, (message) => warnings.push(message));
      await waitingFor(tx, 1);
    });
    await folded;
    expect(warnings).toEqual([]);
    expect(await leftOf(id)).toEqual(await nothingOf(id));
  });

  it('reads that fold a log on first read while it is deleted answer 404 and fold nothing', async () => {
    const id = await keep();
    await casemap.db.transaction((tx) => deleteInsightAggregates(tx, keptLogSource(id)));
    let reads: Promise<number[]> | undefined;
    await casemap.db.transaction(async (tx) => {
      expect(await deleteImportedLog(tx, id)).toBe(true);
      // On PostgreSQL each read still finds the log (the delete is not committed) and no fold, so it folds: it waits for the lock.
      reads = Promise.all(READS.map((name) => read(id, name)));
      await waitingFor(tx, READS.length);
    });
    expect(await reads).toEqual(READS.map(() => 404));
    expect(await leftOf(id)).toEqual(await nothingOf(id));
  });

  it('reads whose look-up found the log folded, and whose aggregate statements wait for a delete that then commits, answer 404 on each route', async () => {
    const id = await keep();
    let reads: Promise<number[]> | undefined;
    await casemap.db.transaction(async (tx) => {
      // Every aggregate statement of the four answers reads one of these tables, the look-up (the log,
      // its fold record) none: on PostgreSQL each read finds the log folded, then waits here before its
      // statements take their snapshots, which come after the delete below has committed.
      await tx.query('LOCK TABLE insight_edges, insight_cases, insight_handoffs, insight_activity_times IN ACCESS EXCLUSIVE MODE');
      reads = Promise.all(READS.map((name) => read(id, name)));
      // The graph's statement, the report's four, the handoffs' and the time split's.
      await waitingFor(tx, 7);
      expect(await deleteImportedLog(tx, id)).toBe(true);
    });
    expect(await reads).toEqual(READS.map(() => 404));
    expect(await leftOf(id)).toEqual(await nothingOf(id));
  });

  it('a read beside the look-up that found the log, run after the delete has committed, finds the fold gone and answers 404, never empty figures', async () => {
    // The same order called step by step, so it holds on PGlite too (one connection: no lock can hold a read between the look-up and its statements).
    const [{ id: analystId }] = (await casemap.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'analyst'`)) as [{ id: string }];
    const user = (await findActiveUser(casemap.db, analystId))!;
    const answers: Record<string, (scope: AggregateScope) => Promise<ScopeAnswer<unknown>>> = {
      dfg: (scope) => scopeDfg(casemap.db, scope, {}),
      variants: (scope) => scopeReport(casemap.db, scope, {}, { maxVariants: 50, maxReworkCases: 50 }),
      handoffs: (scope) => scopeHandoffs(casemap.db, scope, {}),
      'time-split': (scope) => scopeTimeSplit(casemap.db, scope, {}),
    };
    for (const [name, answer] of Object.entries(answers)) {
      const id = await keep();
      let read: ScopeAnswer<unknown> | undefined;
      const answered = await keptLogAnswer(casemap.db, user, id, async (scope) => {
        // The look-up was sent first and finds the log; now the delete commits, then the reads run.
        expect(await deleteLog(id), name).toBe(204);
        return (read = await answer(scope));
      });
      expect(answered, name).toBeUndefined();
      // The reads saw, each in its own snapshot, that the fold is no longer recorded.
      expect(read?.folded, name).toBe(false);
    }
  });

  it('a delete that fails part-way leaves the log with its aggregates, never aggregates without a log, and can be sent again', async () => {
    const id = await keep();
    // Deleting this log's edges fails, as a crash or a lost connection would stop the delete there.
    await casemap.db.query(`CREATE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await casemap.db.query(`CREATE TRIGGER refuse_delete BEFORE DELETE ON insight_edges FOR EACH ROW WHEN (OLD.source = '${keptLogSource(id)}') EXECUTE FUNCTION refuse_delete()`);
    const before = await leftOf(id);
    try {
      expect(await deleteLog(id)).toBe(500);
      expect(await leftOf(id)).toEqual(before);
    } finally {
      await casemap.db.query('DROP TRIGGER refuse_delete ON insight_edges');
      await casemap.db.query('DROP FUNCTION refuse_delete()');
    }
    expect(await deleteLog(id)).toBe(204);
    expect(await leftOf(id)).toEqual(await nothingOf(id));
  });

  it('two deletes at once: one answers 204, the other 404, and nothing is left', async () => {
    const id = await keep();
    let deletes: Promise<number[]> | undefined;
    await casemap.db.transaction(async (tx) => {
      // Both deletes find the log, then wait for its lock (held here as a fold holds it).
      await lockInsightSource(tx, keptLogSource(id));
      deletes = Promise.all([deleteLog(id), deleteLog(id)]);
      await waitingFor(tx, 2);
    });
    expect((await deletes)!.sort()).toEqual([204, 404]);
    expect(await leftOf(id)).toEqual(await nothingOf(id));
  });
});
