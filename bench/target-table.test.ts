import { describe, expect, it } from 'vitest';
import { compare, type Comparison } from './method/compare.ts';
import { formatTargetTable, targetRows } from './target-table.ts';

/** A comparison whose contenders report fixed figures every round. */
async function fixed(title: string, figures: Record<string, Record<string, number>>, ratios: Array<[string, string]>, ratioMeasures?: string[]): Promise<Comparison> {
  const measures = Object.keys(Object.values(figures)[0]!).map((key) => ({ key, unit: key, better: 'lower' as const }));
  return compare({ title, rounds: 5, warmupRounds: 0, measures, ratios, ratioMeasures, contenders: Object.entries(figures).map(([name, values]) => ({ name, does: name, run: () => values })) });
}

describe("issue #17's goal table", () => {
  it('takes each shape’s Casemap / bare ratio and says whether every shape meets the target', async () => {
    const engine = [
      await fixed('engine vs hand-written, (a) 10 sequential service tasks', { casemap: { casesPerSecond: 9, eventsPerCase: 60 }, 'handwritten-bare': { casesPerSecond: 10, eventsPerCase: 50 } }, [['casemap', 'handwritten-bare']]),
      await fixed('engine vs hand-written, (b) 5 user tasks via Updates', { casemap: { casesPerSecond: 5, eventsPerCase: 100 }, 'handwritten-bare': { casesPerSecond: 10, eventsPerCase: 50 } }, [['casemap', 'handwritten-bare']]),
    ];
    const [rate, events] = targetRows({ engine });
    expect(rate!.measured).toBe('a: 0.90× (0.90–0.90); b: 0.50× (0.50–0.50)');
    expect(rate!.met).toBe(false);
    expect(events!.measured).toBe('a: 1.20× (1.20–1.20); b: 2.00× (2.00–2.00)');
    expect(events!.met).toBe(false);
  });

  it('judges the knee by the API / SDK ratio and the latency by the API’s median p95', async () => {
    const knee = await fixed('load knee', { 'casemap via API': { knee: 4, completions: 20 }, 'casemap via SDK': { knee: 4.1, completions: 20.5 } }, [['casemap via API', 'casemap via SDK']], ['knee']);
    const latency = await fixed('completion → next task visible in the inbox, at 2.00 cases/s offered (10.0 completions/s)', { 'casemap via API': { p95VisibleMs: 48 }, 'casemap via SDK': { p95VisibleMs: 30 } }, []);
    const rows = targetRows({ knee, latency });
    expect(rows[2]!.met).toBe(true);
    expect(rows[2]!.measured).toContain('medians 20.0 and 20.5 completions/s');
    expect(rows[3]).toMatchObject({ measured: '48 ms (at 2.00 cases/s offered (10.0 completions/s))', met: true });
  });

  it('takes the better sink yardstick per shape as the cases/s bound, and says when it misses the target too', async () => {
    const sinks = (awaited: number, detached: number) => ({
      casemap: { casesPerSecond: 5 },
      'handwritten-sink-awaited': { casesPerSecond: awaited },
      'handwritten-sink-detached': { casesPerSecond: detached },
      'handwritten-bare': { casesPerSecond: 10 },
    });
    const ratios: Array<[string, string]> = [
      ['casemap', 'handwritten-bare'],
      ['handwritten-sink-awaited', 'handwritten-bare'],
      ['handwritten-sink-detached', 'handwritten-bare'],
    ];
    const engine = [
      await fixed('engine vs hand-written, (a) 10 sequential service tasks', sinks(9, 8), ratios),
      await fixed('engine vs hand-written, (b) 5 user tasks via Updates', sinks(6, 7), ratios),
    ];
    const [rate] = targetRows({ engine });
    expect(rate!.bound).toBe('a: 0.90× (0.90–0.90); b: 0.70× (0.70–0.70)');
    expect(rate!.reachable).toBe(false);
    expect(formatTargetTable({ engine })).toContain('| a: 0.90× (0.90–0.90); b: 0.70× (0.70–0.70) | not met; out of reach here (the bound misses it too) |');

    const reachable = [await fixed('engine vs hand-written, (a) 10 sequential service tasks', sinks(9, 8), ratios)];
    expect(targetRows({ engine: reachable })[0]!.reachable).toBe(true);
    expect(formatTargetTable({ engine: reachable })).toMatch(/\| not met \|$/m);
  });

  it('takes bare HTTP / SDK as the knee row’s bound', async () => {
    const knee = await fixed(
      'load knee',
      { 'casemap via API': { knee: 4, completions: 20 }, 'casemap via SDK': { knee: 5, completions: 25 }, 'bare HTTP (bound)': { knee: 4.6, completions: 23 } },
      [['casemap via API', 'casemap via SDK'], ['bare HTTP (bound)', 'casemap via SDK']],
      ['knee'],
    );
    const row = targetRows({ knee })[2]!;
    expect(row).toMatchObject({ met: false, bound: 'bare HTTP / SDK 0.92× (0.92–0.92)', reachable: false });
  });

  it('says a bench was not run rather than leaving a blank or a verdict', () => {
    const text = formatTargetTable({});
    expect(text).toContain('| cases/s, Casemap vs handwritten-bare (shapes a, b, c) | 0.46–0.50 | ≥ 0.85 | not run | — | — |');
    expect(targetRows({}).every((row) => row.met === undefined)).toBe(true);
  });
});
