// The analytical store gives the same figures as a full recomputation: random kept logs imported
// through the API, their directly-follows graph (unfiltered, by case-start days, by team, both),
// variants and rework, handoffs and waiting vs working read from the aggregates, against analyseLog
// on the same rows — and again after the fold runs a second time (at least once), beside a second
// import, and while a fold is under way.
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTraces } from '../../domain/insights/case-traces.ts';
import { importCsv } from '../../domain/insights/formats/csv-import.ts';
import type { CaseLogEvent } from '../../domain/events/case-log-event.ts';
import type { AggregatedDfg, AggregatedHandoffs, AggregatedReport, AggregatedTimeSplit } from '../../domain/contract/insight-aggregates.ts';
import { expectSameDfg as sameDfg, expectSameHandoffs as sameHandoffs, expectSameReport as sameReport, expectSameTimeSplit as sameTimeSplit } from '../support/aggregate-expectations.ts';
import { foldKeptLog } from '../../storage/kept-log-fold.ts';
import { deleteInsightAggregates } from '../../storage/insight-rollup.ts';
import { startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';
import { mulberry32 } from '../../domain/insights/synthetic-log.ts';

interface Row { caseId: string; activity: string; at: number; lifecycle?: string; team?: string }

const ACTIVITIES = ['Refer case', 'Decide', 'Check barriers', 'Request document', 'Chase embassy', 'Book flight', 'Remove'];
const TEAMS = ['fno-returns', 'escorting', 'redocumentation', undefined];
const DAY = 86_400_000;

/** Cases starting over ~80 days from mid-December, each step logged in one of the lifecycle styles real extracts use, with rework. */
function randomLog(seed: number, cases: number, ties = 0): Row[] {
  const next = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const rows: Row[] = [];
  for (let c = 0; c < cases; c += 1) {
    const caseId = `case-${seed}-${c}`;
    let at = Date.parse('2025-12-18') + Math.floor(next() * 80 * DAY);
    // With `ties`, that share of rows come at the same instant as the row before.
    const step = () => (at += next() < ties ? 0 : 1 + Math.floor(next() * 3 * DAY));
    const steps = 1 + Math.floor(next() * 9);
    for (let s = 0; s < steps; s += 1) {
      // Early steps come back: rework loops.
      const activity = s > 2 && next() < 0.3 ? ACTIVITIES[Math.floor(next() * 3)]! : pick(ACTIVITIES);
      const team = pick(TEAMS);
      const style = next();
      if (style < 0.35) rows.push({ caseId, activity, at: step(), ...(team ? { team } : {}) });
      else if (style < 0.55) rows.push({ caseId, activity, at: step(), lifecycle: 'complete', ...(team ? { team } : {}) });
      else if (style < 0.75) {
        rows.push({ caseId, activity, at: step(), lifecycle: 'start', ...(team ? { team } : {}) });
        rows.push({ caseId, activity, at: step(), lifecycle: 'complete', ...(next() < 0.8 && team ? { team } : { team: pick(TEAMS.slice(0, 3)) }) });
      } else if (style < 0.9) {
        rows.push({ caseId, activity, at: step(), lifecycle: 'schedule', ...(team ? { team } : {}) });
        rows.push({ caseId, activity, at: step(), lifecycle: 'start', ...(team ? { team } : {}) });
        if (next() < 0.2) rows.push({ caseId, activity, at: step(), lifecycle: 'suspend', ...(team ? { team } : {}) });
        rows.push({ caseId, activity, at: step(), lifecycle: 'complete', ...(team ? { team } : {}) });
      } else rows.push({ caseId, activity, at: step(), lifecycle: next() < 0.5 ? 'ate_abort' : 'schedule', ...(team ? { team } : {}) });
    }
  }
  // Equal times keep the file's order: completions at one instant, and a case that never completes a step.
  const tie = Date.parse('2026-02-10T09:00:00Z');
  rows.push(
    { caseId: `tie-${seed}`, activity: 'Refer case', at: tie, team: 'fno-returns' },
    { caseId: `tie-${seed}`, activity: 'Decide', at: tie + 1000, team: 'fno-returns' },
    { caseId: `tie-${seed}`, activity: 'Book flight', at: tie + 1000, team: 'escorting' },
    { caseId: `tie-${seed}`, activity: 'Remove', at: tie + 1000, team: 'fno-returns' },
    { caseId: `open-${seed}`, activity: 'Refer case', at: tie, lifecycle: 'schedule' },
  );
  return rows;
}

const csvOf = (rows: readonly Row[]) =>
  ['case_id,activity,timestamp,lifecycle,team', ...rows.map((r) => `${r.caseId},${r.activity},${new Date(r.at).toISOString()},${r.lifecycle ?? ''},${r.team ?? ''}`)].join('\n') + '\n';

function eventsOf(rows: readonly Row[]): CaseLogEvent[] {
  const imported = importCsv(csvOf(rows), {});
  if (!imported.ok) throw new Error(imported.problem.message);
  return imported.events;
}

const startOf = (rows: readonly Row[]) => {
  const starts = new Map<string, number>();
  for (const r of rows) starts.set(r.caseId, Math.min(starts.get(r.caseId) ?? Infinity, r.at));
  return starts;
};

/** The rows PM4Py would keep filtering cases by start day, then events by team. */
function filtered(rows: readonly Row[], filter: { from?: string; to?: string; team?: string }): Row[] {
  const starts = startOf(rows);
  const from = filter.from ? Date.parse(filter.from) : -Infinity, to = filter.to ? Date.parse(filter.to) : Infinity;
  return rows.filter((r) => starts.get(r.caseId)! >= from && starts.get(r.caseId)! < to && (filter.team === undefined || r.team === filter.team));
}

const tracesOf = (rows: readonly Row[]) => buildTraces(eventsOf(rows));
const expectSameDfg = (answer: AggregatedDfg, rows: readonly Row[]) => sameDfg(answer, tracesOf(rows));
const expectSameReport = (answer: AggregatedReport, rows: readonly Row[], limits?: { maxVariants: number; maxReworkCases: number }) => sameReport(answer, tracesOf(rows), limits);
const expectSameHandoffs = (answer: AggregatedHandoffs, rows: readonly Row[]) => sameHandoffs(answer, tracesOf(rows));
const expectSameTimeSplit = (answer: AggregatedTimeSplit, rows: readonly Row[]) => sameTimeSplit(answer, tracesOf(rows));

describe('the analytical store of kept logs', () => {
  let casemap: TestCasemap;
  let analyst: UserClient;
  const logs: { id: string; rows: Row[] }[] = [];

  const keep = async (rows: Row[], name: string) => {
    const created = await supertest(casemap.url).post(`/api/insights/logs?name=${name}`).set('Authorization', `Bearer ${analyst.token}`).set('Content-Type', 'text/csv').send(csvOf(rows)).expect(201);
    logs.push({ id: created.body.id, rows });
    return created.body.id as string;
  };
  const dfgOf = async (id: string, query = '') => (await analyst.get(`/api/insights/logs/${id}/dfg${query}`).expect(200)).body as AggregatedDfg;
  const handoffsOf = async (id: string, query = '') => (await analyst.get(`/api/insights/logs/${id}/handoffs${query}`).expect(200)).body as AggregatedHandoffs;
  const timeSplitOf = async (id: string, query = '') => (await analyst.get(`/api/insights/logs/${id}/time-split${query}`).expect(200)).body as AggregatedTimeSplit;
  let tied: { id: string; rows: Row[] };
  const reportOf = async (id: string, query = '', limits = { maxVariants: 1000, maxReworkCases: 1000 }) =>
    (await analyst.get(`/api/insights/logs/${id}/variants?maxVariants=${limits.maxVariants}&maxReworkCases=${limits.maxReworkCases}${query}`).expect(200)).body as AggregatedReport;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    analyst = await casemap.as('analyst');
    await keep(randomLog(7, 90), 'first.csv');
    await keep(randomLog(8, 60), 'second.csv');
    // Kept apart: with completions at one instant after start/complete pairs, its graph orders them as PM4Py does, not as analyseLog.
    const rows = randomLog(10, 70, 0.3);
    tied = { id: await keep(rows, 'ties.csv'), rows };
    logs.pop();
  }, 120_000);
  afterAll(async () => casemap?.stop());

  it('answers the directly-follows graph of a whole log as analyseLog does', async () => {
    for (const log of logs) expectSameDfg(await dfgOf(log.id), log.rows);
  });

  it('answers cases started in a range of days, across a month boundary and within one month, as analyseLog with that filter', async () => {
    const [log] = logs;
    for (const [from, to] of [['2026-01-10', '2026-03-03'], ['2026-01-05', '2026-01-20'], [undefined, '2026-02-01'], ['2026-02-14', undefined]] as const) {
      const query = [from && `from=${from}`, to && `to=${to}`].filter(Boolean).join('&');
      const answer = await dfgOf(log!.id, `?${query}`);
      expectSameDfg(answer, filtered(log!.rows, { ...(from ? { from } : {}), ...(to ? { to } : {}) }));
      expect(answer.edges.length).toBeGreaterThan(0);
    }
  });

  it('answers any range of days, as analyseLog with that filter', async () => {
    // Ranges that begin or end on days with and without cases, on a month's first day, and a whole
    // month, random ones too; for every team and for one.
    const [log] = logs;
    const next = mulberry32(2027);
    const day = (offset: number) => new Date(Date.parse('2025-12-10') + offset * DAY).toISOString().slice(0, 10);
    const ranges: [string, string][] = [['2026-01-20', '2026-02-01'], ['2026-02-01', '2026-02-17'], ['2026-01-01', '2026-03-01'], ['2025-12-31', '2026-02-28']];
    while (ranges.length < 12) {
      const [a, b] = [Math.floor(next() * 100), Math.floor(next() * 100)].sort((x, y) => x - y) as [number, number];
      if (b > a) ranges.push([day(a), day(b)]);
    }
    for (const [from, to] of ranges) {
      expectSameDfg(await dfgOf(log!.id, `?from=${from}&to=${to}`), filtered(log!.rows, { from, to }));
      expectSameDfg(await dfgOf(log!.id, `?team=escorting&from=${from}&to=${to}`), filtered(log!.rows, { team: 'escorting', from, to }));
    }
  });

  it("answers one team as discovery on only that team's events, also within a range of days", async () => {
    const [log] = logs;
    for (const team of ['fno-returns', 'escorting', 'redocumentation']) {
      expectSameDfg(await dfgOf(log!.id, `?team=${team}`), filtered(log!.rows, { team }));
      expectSameDfg(await dfgOf(log!.id, `?team=${team}&from=2026-01-10&to=2026-02-20`), filtered(log!.rows, { team, from: '2026-01-10', to: '2026-02-20' }));
    }
    expect((await dfgOf(log!.id, '?team=nobody')).edges).toEqual([]);
  });

  it('answers variants with exact durations and rework as analyseLog does, whole and by case-start days', async () => {
    for (const log of logs) expectSameReport(await reportOf(log.id), log.rows);
    const [log] = logs;
    // Cut short, the lists keep the same first entries (ties by name, as the report orders them).
    expectSameReport(await reportOf(log!.id, '', { maxVariants: 4, maxReworkCases: 3 }), log!.rows, { maxVariants: 4, maxReworkCases: 3 });
    expectSameReport(await reportOf(log!.id, '&from=2026-01-10&to=2026-03-03'), filtered(log!.rows, { from: '2026-01-10', to: '2026-03-03' }));
  });

  it('answers handoffs between teams as analyseLog does, whole and by case-start days, also with many equal timestamps', async () => {
    for (const log of [...logs, tied]) {
      const answer = await handoffsOf(log.id);
      expectSameHandoffs(answer, log.rows);
      expect(answer.handoffs.some((h) => h.accepted > 0 && h.accepted < h.count)).toBe(true);
    }
    for (const [from, to] of [['2026-01-10', '2026-03-03'], ['2026-01-05', '2026-01-20']] as const) {
      for (const log of [logs[0]!, tied]) expectSameHandoffs(await handoffsOf(log.id, `?from=${from}&to=${to}`), filtered(log.rows, { from, to }));
    }
  });

  it('answers waiting vs working per step as analyseLog does, whole and by case-start days, also with many equal timestamps', async () => {
    for (const log of [...logs, tied]) expectSameTimeSplit(await timeSplitOf(log.id), log.rows);
    for (const [from, to] of [['2026-01-10', '2026-03-03'], ['2026-01-05', '2026-01-20']] as const) {
      for (const log of [logs[0]!, tied]) expectSameTimeSplit(await timeSplitOf(log.id, `?from=${from}&to=${to}`), filtered(log.rows, { from, to }));
    }
  });

  it('answers a read during a fold under way from that whole fold, once it commits, without folding again', async () => {
    const [log] = logs;
    const source = `log:${log!.id}`;
    const whole = [await dfgOf(log!.id), await reportOf(log!.id), await handoffsOf(log!.id), await timeSplitOf(log!.id)];
    await casemap.db.transaction((tx) => deleteInsightAggregates(tx, source));
    let answered = false;
    let reads: Promise<unknown[]> | undefined;
    const foldedAt = await casemap.db.transaction(async (tx) => {
      await foldKeptLog(tx, log!.id);
      // The fold has written every row but not committed: a read now must not answer from what it sees (nothing).
      reads = Promise.all([dfgOf(log!.id), reportOf(log!.id), handoffsOf(log!.id), timeSplitOf(log!.id)]).finally(() => (answered = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(answered).toBe(false);
      return (await tx.query<{ at: string }>('SELECT folded_at::text AS at FROM insight_folds WHERE source = $1', [source]))[0]!.at;
    });
    expect(await reads).toEqual(whole);
    expect((await casemap.db.query<{ at: string }>('SELECT folded_at::text AS at FROM insight_folds WHERE source = $1', [source]))[0]!.at).toBe(foldedAt);
  });

  it('folds a log with statistics that know it, so the planner does not take a new log for a row or two', async () => {
    // given: statistics taken while only earlier logs were there
    await casemap.db.query('ANALYZE imported_log_events');
    // when: another log is kept and folded (its first read waits for the fold)
    const rows = randomLog(12, 80);
    const id = await keep(rows, 'fifth.csv');
    logs.pop();
    expectSameDfg(await dfgOf(id), rows);
    // then: the planner's estimate of its rows is near their number (without a fresh sample it is 1 or 2)
    const [{ n }] = await casemap.db.query<{ n: number }>('SELECT count(*)::int AS n FROM imported_log_events WHERE log_id = $1', [id]) as [{ n: number }];
    const plan = await casemap.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT * FROM imported_log_events WHERE log_id = '${id}'`);
    const estimated = Number(/rows=(\d+)/.exec(plan[0]!['QUERY PLAN'])![1]);
    expect(estimated).toBeGreaterThan(n / 4);
  });

  it('folds an import once its rows are committed, and its first read answers from that whole fold', async () => {
    const id = await keep(randomLog(11, 30), 'fourth.csv');
    logs.pop();
    // Right after the import answers, the rows are there whether or not the fold has committed yet; the first read waits for it.
    const rows = await casemap.db.query<{ n: number }>('SELECT count(*)::int AS n FROM imported_log_events WHERE log_id = $1', [id]);
    expect(rows[0]!.n).toBeGreaterThan(0);
    expectSameTimeSplit(await timeSplitOf(id), randomLog(11, 30));
    expect(await casemap.db.query('SELECT 1 FROM insight_folds WHERE source = $1', [`log:${id}`])).toHaveLength(1);
  });

  it('gives the same answers after the fold runs again (at least once) and folds a log kept before the store existed on first read', async () => {
    const [log] = logs;
    const before = [await dfgOf(log!.id), await dfgOf(log!.id, '?team=escorting'), await reportOf(log!.id), await handoffsOf(log!.id), await timeSplitOf(log!.id)];
    const rowCount = async () => (await casemap.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM insight_edges WHERE source = $1`, [`log:${log!.id}`]))[0]!.n;
    const edges = await rowCount();
    await casemap.db.transaction((tx) => foldKeptLog(tx, log!.id));
    expect(await rowCount()).toBe(edges);
    expect([await dfgOf(log!.id), await dfgOf(log!.id, '?team=escorting'), await reportOf(log!.id), await handoffsOf(log!.id), await timeSplitOf(log!.id)]).toEqual(before);
    // Read in pages of 3 rows, cases are cut across pages and many are larger than a page.
    await casemap.db.transaction((tx) => foldKeptLog(tx, log!.id, { page: 3 }));
    expect([await dfgOf(log!.id), await dfgOf(log!.id, '?team=escorting'), await reportOf(log!.id), await handoffsOf(log!.id), await timeSplitOf(log!.id)]).toEqual(before);
    await casemap.db.transaction((tx) => deleteInsightAggregates(tx, `log:${log!.id}`));
    expect(await dfgOf(log!.id)).toEqual(before[0]);
    await casemap.db.transaction((tx) => deleteInsightAggregates(tx, `log:${log!.id}`));
    expect(await reportOf(log!.id)).toEqual(before[2]);
    await casemap.db.transaction((tx) => deleteInsightAggregates(tx, `log:${log!.id}`));
    expect(await handoffsOf(log!.id)).toEqual(before[3]);
    expect(await timeSplitOf(log!.id)).toEqual(before[4]);
  });

  it('refuses a bound that is not a calendar day, naming the field', async () => {
    const refused = await analyst.get(`/api/insights/logs/${logs[0]!.id}/dfg?from=2026-01-10T12:00:00Z`).expect(400);
    expect(JSON.stringify(refused.body)).toContain('query.from');
  });

  it('deletes the aggregates with the log', async () => {
    const id = await keep(randomLog(9, 5), 'third.csv');
    await supertest(casemap.url).delete(`/api/insights/logs/${id}`).set('Authorization', `Bearer ${analyst.token}`).expect(204);
    const left = await casemap.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM insight_edges WHERE source = $1) + (SELECT count(*) FROM insight_cases WHERE source = $1)
            + (SELECT count(*) FROM insight_handoffs WHERE source = $1) + (SELECT count(*) FROM insight_activity_times WHERE source = $1) AS n`,
      [`log:${id}`],
    );
    expect(Number(left[0]!.n)).toBe(0);
  });
});
