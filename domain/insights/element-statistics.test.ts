import { describe, expect, it } from 'vitest';
import { analysisContext } from './analysis-context.ts';
import { buildTraces } from './case-traces.ts';
import { elementStatistics } from './element-statistics.ts';
import { at, caseLog, HOUR, threeCaseLog } from './log-builder.testing.ts';

const stats = (count: number, mean: number, median: number, p90: number, max: number) => ({ count, mean: mean * HOUR, median: median * HOUR, p90: expect.closeTo(p90 * HOUR, 3), max: max * HOUR });

describe('element statistics', () => {
  it('measures waiting, processing and sojourn per step of the three-case log', () => {
    // given the three-case log (see log-builder.testing.ts)
    const traces = buildTraces(threeCaseLog());
    // when
    const elements = elementStatistics(traces, analysisContext(traces, { now: at(12) }));
    // then
    const a = elements.find((e) => e.nodeId === 'A');
    const b = elements.find((e) => e.nodeId === 'B');
    // A: waiting 2,1 (c1) 1 (c2) 2 (c3) → [1,1,2,2]: mean 1.5, median 1.5, p90 at h = 2.7 → 2, max 2
    //    processing 1,2,3,2 → [1,2,2,3]: mean 2, median 2, p90 2 + 0.7 × 1 = 2.7; sojourn [3,3,4,4]
    expect(a).toEqual({
      nodeId: 'A', name: 'Task A', kind: 'task', team: 'a', cases: 3, executions: 4, completed: 4,
      waiting: stats(4, 1.5, 1.5, 2, 2), processing: stats(4, 2, 2, 2.7, 3), sojourn: stats(4, 3.5, 3.5, 4, 4),
    });
    // B: waiting 4 (c1), 1 (c2), c3 unclaimed → p90 = 1 + 0.9 × 3 = 3.7; processing 3, 2; sojourn 7, 3 → p90 6.6
    expect(b).toEqual({
      nodeId: 'B', name: 'Task B', kind: 'task', team: 'b', cases: 3, executions: 3, completed: 2,
      waiting: stats(2, 2.5, 2.5, 3.7, 4), processing: stats(2, 2.5, 2.5, 2.9, 3), sojourn: stats(2, 5, 5, 6.6, 7),
    });
    // the bottleneck (most total time: B 10 h, A 14 h) comes first
    expect(elements.map((e) => e.nodeId)).toEqual(['A', 'B']);
  });

  it('measures non-task elements from entered to completed, and leaves out a user task’s own element pass', () => {
    const log = caseLog('c1').start(0)
      .event('element-entered', 0, { nodeId: 'Gateway', data: { instanceId: 'g1' } })
      .event('element-completed', 2, { nodeId: 'Gateway', data: { instanceId: 'g1' } })
      .event('element-entered', 2, { nodeId: 'A', data: { instanceId: 't1' } })
      .task('A', 'Task A', { team: 'a', ready: 2, claimed: 3, completed: 5 })
      .event('element-completed', 5, { nodeId: 'A', data: { instanceId: 't1' } }).events;
    const traces = buildTraces(log);
    const elements = elementStatistics(traces, analysisContext(traces, { now: at(6) }));
    expect(elements.find((e) => e.nodeId === 'Gateway')).toMatchObject({ kind: 'element', executions: 1, sojourn: { count: 1, mean: 2 * HOUR } });
    expect(elements.find((e) => e.nodeId === 'A')).toMatchObject({ kind: 'task', executions: 1, sojourn: { count: 1, mean: 3 * HOUR } });
  });

  it('counts only working time when asked: Friday noon to Monday noon is one working day', () => {
    const log = caseLog('c1').start(96).task('A', 'Task A', { team: 'a', ready: 96, claimed: 96, completed: 168 }).events; // Fri 9 Jan 00:00 + 0 → Mon 12 Jan
    const traces = buildTraces(log.map((e) => ({ ...e, at: e.at.replace('T00:00', 'T12:00') })));
    const [calendar] = elementStatistics(traces, analysisContext(traces, { now: at(200) }));
    const [working] = elementStatistics(traces, analysisContext(traces, { now: at(200), time: 'working' }));
    expect(calendar!.sojourn.mean).toBe(72 * HOUR);
    expect(working!.sojourn.mean).toBe(24 * HOUR);
  });
});
