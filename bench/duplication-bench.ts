// Duplication analysis on a generated library (500 models × 50 steps): findDuplication (blocked)
// against the naive all-pairs baseline for similar steps, measured side by side in one run.
// Usage: npx tsx bench/duplication-bench.ts [--models 500] [--steps 50]
import { performance } from 'node:perf_hooks';
import { findDuplication } from '../domain/duplication/analyse-library.ts';
import { generateLibrary } from '../domain/duplication/fixtures/generated-library.ts';
import { naiveSimilarStepPairs } from '../domain/duplication/naive-all-pairs.ts';
import { similarStepPairs } from '../domain/duplication/similar-steps.ts';
import { indexLibrary } from '../domain/duplication/step-index.ts';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const models = option('models', 500);
const stepsPerModel = option('steps', 50);
const library = generateLibrary({ models, stepsPerModel });

function time<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

// Warm the JIT on a small library so neither side pays for it.
findDuplication(generateLibrary({ models: 20, stepsPerModel, seed: 7 }));
naiveSimilarStepPairs(generateLibrary({ models: 20, stepsPerModel, seed: 7 }));

// Each measurement gets its own copy of the array, so the memoised step index is built inside it.
const full = time(() => findDuplication([...library]));
const blocked = time(() => similarStepPairs(indexLibrary([...library])));
const naive = time(() => naiveSimilarStepPairs([...library]));

const steps = full.result.steps;
const key = (pair: { a: { id: number }; b: { id: number } }): string => `${pair.a.id}-${pair.b.id}`;
const same = blocked.result.length === naive.result.length && new Set(blocked.result.map(key)).size === new Set([...blocked.result, ...naive.result].map(key)).size;
console.log(`library: ${models} models × ${stepsPerModel} steps = ${steps} steps (${(steps * (steps - 1)) / 2} step pairs)`);
console.log(`findDuplication (all detectors, clusters): ${full.ms.toFixed(0)} ms — ${full.result.findings.length} findings, ${full.result.clusters.length} clusters`);
console.log(`similar steps, blocked (index + pairs):    ${blocked.ms.toFixed(0)} ms — ${blocked.result.length} pairs`);
console.log(`similar steps, naive all pairs:            ${naive.ms.toFixed(0)} ms — ${naive.result.length} pairs`);
console.log(`same pairs from both: ${same ? 'yes' : 'NO'}`);
console.log(`ratio naive / blocked similar steps: ${(naive.ms / blocked.ms).toFixed(1)}×; naive similar steps / whole findDuplication: ${(naive.ms / full.ms).toFixed(1)}×`);
