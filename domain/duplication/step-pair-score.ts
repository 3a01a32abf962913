// How alike two steps are: label similarity, overlap of the data they capture, and step type.
// Shared by the blocked detector (similar-steps.ts) and the all-pairs baseline, so both agree.
import { actionsConflict, labelSimilarity, sharedSorted } from './labels.ts';
import type { IndexedStep } from './step-index.ts';

export const DEFAULT_SIMILAR_STEP_THRESHOLD = 0.7;
/** Below this label similarity, shared data alone never makes two steps the same check. */
export const MIN_LABEL_SIMILARITY_WITH_FIELDS = 0.2;
export const MIN_LABEL_SIMILARITY = 0.5;
export const MIN_FIELD_OVERLAP = 0.5;

export interface StepPairScore {
  score: number;
  labelSimilarity: number;
  /** Jaccard overlap of captured fields; undefined when either step captures nothing. */
  fieldOverlap?: number;
  sharedFields: string[];
  sameType: boolean;
  matched: boolean;
}

/** Steps in the same lane of the same model are one team's sequence, not duplication across teams. */
export function comparable(a: IndexedStep, b: IndexedStep): boolean {
  if (a.category === 'call' || b.category === 'call') return false;
  return a.model !== b.model || a.teamLane !== b.teamLane;
}

export function scoreStepPair(a: IndexedStep, b: IndexedStep, threshold = DEFAULT_SIMILAR_STEP_THRESHOLD): StepPairScore {
  const label = labelSimilarity(a.terms, b.terms);
  const sameType = a.category === b.category;
  const bothCapture = a.fields.length > 0 && b.fields.length > 0;
  const shared = bothCapture ? sharedSorted(a.fields, b.fields) : 0;
  const sharedFields = shared > 0 ? a.fields.filter((field) => b.fields.includes(field)) : [];
  const fieldOverlap = bothCapture ? shared / (a.fields.length + b.fields.length - shared) : undefined;
  const score = fieldOverlap === undefined ? 0.9 * label + 0.1 * (sameType ? 1 : 0) : 0.45 * label + 0.45 * fieldOverlap + 0.1 * (sameType ? 1 : 0);
  const conflict = actionsConflict(a.terms, b.terms);
  const byLabel = label >= MIN_LABEL_SIMILARITY && score >= threshold;
  const byData = fieldOverlap !== undefined && fieldOverlap >= MIN_FIELD_OVERLAP && sharedFields.length >= 2 && label >= MIN_LABEL_SIMILARITY_WITH_FIELDS;
  return { score, labelSimilarity: label, ...(fieldOverlap === undefined ? {} : { fieldOverlap }), sharedFields, sameType, matched: !conflict && (byLabel || byData) };
}
