import { describe, expect, it } from 'vitest';
import { compare, type Contender } from './compare.ts';
import { formatComparison } from './print-comparison.ts';

/** Contenders that report fixed figures per round and log the order they ran in. */
function scripted(figures: Record<string, number[]>, log: string[]): Contender[] {
  return Object.entries(figures).map(([name, values]) => ({
    name,
    does: `does ${name}`,
    run: (round: number) => {
      log.push(`${name}${round}`);
      return { ms: round < 0 ? 1_000 : values[round]! };
    },
  }));
}

describe('the shared comparison method', () => {
  it('runs warm-up rounds first, then interleaves the contenders with a rotated order', async () => {
    const log: string[] = [];
    const result = await compare({ title: 't', rounds: 5, contenders: scripted({ A: [1, 1, 1, 1, 1], B: [2, 2, 2, 2, 2] }, log) });
    expect(log).toEqual(['A-1', 'B-1', 'A0', 'B0', 'B1', 'A1', 'A2', 'B2', 'B3', 'A3', 'A4', 'B4']);
    expect(result.order).toEqual([['A', 'B'], ['B', 'A'], ['A', 'B'], ['B', 'A'], ['A', 'B']]);
  });

  it('keeps warm-up figures out of the samples', async () => {
    const result = await compare({ title: 't', rounds: 5, warmupRounds: 2, contenders: scripted({ A: [5, 1, 4, 2, 3] }, []) });
    expect(result.contenders[0]!.samples.ms).toEqual([5, 1, 4, 2, 3]);
    expect(result.contenders[0]!.summaries.ms).toMatchObject({ median: 3, min: 1, max: 5, q1: 2, q3: 4 });
  });

  it('refuses fewer than five rounds', async () => {
    await expect(compare({ title: 't', rounds: 4, contenders: scripted({ A: [1, 1, 1, 1] }, []) })).rejects.toThrow(/at least 5/);
  });

  it('times a contender by the wall clock when it returns no figures', async () => {
    const result = await compare({ title: 't', rounds: 5, warmupRounds: 0, contenders: [{ name: 'A', does: 'waits', run: () => new Promise<void>((resolve) => setTimeout(resolve, 5)) }] });
    expect(result.contenders[0]!.summaries.ms!.min).toBeGreaterThanOrEqual(4);
  });

  it('refuses a ratio that names no contender', async () => {
    await expect(compare({ title: 't', rounds: 5, contenders: scripted({ A: [1, 1, 1, 1, 1] }, []), ratios: [['A', 'Z']] })).rejects.toThrow(/"Z"/);
  });

  it('prints each ratio with both medians beside it', async () => {
    const result = await compare({ title: 'Two things', rounds: 5, contenders: scripted({ A: [10, 20, 30, 40, 50], B: [5, 10, 15, 20, 25] }, []), ratios: [['A', 'B']] });
    const text = formatComparison(result);
    expect(text).toContain('- A / B = 2.00× (medians 30.0 and 15.0 ms; same-round ratios 2.00–2.00×)');
    expect(text).toContain('| A | 30.0 | 10.0 – 50.0 | 20.0 – 40.0 |');
    expect(text).toContain('- **B** — does B');
  });
});
