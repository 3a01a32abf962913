// Duplication analysis on a generated library (default 500 models × 50 steps), by the shared method
// (bench/method). Contenders, each building its own step index inside the timing:
// - findDuplication: all three static detectors plus clustering, as the API runs it;
// - similar steps, blocked: Casemap's similar-step search alone (inverted postings on (action,
//   object) terms; exact: it finds every pair the all-pairs rule finds);
// - similar steps, sorted neighbourhood: the record-linkage pruning baseline (bench/duplication),
//   three sort keys, each step scored against the next `--window − 1` in each order with the same
//   rule; it may miss pairs, so its recall against the blocked search is printed;
// - similar steps, naive all pairs (only with --naive: minutes at the default size): every pair scored.
// Warm-up rounds run on a 20-model library, so the JIT is warm without paying for a full run.
// Usage: npx tsx bench/duplication-bench.ts [--models 500] [--steps 50] [--window 20] [--naive]
import { pathToFileURL } from 'node:url';
import { findDuplication } from '../domain/duplication/analyse-library.ts';
import { generateLibrary } from '../domain/duplication/fixtures/generated-library.ts';
import { naiveSimilarStepPairs } from '../domain/duplication/naive-all-pairs.ts';
import { similarStepPairs, type StepPair } from '../domain/duplication/similar-steps.ts';
import { indexLibrary } from '../domain/duplication/step-index.ts';
import { sortedNeighbourhoodPairs, SORTED_NEIGHBOURHOOD_KEYS } from './duplication/sorted-neighbourhood.ts';
import { compare, type Contender } from './method/compare.ts';
import { printComparison } from './method/print-comparison.ts';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const key = (pair: StepPair): string => `${pair.a.ref.definitionId}#${pair.a.ref.nodeId}|${pair.b.ref.definitionId}#${pair.b.ref.nodeId}`;

export async function runDuplicationBench(options: { models?: number; stepsPerModel?: number; window?: number; naive?: boolean } = {}): Promise<void> {
  const models = options.models ?? option('models', 500);
  const stepsPerModel = options.stepsPerModel ?? option('steps', 50);
  const window = options.window ?? option('window', 20);
  const naive = options.naive ?? process.argv.includes('--naive');
  const library = generateLibrary({ models, stepsPerModel });
  const warmup = generateLibrary({ models: 20, stepsPerModel, seed: 7 });
  // Each run gets its own copy of the array, so the memoised step index is built inside the timing.
  const input = (round: number) => [...(round < 0 ? warmup : library)];
  const last: Record<string, StepPair[]> = {};
  let findings = 0;
  let clusters = 0;
  const pairsOf = (name: string, search: (round: number) => StepPair[]): Contender['run'] => (round) => {
    const pairs = search(round);
    if (round >= 0) last[name] = pairs;
  };

  const contenders: Contender[] = [
    {
      name: 'findDuplication',
      does: 'all three static detectors (similar steps, repeated fragments, repeated data capture) plus clustering, step index built inside.',
      run: (round) => {
        const result = findDuplication(input(round));
        if (round >= 0) [findings, clusters] = [result.findings.length, result.clusters.length];
      },
    },
    { name: 'blocked', does: "Casemap's similar-step search alone: step index, then inverted postings on (action, object) terms; exact.", run: pairsOf('blocked', (round) => similarStepPairs(indexLibrary(input(round)))) },
    {
      name: 'sorted neighbourhood',
      does: `multi-pass sorted-neighbourhood baseline: ${SORTED_NEIGHBOURHOOD_KEYS.length} passes (sorted by ${SORTED_NEIGHBOURHOOD_KEYS.map((k) => k.name).join('; ')}), each step scored against the next ${window - 1} with the same rule.`,
      run: pairsOf('sorted neighbourhood', (round) => sortedNeighbourhoodPairs(input(round), window)),
    },
  ];
  if (naive) contenders.push({ name: 'naive all pairs', does: 'every pair of steps scored with the same rule, no pruning.', run: pairsOf('naive all pairs', (round) => naiveSimilarStepPairs(input(round))) });

  const steps = indexLibrary(library).steps.length;
  await compare({
    title: `duplication analysis: ${models} models × ${stepsPerModel} steps = ${steps} steps (${((steps * (steps - 1)) / 2).toLocaleString('en-GB')} step pairs)`,
    notes: ['One process; warm-up rounds on a 20-model library (seed 7), timed rounds on the full library (seed 42).', naive ? 'The naive all-pairs baseline is included (--naive).' : 'The naive all-pairs baseline is left out (pass --naive to include it; it takes minutes at 500 × 50).'],
    contenders,
    ratios: [
      ['sorted neighbourhood', 'blocked'],
      ['findDuplication', 'blocked'],
      ...(naive ? ([['naive all pairs', 'blocked']] as Array<[string, string]>) : []),
    ],
  }).then(printComparison);

  const exact = new Set(last.blocked!.map(key));
  const found = last['sorted neighbourhood']!.filter((pair) => exact.has(key(pair))).length;
  console.log(`findDuplication: ${findings} findings, ${clusters} clusters. Similar-step pairs: blocked ${exact.size}; sorted neighbourhood ${last['sorted neighbourhood']!.length}, recall ${((100 * found) / Math.max(1, exact.size)).toFixed(1)}% of the blocked search's pairs (window ${window}).`);
  if (naive) {
    const all = last['naive all pairs']!;
    const same = all.length === exact.size && all.every((pair) => exact.has(key(pair)));
    console.log(`Blocked and naive all pairs find the same pairs: ${same ? 'yes' : 'NO'} (${all.length} naive).`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runDuplicationBench();
