// The candidate-pruning baseline for the similar-step search: the multi-pass sorted-neighbourhood
// method (Hernández & Stolfo, 1995). Each pass sorts the steps by a key and scores every step only
// against the next `window − 1` steps in that order, with the same rule as Casemap's blocked search
// (scoreStepPair); the passes' pairs are merged. It prunes like the well-known record-linkage
// baseline does and, unlike Casemap's blocking, may miss pairs whose keys sort far apart.
import { comparable, scoreStepPair } from '../../domain/duplication/step-pair-score.ts';
import { indexLibrary, type IndexedStep } from '../../domain/duplication/step-index.ts';
import type { StepPair } from '../../domain/duplication/similar-steps.ts';
import type { Library } from '../../domain/duplication/types.ts';

/** The sort keys, one pass each: the normalised label (action first), objects first, the captured data. */
export const SORTED_NEIGHBOURHOOD_KEYS: Array<{ name: string; key: (step: IndexedStep) => string }> = [
  { name: 'action, objects', key: (step) => step.terms.signature },
  { name: 'objects, action', key: (step) => `${step.terms.objects.join(' ')}|${step.terms.action ?? ''}` },
  { name: 'captured data', key: (step) => `${step.fields.join(' ')}|${step.terms.signature}` },
];

export function sortedNeighbourhoodPairs(library: Library, window: number, threshold?: number): StepPair[] {
  const all = indexLibrary(library).steps;
  const steps = all.filter((step) => step.category !== 'call');
  const seen = new Set<number>();
  const pairs: StepPair[] = [];
  for (const { key } of SORTED_NEIGHBOURHOOD_KEYS) {
    const keyed = steps.map((step) => ({ step, key: key(step) })).sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.step.id - y.step.id));
    for (let i = 0; i < keyed.length; i += 1) {
      for (let j = i + 1; j < Math.min(keyed.length, i + window); j += 1) {
        const [a, b] = keyed[i]!.step.id < keyed[j]!.step.id ? [keyed[i]!.step, keyed[j]!.step] : [keyed[j]!.step, keyed[i]!.step];
        const pairId = a.id * all.length + b.id;
        if (seen.has(pairId) || !comparable(a, b)) continue;
        seen.add(pairId);
        const score = scoreStepPair(a, b, threshold);
        if (score.matched) pairs.push({ a, b, score });
      }
    }
  }
  return pairs;
}
