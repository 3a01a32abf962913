import { describe, expect, it } from 'vitest';
import { analysisContext } from './analysis-context.ts';
import { buildTraces } from './case-traces.ts';
import { at, threeCaseLog } from './log-builder.testing.ts';
import { rework } from './rework.ts';

describe('rework', () => {
  it('finds steps completed twice in a case and the loop that led back', () => {
    const traces = buildTraces(threeCaseLog());
    const report = rework(traces, analysisContext(traces, { now: at(12) }));
    // c1 completes A, B, A: one repeat of A, reached from B. A ran in 3 cases, repeated in 1.
    expect(report).toEqual({
      casesWithRework: 1,
      repeatedExecutions: 1,
      byElement: [
        { nodeId: 'A', name: 'Task A', cases: 3, casesWithRepeat: 1, repeatedExecutions: 1, reworkRate: 1 / 3 },
        { nodeId: 'B', name: 'Task B', cases: 2, casesWithRepeat: 0, repeatedExecutions: 0, reworkRate: 0 },
      ],
      loops: [{ from: 'B', to: 'A', fromName: 'Task B', toName: 'Task A', count: 1, cases: 1 }],
      cases: [{ caseId: 'c1', repeats: [{ nodeId: 'A', name: 'Task A', completions: 2 }] }],
    });
  });
});
