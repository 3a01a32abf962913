import { describe, expect, it } from 'vitest';
import { compareLog } from './compare.ts';
import { at, HOUR, threeCaseLog } from './log-builder.testing.ts';

describe('comparing two versions', () => {
  it('reports per-step deltas of waiting, processing and breach rate', () => {
    const comparison = compareLog(threeCaseLog(), { version: 1 }, { version: 2 }, { now: at(12) });
    // v1 = c1, v2 = c2 + c3. B waiting: v1 4 h, v2 1 h (c3 unclaimed) → −3 h; B breach rate 1/1 → 1/2.
    // A waiting: v1 (2, 1) 1.5 h, v2 (1, 2) 1.5 h → 0. Overall breach: v1 1/3, v2 1/4.
    expect(comparison.cases).toEqual({ base: 1, other: 2 });
    const b = comparison.elements.find((e) => e.nodeId === 'B');
    expect(b).toMatchObject({ waitingMean: { base: 4 * HOUR, other: HOUR, delta: -3 * HOUR }, breachRate: { base: 1, other: 0.5, delta: -0.5 } });
    expect(comparison.elements.find((e) => e.nodeId === 'A')?.waitingMean).toEqual({ base: 1.5 * HOUR, other: 1.5 * HOUR, delta: 0 });
    expect(comparison.overallBreachRate.delta).toBeCloseTo(1 / 4 - 1 / 3, 12);
  });
});
