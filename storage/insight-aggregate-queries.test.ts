import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { openTestStore } from './support/test-store.ts';
import { bucketsFor } from '../domain/insights/aggregate-buckets.ts';
import { aggregatedCaseCounts, aggregatedDfg, aggregatedVariants, casesWithRework, scopeWhere } from './insight-aggregate-queries.ts';
import { aggregatedActivityTimes, aggregatedHandoffs } from './insight-time-queries.ts';
import { rollUpInsightAggregates } from './insight-rollup.ts';
import { migrationStatements } from './migrate.ts';

const source = 'definition:sample';
const all = { span: 'all' } as const;

/** An edge's all-time row: `ms` are its durations (whole ms), summed as the fold sums them. */
async function edge(db: Database, row: { version: number; team?: string; from: string; to: string; ms: number[]; flattening?: string }): Promise<void> {
  const sum = row.ms.reduce((a, b) => a + b, 0);
  await db.query(
    `INSERT INTO insight_edges (source, flattening, team, span, bucket, version, from_activity, to_activity, occurrences, sum_ms, sumsq_ms, min_ms, max_ms, loops, loop_cases)
     VALUES ($1, $2, $3, 'all', '1970-01-01', $4, $5, $6, $7, $8, $9, $10, $11, 0, 0)`,
    [source, row.flattening ?? '', row.team ?? '', row.version, row.from, row.to, row.ms.length, sum, row.ms.reduce((a, b) => a + b * b, 0), Math.min(...row.ms), Math.max(...row.ms)],
  );
}

describe('aggregate reads of a scope', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestStore();
    await edge(db, { version: 1, from: 'Refer', to: 'Decide', ms: [1000, 3000] });
    await edge(db, { version: 2, from: 'Refer', to: 'Decide', ms: [2000] });
    await edge(db, { version: 2, from: 'Decide', to: 'Remove', ms: [500] });
    await edge(db, { version: 2, team: 'escorting', from: 'Decide', to: 'Remove', ms: [700] });
    await edge(db, { version: 2, flattening: 'order', from: 'Refer', to: 'Decide', ms: [9000] });
  });
  afterAll(async () => db?.close());

  it('reads only the version asked for, and every version summed when none is', async () => {
    const one = await aggregatedDfg(db, { source, flattening: '', version: 1 }, '', all);
    expect(one.edges).toEqual([{ from: 'Refer', to: 'Decide', count: 2, sumMs: 4000, minMs: 1000, maxMs: 3000, loops: 0, loopCases: 0, stdevMs: Math.SQRT2 * 1000 }]);
    const every = await aggregatedDfg(db, { source, flattening: '' }, '', all);
    expect(every.edges.map((e) => [e.from, e.to, e.count, e.sumMs, e.minMs, e.maxMs, e.stdevMs])).toEqual(
      expect.arrayContaining([
        ['Refer', 'Decide', 3, 6000, 1000, 3000, 1000],
        ['Decide', 'Remove', 1, 500, 500, 500, null],
      ]),
    );
    expect(every.edges).toHaveLength(2);
  });

  it("reads one team's rows and one flattening's, never the others'", async () => {
    const team = await aggregatedDfg(db, { source, flattening: '' }, 'escorting', all);
    expect(team.edges.map((e) => [e.from, e.to, e.sumMs])).toEqual([['Decide', 'Remove', 700]]);
    const order = await aggregatedDfg(db, { source, flattening: 'order' }, '', all);
    expect(order.edges.map((e) => [e.from, e.to, e.sumMs])).toEqual([['Refer', 'Decide', 9000]]);
  });

  it('says in the same statement whether the source is folded', async () => {
    expect((await aggregatedDfg(db, { source, flattening: '' }, '', all)).folded).toBe(false);
    await db.query('INSERT INTO insight_folds (source) VALUES ($1)', [source]);
    expect((await aggregatedDfg(db, { source, flattening: '' }, '', all)).folded).toBe(true);
  });

  it('says beside every other read too, in the same statement, whether the source is folded', async () => {
    const other = { source: 'definition:other', flattening: '' };
    const reads = async () => [
      await aggregatedCaseCounts(db, other, {}),
      await aggregatedVariants(db, other, {}, 5),
      await casesWithRework(db, other, {}, 5),
      await aggregatedHandoffs(db, other, all),
      await aggregatedActivityTimes(db, other, all),
    ].map((read) => read.folded);
    expect(await reads()).toEqual([false, false, false, false, false]);
    await db.query('INSERT INTO insight_folds (source) VALUES ($1)', [other.source]);
    expect(await reads()).toEqual([true, true, true, true, true]);
  });

  it('answers nothing, not an error, for a reversed range, whatever else the question names', async () => {
    // The fuzzer found this on PostgreSQL: with no range to read, the team's parameter went unused and the statement was refused.
    const reversed = bucketsFor({ from: '2026-12-24', to: '1008-11-24' });
    const keptLog = { source: 'log:00000000-0000-0000-0000-000000000000', flattening: null };
    for (const scope of [{ source, flattening: '', version: 2 }, keptLog]) {
      const dfg = await aggregatedDfg(db, scope, 'escorting', reversed);
      expect([dfg.edges, dfg.activities]).toEqual([[], []]);
      expect((await aggregatedHandoffs(db, scope, reversed)).rows).toEqual([]);
      expect((await aggregatedActivityTimes(db, scope, reversed)).rows).toEqual([]);
    }
  });

  it('puts in a scope only the predicates its question has, each value a parameter', () => {
    const params: unknown[] = [];
    expect(scopeWhere({ source, flattening: '' }, params, 'escorting')).toBe('source = $1 AND flattening = $2 AND team = $3');
    expect(params).toEqual([source, '', 'escorting']);
    const versioned: unknown[] = ['earlier'];
    expect(scopeWhere({ source, flattening: '', version: 2 }, versioned)).toBe('source = $2 AND flattening = $3 AND version = $4');
    expect(versioned).toEqual(['earlier', source, '', 2]);
  });

  it("reads a kept log's owner in the same statement as its rows, and none for a process's log or a log not kept", async () => {
    const id = 'b2c0ffee-0000-4000-8000-000000000001';
    await db.query(`INSERT INTO imported_logs (id, name, format, imported_by, cases, events, skipped_rows, size_bytes) VALUES ($1, 'x.csv', 'csv', 'analyst-7', 0, 0, 0, 0)`, [id]);
    const kept = { source: `log:${id}`, flattening: null };
    const reads = async (scope: { source: string; flattening: string | null }) => [
      (await aggregatedDfg(db, scope, '', all)).logOwner,
      (await aggregatedCaseCounts(db, scope, {})).logOwner,
      (await aggregatedVariants(db, scope, {}, 5)).logOwner,
      (await casesWithRework(db, scope, {}, 5)).logOwner,
      (await aggregatedHandoffs(db, scope, all)).logOwner,
      (await aggregatedActivityTimes(db, scope, all)).logOwner,
    ];
    expect(await reads(kept)).toEqual(Array(6).fill('analyst-7'));
    expect(await reads({ source, flattening: '' })).toEqual(Array(6).fill(null));
    await db.query('DELETE FROM imported_logs WHERE id = $1', [id]);
    expect(await reads(kept)).toEqual(Array(6).fill(null));
  });

  it('makes, in migration 022, the block rows the fold makes from the day rows', async () => {
    const blocks = 'definition:blocks';
    // Day rows on either side of every block boundary, in two months and two versions.
    for (const [bucket, version, ms] of [['2026-01-01', 1, 100], ['2026-01-08', 1, 200], ['2026-01-09', 1, 300], ['2026-01-24', 2, 400], ['2026-01-25', 2, 500], ['2026-01-31', 2, 600], ['2026-02-28', 1, 700]] as const) {
      await db.query(
        `INSERT INTO insight_edges (source, flattening, team, span, bucket, version, from_activity, to_activity, occurrences, sum_ms, sumsq_ms, min_ms, max_ms, loops, loop_cases)
         VALUES ($1, '', '', 'day', $2, $3, 'Refer', 'Decide', 1, $4, $4::bigint * $4::bigint, $4, $4, 0, 0)`,
        [blocks, bucket, version, ms],
      );
      await db.query(
        `INSERT INTO insight_activities (source, flattening, team, span, bucket, version, activity, completions, starts, ends, cases, cases_repeated) VALUES ($1, '', '', 'day', $2, $3, 'Refer', 1, 1, 0, 1, 0)`,
        [blocks, bucket, version],
      );
      await db.query(
        `INSERT INTO insight_handoffs (source, flattening, span, bucket, version, from_team, to_team, handoffs, accepted, overdue, delay_n, delay_sum, delay_sumsq, delay_min, delay_max)
         VALUES ($1, '', 'day', $2, $3, 'a', 'b', 1, 1, 0, 1, $4, $4::bigint * $4::bigint, $4, $4)`,
        [blocks, bucket, version, ms],
      );
      await db.query(
        `INSERT INTO insight_activity_times (source, flattening, team, span, bucket, version, activity, executions, completed, cases, waiting_n, waiting_sum, waiting_sumsq, waiting_min, waiting_max,
           processing_n, processing_sum, processing_sumsq, processing_min, processing_max, sojourn_n, sojourn_sum, sojourn_sumsq, sojourn_min, sojourn_max)
         VALUES ($1, '', '', 'day', $2, $3, 'Refer', 1, 1, 1, 1, $4, $4::bigint * $4::bigint, $4, $4, 1, $4, $4::bigint * $4::bigint, $4, $4, 1, $4, $4::bigint * $4::bigint, $4, $4)`,
        [blocks, bucket, version, ms],
      );
    }
    const blockRows = async () => {
      const rows = [];
      for (const table of ['insight_edges', 'insight_activities', 'insight_handoffs', 'insight_activity_times']) {
        rows.push(...(await db.query(`SELECT '${table}' AS t, * FROM ${table} WHERE source = $1 AND span = 'block' ORDER BY bucket, version`, [blocks])));
      }
      return rows;
    };
    await db.transaction((tx) => rollUpInsightAggregates(tx, blocks));
    const byFold = await blockRows();
    expect(byFold.filter((row) => row.t === 'insight_edges').map((row) => [String(row.bucket).slice(0, 10), row.version, Number(row.sum_ms)])).toEqual([
      ['2026-01-01', 1, 300], ['2026-01-09', 1, 300], ['2026-01-17', 2, 400], ['2026-01-25', 2, 1100], ['2026-02-25', 1, 700],
    ]);
    for (const table of ['insight_edges', 'insight_activities', 'insight_handoffs', 'insight_activity_times']) await db.query(`DELETE FROM ${table} WHERE source = $1 AND span = 'block'`, [blocks]);
    await db.transaction(async (tx) => {
      for (const statement of migrationStatements('022-insight-blocks.sql')) await tx.query(statement);
    });
    expect(await blockRows()).toEqual(byFold);
  });
});
