import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analysisContext } from './analysis-context.ts';
import { buildTraces } from './case-traces.ts';
import { directlyFollows } from './directly-follows.ts';
import { at, HOUR, threeCaseLog } from './log-builder.testing.ts';
import { generateSyntheticLog } from './synthetic-log.ts';

describe('directly-follows graph', () => {
  it('pairs consecutive completions per case with the time between them', () => {
    const traces = buildTraces(threeCaseLog());
    const graph = directlyFollows(traces, analysisContext(traces, { now: at(12) }));
    // c1: A(3) B(10) A(13) → A→B 7 h, B→A 3 h; c2: A(5) B(8) → A→B 3 h; c3: A only
    expect(graph.edges).toEqual([
      { from: 'A', to: 'B', fromName: 'Task A', toName: 'Task B', count: 2, duration: { count: 2, mean: 5 * HOUR, median: 5 * HOUR, p90: expect.closeTo(6.6 * HOUR, 3), max: 7 * HOUR } },
      { from: 'B', to: 'A', fromName: 'Task B', toName: 'Task A', count: 1, duration: { count: 1, mean: 3 * HOUR, median: 3 * HOUR, p90: 3 * HOUR, max: 3 * HOUR } },
    ]);
    expect(graph.starts).toEqual([{ nodeId: 'A', name: 'Task A', count: 3 }]);
    expect(graph.ends).toEqual([{ nodeId: 'A', name: 'Task A', count: 2 }, { nodeId: 'B', name: 'Task B', count: 1 }]);
  });

  it('has as many edge occurrences as completions minus one per case', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const traces = buildTraces(generateSyntheticLog({ seed, cases: 20, start: '2026-01-05T09:00:00Z' }));
        const graph = directlyFollows(traces, analysisContext(traces, { now: '2027-01-01T00:00:00Z' }));
        const expected = traces.reduce((sum, t) => sum + Math.max(0, t.completions.length - 1), 0);
        expect(graph.edges.reduce((sum, e) => sum + e.count, 0)).toBe(expected);
        expect(graph.starts.reduce((sum, s) => sum + s.count, 0)).toBe(traces.filter((t) => t.completions.length > 0).length);
      }),
      { numRuns: 20 },
    );
  });
});
