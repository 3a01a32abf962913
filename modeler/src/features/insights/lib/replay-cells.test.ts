import { describe, expect, it } from 'vitest';
import { deviationLevel, replayCells } from './replay-cells.ts';

const replay = {
  cases: 2,
  fittingCases: 1,
  fitness: 0.9,
  meanCaseFitness: 0.9,
  tokens: { produced: 10, consumed: 10, missing: 1, remaining: 1 },
  elements: [
    { nodeId: 'Task_refer', name: 'Refer case', executions: 2, forced: 0, skipped: 0, fitness: 1 },
    { nodeId: 'Task_assess', name: 'Assess risk', executions: 1, forced: 0, skipped: 1, fitness: 0.5 },
    { nodeId: 'Task_book', name: 'Book tickets', executions: 2, forced: 2, skipped: 0, fitness: 0 },
    { nodeId: 'Task_never', name: 'Never reached', executions: 0, forced: 0, skipped: 0, fitness: null },
  ],
  notInModel: [],
};

describe('token replay on the diagram', () => {
  it('marks a step the log follows throughout palest and one it never follows darkest', () => {
    expect(deviationLevel(1)).toBe(1);
    expect(deviationLevel(0.5)).toBe(3);
    expect(deviationLevel(0)).toBe(4);
  });

  it('shows the fit share and the deviations of each replayed step, and nothing on a step neither done nor awaited', () => {
    const cells = replayCells(replay);
    expect(cells.map((c) => [c.nodeId, c.text, c.level])).toEqual([
      ['Task_refer', '100% fit', 1],
      ['Task_assess', '50% fit · 1 skipped', 3],
      ['Task_book', '0% fit · 2 forced', 4],
    ]);
    expect(cells[1]!.description).toBe('Assess risk: happened 1 time in the log, 0 of them where the diagram did not allow it (move on log); the diagram was left waiting for it in 1 case (move on model); fitness 50%.');
  });
});
