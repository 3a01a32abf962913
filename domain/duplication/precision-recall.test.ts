// Precision and recall of each detector on the planted library, printed and held to thresholds.
import { describe, expect, it } from 'vitest';
import { findDuplication } from './analyse-library.ts';
import { generateLibrary } from './fixtures/generated-library.ts';
import { plantedLibrary, truth } from './fixtures/planted-library.ts';
import { fieldKey } from './labels.ts';
import { naiveSimilarStepPairs } from './naive-all-pairs.ts';
import { similarStepPairs } from './similar-steps.ts';
import { indexLibrary, stepKey } from './step-index.ts';
import type { Finding } from './types.ts';

const report = findDuplication(plantedLibrary);
const of = (kind: Finding['detector']): Finding[] => report.findings.filter((finding) => finding.detector === kind);

function score(name: string, truePositives: number, predicted: number, expected: number): { precision: number; recall: number } {
  const precision = predicted === 0 ? 1 : truePositives / predicted;
  const recall = expected === 0 ? 1 : Math.min(truePositives, expected) / expected;
  console.log(`${name}: precision ${precision.toFixed(2)} (${truePositives}/${predicted}), recall ${recall.toFixed(2)} (${Math.min(truePositives, expected)}/${expected})`);
  return { precision, recall };
}

const pairKey = (a: string, b: string): string => [a, b].sort().join('|');

describe('precision and recall on the planted library', () => {
  it('similar-steps finds the planted pairs and none of the near misses', () => {
    const predicted = new Set(of('similar-steps').map((finding) => pairKey(stepKey(finding.occurrences[0]![0]!), stepKey(finding.occurrences[1]![0]!))));
    const expected = new Set(truth.similarSteps.map(([a, b]) => pairKey(a, b)));
    const hits = [...predicted].filter((pair) => expected.has(pair)).length;
    const { precision, recall } = score('similar-steps', hits, predicted.size, expected.size);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    for (const [a, b] of truth.nearMisses) expect(predicted.has(pairKey(a, b))).toBe(false);
  });

  it('repeated-fragments finds the exact, reordered and split clones', () => {
    const findings = of('repeated-fragments');
    const groupOf = (steps: string[]): number | undefined =>
      truth.fragments.findIndex((group) => group.occurrences.some((occurrence) => steps.filter((step) => occurrence.includes(step as never)).length * 2 >= steps.length));
    const found = new Set<number>();
    let hits = 0;
    for (const finding of findings) {
      const groups = finding.occurrences.map((occurrence) => groupOf(occurrence.map(stepKey)));
      const group = groups[0];
      if (group !== undefined && group >= 0 && groups.every((other) => other === group)) {
        hits += 1;
        found.add(group);
      }
    }
    const { precision, recall } = score('repeated-fragments', hits, findings.length, truth.fragments.length);
    expect(found.size).toBe(hits);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('repeated-data-capture finds data asked for twice on one path', () => {
    const predicted = new Set(of('repeated-data-capture').map((finding) => `${finding.key.split(':')[1]}|${finding.signature}`));
    const expected = new Set(truth.repeatedCaptures.map(([definition, field]) => `${definition}|${fieldKey(field)}`));
    const hits = [...predicted].filter((item) => expected.has(item)).length;
    const { precision, recall } = score('repeated-data-capture', hits, predicted.size, expected.size);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('blocking', () => {
  it('finds exactly the pairs the all-pairs baseline finds', () => {
    for (const library of [plantedLibrary, generateLibrary({ models: 30, stepsPerModel: 30, seed: 3 })]) {
      const key = (pair: { a: { id: number }; b: { id: number } }): string => `${pair.a.id}-${pair.b.id}`;
      const blocked = similarStepPairs(indexLibrary(library)).map(key).sort();
      const naive = naiveSimilarStepPairs(library).map(key).sort();
      expect(blocked).toEqual(naive);
    }
  });

  it('gives the same report for the same library, whatever ran before', () => {
    expect(findDuplication([...plantedLibrary])).toEqual(report);
  });
});
