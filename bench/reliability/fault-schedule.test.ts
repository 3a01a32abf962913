import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../domain/insights/synthetic-log.ts';
import { planFaults } from './fault-schedule.ts';

describe('planFaults', () => {
  const counts = { 'worker-kill': 24, 'api-kill': 5, 'temporal-kill': 5, 'database-crash': 6 };

  it('plans every fault asked for, of each kind', () => {
    const plan = planFaults(counts, 1000, mulberry32(1));
    expect(plan.filter((fault) => fault.kind === 'database-crash')).toHaveLength(6);
    expect(plan).toHaveLength(40);
  });

  it('spreads the faults from the first cases to the last ones, in order of progress', () => {
    const points = planFaults(counts, 1000, mulberry32(2)).map((fault) => fault.afterFinished);
    expect(points).toEqual([...points].sort((a, b) => a - b));
    expect(points[0]).toBeLessThan(25);
    expect(points.at(-1)).toBeGreaterThan(950);
    expect(points.at(-1)).toBeLessThan(1000);
  });

  it('puts the last fault before the last case even when there are more faults than cases', () => {
    const points = planFaults(counts, 10, mulberry32(3)).map((fault) => fault.afterFinished);
    expect(Math.max(...points)).toBe(9);
  });

  it('repeats the same plan for the same seed', () => {
    expect(planFaults(counts, 500, mulberry32(4))).toEqual(planFaults(counts, 500, mulberry32(4)));
  });
});
