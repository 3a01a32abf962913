import { describe, expect, it } from 'vitest';
import { compareFences, logPosition } from './case-log-fence.ts';

describe('case log fences', () => {
  const base = { runStartedMs: 1_000, historyLength: 20, taskStartedMs: 5_000 };

  it('orders attempts by run first, then history length, then the task start', () => {
    expect(compareFences({ ...base, runStartedMs: 2_000, historyLength: 3, taskStartedMs: 1 }, base)).toBeGreaterThan(0);
    expect(compareFences({ ...base, historyLength: 23, taskStartedMs: 1 }, base)).toBeGreaterThan(0);
    expect(compareFences({ ...base, taskStartedMs: 5_001 }, base)).toBeGreaterThan(0);
    expect(compareFences({ ...base, historyLength: 19, taskStartedMs: 9_000 }, base)).toBeLessThan(0);
    expect(compareFences({ ...base }, base)).toBe(0);
  });

  it("reads an event's position from its id, and nothing from an id of another case or shape", () => {
    expect(logPosition('case.child-1', 'case.child-1:42')).toBe(42);
    expect(logPosition('case', 'case.child-1:42')).toBeUndefined();
    expect(logPosition('case', 'case:x1')).toBeUndefined();
  });
});
