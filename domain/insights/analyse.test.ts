import { describe, expect, it } from 'vitest';
import { analyseLog } from './analyse.ts';
import { at, threeCaseLog } from './log-builder.testing.ts';
import { BottleneckReport } from './report.ts';
import { generateSyntheticLog } from './synthetic-log.ts';

describe('analyseLog', () => {
  it('produces a report that matches its schema, with the case counts of the log', () => {
    const report = analyseLog(threeCaseLog(), { now: at(12) });
    expect(BottleneckReport.parse(report)).toEqual(report);
    expect(report.cases).toEqual({ total: 3, open: 1, completed: 2, failed: 0, cancelled: 0 });
    expect(report.events).toBe(threeCaseLog().length);
    expect(report.generatedAt).toBe(at(12));
  });

  it('gives the same answer whatever order the cases are interleaved in', () => {
    const options = { start: '2026-01-05T09:00:00Z', seed: 11, cases: 60, until: '2026-04-01T00:00:00Z' } as const;
    const byTime = analyseLog(generateSyntheticLog({ ...options, order: 'time' }), { now: '2026-04-01T00:00:00Z' });
    const byCase = analyseLog(generateSyntheticLog({ ...options, order: 'case' }), { now: '2026-04-01T00:00:00Z' });
    const shuffled = generateSyntheticLog({ ...options, order: 'case' }).reverse();
    expect(byCase).toEqual(byTime);
    expect(analyseLog(shuffled, { now: '2026-04-01T00:00:00Z' }).elements).toEqual(byTime.elements);
  });

  it('keeps waiting + processing = sojourn for every completed task', () => {
    const report = analyseLog(generateSyntheticLog({ seed: 5, cases: 50, start: '2026-01-05T09:00:00Z' }), { now: '2027-01-01T00:00:00Z' });
    for (const element of report.elements.filter((e) => e.kind === 'task')) {
      expect(element.waiting.mean! * element.waiting.count / element.sojourn.count + element.processing.mean!).toBeCloseTo(element.sojourn.mean!, 0);
    }
  });
});
