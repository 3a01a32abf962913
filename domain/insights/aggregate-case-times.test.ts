import { describe, expect, it } from 'vitest';
import { analyseLog } from './analyse.ts';
import { CaseTimesFold } from './aggregate-case-times.ts';
import { rowsToEvents, type LogRow } from './formats/log-rows.ts';

const at = (minutes: number) => Date.parse('2026-03-02T09:00:00Z') + minutes * 60_000;

// A case handed from fno-returns to escorting, whose Book flight waited 30 min for a claim and was worked on for 45.
const rows: LogRow[] = [
  { caseId: 'c1', activity: 'Decide', at: at(0), lifecycle: 'start', team: 'fno-returns' },
  { caseId: 'c1', activity: 'Decide', at: at(10), lifecycle: 'complete', team: 'fno-returns' },
  { caseId: 'c1', activity: 'Book flight', at: at(20), lifecycle: 'schedule', team: 'escorting' },
  { caseId: 'c1', activity: 'Book flight', at: at(50), lifecycle: 'start', team: 'escorting' },
  { caseId: 'c1', activity: 'Book flight', at: at(95), lifecycle: 'complete', team: 'escorting' },
];

describe('CaseTimesFold', () => {
  it('sums a handoff and its delay until the receiving team claims, as the report counts them', () => {
    const fold = new CaseTimesFold();
    fold.addCase(rows);
    const [handoff] = [...fold.handoffs.values()];
    expect(handoff).toMatchObject({ day: '2026-03-02', fromTeam: 'fno-returns', toTeam: 'escorting', handoffs: 1, accepted: 1, overdue: 0 });
    expect(handoff!.delay).toEqual({ count: 1, sum: 30 * 60_000, sumsq: BigInt(30 * 60_000) ** 2n, min: 30 * 60_000, max: 30 * 60_000 });
    expect(analyseLog(rowsToEvents(rows).events, { now: '2026-04-01T00:00:00Z' }).handoffs[0]!.delay.mean).toBe(30 * 60_000);
  });

  it("splits a step's time into waiting and working, summed for every team and for the team that held it", () => {
    const fold = new CaseTimesFold();
    fold.addCase(rows);
    fold.addCase(rows.map((row) => ({ ...row, caseId: 'c2' })));
    const all = fold.activities.get('2026-03-02\u0000\u0000Book flight')!;
    const team = fold.activities.get('2026-03-02\u0000escorting\u0000Book flight')!;
    for (const sums of [all, team]) {
      expect([sums.cases, sums.executions, sums.completed]).toEqual([2, 2, 2]);
      expect([sums.waiting.sum, sums.processing.sum, sums.sojourn.sum]).toEqual([60 * 60_000, 90 * 60_000, 150 * 60_000]);
    }
  });

  it('adds no sample for work not yet claimed or completed', () => {
    const fold = new CaseTimesFold();
    fold.addCase([{ caseId: 'c3', activity: 'Remove', at: at(0), lifecycle: 'schedule', team: 'escorting' }]);
    const sums = fold.activities.get('2026-03-02\u0000\u0000Remove')!;
    expect([sums.executions, sums.completed, sums.waiting.count, sums.processing.count, sums.sojourn.count]).toEqual([1, 0, 0, 0, 0]);
    expect(sums.waiting.min).toBeNull();
  });
});
