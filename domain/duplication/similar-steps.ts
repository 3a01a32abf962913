// Similar steps across lanes and processes: the same check done twice by different teams, found by
// label similarity (synonyms, stems), shared captured data and the same step type.
import { actionsConflict, combine, sharedSorted } from './labels.ts';
import { comparable, DEFAULT_SIMILAR_STEP_THRESHOLD, MIN_FIELD_OVERLAP, MIN_LABEL_SIMILARITY, MIN_LABEL_SIMILARITY_WITH_FIELDS, scoreStepPair, type StepPairScore } from './step-pair-score.ts';
import { describeStep, indexLibrary, stepKey, type IndexedStep, type LibraryIndex } from './step-index.ts';
import type { Detector, Finding } from './types.ts';

export interface StepPair {
  a: IndexedStep;
  b: IndexedStep;
  score: StepPairScore;
}

// Two steps can only match when they share an object term (or, with no objects, the action) and
// their actions do not conflict. Postings per (action, object) — plus per object for steps without
// an action — yield every candidate pair without comparing all pairs.
function postingKeys(step: IndexedStep): string[] {
  const { action, objects } = step.terms;
  if (objects.length === 0) return action ? [`!${action}`] : [];
  return objects.flatMap((object) => [`*|${object}`, `${action ?? '-'}|${object}`]);
}

function lookupKeys(step: IndexedStep): string[] {
  const { action, objects } = step.terms;
  if (objects.length === 0) return action ? [`!${action}`] : [];
  return action ? objects.flatMap((object) => [`${action}|${object}`, `-|${object}`]) : objects.map((object) => `*|${object}`);
}

// scoreStepPair's match rule on counts alone (no allocation), so only matches are fully scored.
function plausible(a: IndexedStep, b: IndexedStep, label: number, threshold = DEFAULT_SIMILAR_STEP_THRESHOLD): boolean {
  if (label < MIN_LABEL_SIMILARITY_WITH_FIELDS) return false;
  const type = a.category === b.category ? 0.1 : 0;
  if (a.fields.length === 0 || b.fields.length === 0) return label >= MIN_LABEL_SIMILARITY && 0.9 * label + type >= threshold;
  const shared = sharedSorted(a.fields, b.fields);
  const overlap = shared / (a.fields.length + b.fields.length - shared);
  return (label >= MIN_LABEL_SIMILARITY && 0.45 * label + 0.45 * overlap + type >= threshold) || (overlap >= MIN_FIELD_OVERLAP && shared >= 2);
}

export function similarStepPairs(index: LibraryIndex, threshold?: number): StepPair[] {
  const postings = new Map<string, number[]>();
  const candidates = index.steps.filter((step) => step.category !== 'call');
  for (const step of candidates) {
    for (const key of postingKeys(step)) (postings.get(key) ?? postings.set(key, []).get(key)!).push(step.id);
  }
  const stamp = new Int32Array(index.steps.length).fill(-1);
  const shared = new Int32Array(index.steps.length);
  const pairs: StepPair[] = [];
  const touched = new Int32Array(index.steps.length);
  for (const a of candidates) {
    let touchedCount = 0;
    for (const key of lookupKeys(a)) {
      for (const id of postings.get(key) ?? []) {
        if (id <= a.id) continue;
        if (stamp[id] !== a.id) {
          stamp[id] = a.id;
          shared[id] = 0;
          touched[touchedCount++] = id;
        }
        shared[id]! += 1;
      }
    }
    for (let t = 0; t < touchedCount; t += 1) {
      const id = touched[t]!;
      const b = index.steps[id]!;
      if (!comparable(a, b) || actionsConflict(a.terms, b.terms)) continue;
      // Shared-term counts give the label similarity cheaply; only plausible pairs are fully scored.
      if (a.terms.objects.length > 0 && !plausible(a, b, combine(a.terms, b.terms, (2 * shared[id]!) / (a.terms.objects.length + b.terms.objects.length)), threshold)) continue;
      const score = scoreStepPair(a, b, threshold);
      if (score.matched) pairs.push({ a, b, score });
    }
  }
  return pairs;
}

export function similarStepFinding({ a, b, score }: StepPair): Finding {
  const [first, second] = stepKey(a.ref) <= stepKey(b.ref) ? [a, b] : [b, a];
  const sharedTerms = first.terms.objects.filter((term) => second.terms.objects.includes(term));
  const evidence = [
    `${describeStep(first.ref)} and ${describeStep(second.ref)} read as the same step: ${[first.terms.action, ...sharedTerms].filter(Boolean).join(', ')} (label similarity ${score.labelSimilarity.toFixed(2)}).`,
  ];
  if (score.sharedFields.length > 0) {
    const names = score.sharedFields.map((field) => first.fieldNames.get(field) ?? field);
    evidence.push(`Both capture ${names.join(', ')} (data overlap ${(score.fieldOverlap ?? 0).toFixed(2)}).`);
  }
  evidence.push(score.sameType ? `Both are the same kind of step (${first.ref.kind}).` : `Different kinds of step: ${first.ref.kind} and ${second.ref.kind}.`);
  if (first.ref.team !== second.ref.team) evidence.push(`Done by ${first.ref.team ?? 'no team'} and by ${second.ref.team ?? 'no team'}.`);
  return {
    detector: 'similar-steps',
    kind: 'similar-step',
    key: `similar-steps:${stepKey(first.ref)}|${stepKey(second.ref)}`,
    score: Math.round(score.score * 1000) / 1000,
    occurrences: [[first.ref], [second.ref]],
    fields: score.sharedFields,
    signature: first.terms.signature <= second.terms.signature ? first.terms.signature : second.terms.signature,
    evidence,
  };
}

const similarSteps: Detector = {
  id: 'similar-steps',
  description: 'Steps in different lanes or processes that do the same work: alike labels (with synonyms), the same captured data, the same kind of step.',
  detect(library, report, options) {
    for (const pair of similarStepPairs(indexLibrary(library), options?.similarStepThreshold)) report(similarStepFinding(pair));
  },
};

export default similarSteps;
