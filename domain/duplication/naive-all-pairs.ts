// The baseline the benchmark and tests compare against: every pair of steps scored, no blocking.
// Same scoring as similar-steps.ts, so any difference in results is a blocking bug.
import { comparable, scoreStepPair } from './step-pair-score.ts';
import { indexLibrary } from './step-index.ts';
import type { StepPair } from './similar-steps.ts';
import type { Library } from './types.ts';

export function naiveSimilarStepPairs(library: Library, threshold?: number): StepPair[] {
  const steps = indexLibrary(library).steps.filter((step) => step.category !== 'call');
  const pairs: StepPair[] = [];
  for (let i = 0; i < steps.length; i += 1) {
    for (let j = i + 1; j < steps.length; j += 1) {
      const a = steps[i]!;
      const b = steps[j]!;
      if (!comparable(a, b)) continue;
      const score = scoreStepPair(a, b, threshold);
      if (score.matched) pairs.push({ a, b, score });
    }
  }
  return pairs;
}
