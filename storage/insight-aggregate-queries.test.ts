import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { openTestStore } from './support/test-store.ts';
import { bucketsFor } from '../domain/insights/aggregate-buckets.ts';
import { aggregatedCaseCounts, aggregatedDfg, aggregatedVariants, casesWithRework, scopeWhere } from './insight-aggregate-queries.ts';
import { aggregatedActivityTimes, aggregatedHandoffs } from './insight-time-queries.ts';

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
});
