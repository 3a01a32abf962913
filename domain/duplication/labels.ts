// Label normalisation and similarity: lower case, punctuation and stop words removed, Porter
// stems, synonyms (synonyms.ts) mapped to one canonical term, then a set similarity that treats
// the step's action (its first verb) apart from what it acts on.
import { stem } from './porter-stemmer.ts';
import { actionGroups, genericFields, stopWords, termGroups, type SynonymGroup } from './synonyms.ts';

/** A label read as an action and the things it acts on, all canonical. */
export interface LabelTerms {
  /** Always present (undefined when the label has no action word) so every object has one shape. */
  action: string | undefined;
  objects: string[];
  /** `action:objects` — equal for labels that mean the same after normalisation. */
  signature: string;
}

interface Canonical {
  canonical: string;
  action: boolean;
}

const stop = new Set(stopWords);

/** Lower-case words of a label or a field name (`travelDocumentNumber` → travel, document, number). */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((word) => word.length > 0);
}

function stems(text: string): string[] {
  return words(text)
    .filter((word) => !stop.has(word))
    .map(stem)
    .filter((word) => !stop.has(word));
}

// Phrases keyed by their stems; an action entry never overrides a term entry with the same stems.
const phrases = new Map<string, Canonical>();
let longestPhrase = 1;
function addGroups(groups: readonly SynonymGroup[], action: boolean): void {
  for (const group of groups) {
    for (const term of group.terms) {
      const key = stems(term).join(' ');
      if (!key || phrases.has(key)) continue;
      phrases.set(key, { canonical: group.canonical, action });
      longestPhrase = Math.max(longestPhrase, key.split(' ').length);
    }
  }
}
addGroups(termGroups, false);
addGroups(actionGroups, true);

/** Canonical tokens in label order, longest synonym phrase first. */
export function canonicalTokens(text: string): Canonical[] {
  const tokens = stems(text);
  const out: Canonical[] = [];
  for (let i = 0; i < tokens.length; ) {
    let matched = false;
    for (let length = Math.min(longestPhrase, tokens.length - i); length >= 1; length -= 1) {
      const found = phrases.get(tokens.slice(i, i + length).join(' '));
      if (found) {
        out.push(found);
        i += length;
        matched = true;
        break;
      }
    }
    if (!matched) {
      out.push({ canonical: tokens[i]!, action: false });
      i += 1;
    }
  }
  return out;
}

export function labelTerms(label: string): LabelTerms {
  const tokens = canonicalTokens(label);
  const action = tokens.find((token) => token.action)?.canonical;
  const objects = [...new Set(tokens.map((token) => token.canonical).filter((token) => token !== action))].sort();
  return { action, objects, signature: `${action ?? '-'}:${objects.join(' ')}` };
}

/** The canonical key of a data field name or label: same key, same case fact. */
export function fieldKey(name: string): string {
  return [...new Set(canonicalTokens(name).map((token) => token.canonical))].sort().join(' ');
}

const genericFieldKeys = new Set(genericFields.map(fieldKey));
/** Fields so general (notes, outcome…) that capturing them twice says nothing. */
export function isGenericField(key: string): boolean {
  return key.length === 0 || genericFieldKeys.has(key);
}

/** How many items two sorted lists of unique strings share (a merge, no allocation). */
export function sharedSorted(a: readonly string[], b: readonly string[]): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (a[i]! < b[j]!) i += 1;
    else j += 1;
  }
  return shared;
}

/** Sørensen–Dice over two sorted lists of unique strings (as LabelTerms.objects are). */
export function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  return (2 * sharedSorted(a, b)) / (a.length + b.length);
}

export const ACTION_CONFLICT_FACTOR = 0.4;

/**
 * Similarity in [0, 1]. Dice over the objects, then: the same action lifts it (0.2 + 0.8·dice), a
 * missing action on one side lowers it slightly (0.9·dice), and two different actions ("book" vs
 * "cancel") cap it at 0.4·dice, so "Book flight" never matches "Cancel flight".
 */
export function labelSimilarity(a: LabelTerms, b: LabelTerms): number {
  if (a.objects.length === 0 && b.objects.length === 0) return a.action !== undefined && a.action === b.action ? 1 : 0;
  return combine(a, b, dice(a.objects, b.objects));
}

/** The same rule as labelSimilarity, for a Dice score already computed (e.g. from shared counts). */
export function combine(a: LabelTerms, b: LabelTerms, objectDice: number): number {
  if (objectDice === 0) return 0;
  if (a.action && b.action) return a.action === b.action ? 0.2 + 0.8 * objectDice : ACTION_CONFLICT_FACTOR * objectDice;
  if (a.action || b.action) return 0.9 * objectDice;
  return objectDice;
}

export function actionsConflict(a: LabelTerms, b: LabelTerms): boolean {
  return a.action !== undefined && b.action !== undefined && a.action !== b.action;
}
