// Repeated fragments: the same run of steps or gateway block drawn in several places. Exact clones
// share a canonical string (normalised labels + structure); approximate clones are small fragments
// (≤ 6 nodes) whose greedy graph-edit similarity passes a threshold — reordered, renamed, one step
// more or less.
import { blockFragments, sequenceFragments, type Fragment } from './fragments.ts';
import { graphEditSimilarity } from './graph-edit-similarity.ts';
import { stepSignature } from './fragments.ts';
import { describeStep, indexLibrary, stepKey, type LibraryIndex } from './step-index.ts';
import type { Detector, Finding, StepRef } from './types.ts';

export const DEFAULT_APPROXIMATE_CLONE_THRESHOLD = 0.75;
export const DEFAULT_MAX_FRAGMENT_SIZE = 6;
/** Window length of the runs compared approximately; longer clones show as overlapping windows. */
const APPROXIMATE_WINDOW = 4;
const MAX_EXACT_LENGTH = 12;

const nodeKey = (fragment: Fragment, id: string): string => `${fragment.model}#${id}`;
const refs = (index: LibraryIndex, fragment: Fragment): StepRef[] => fragment.steps.map((step) => step.ref);

/** A short stable hash (FNV-1a, 32 bit) so a long canonical string makes a readable key. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function overlaps(a: Fragment, b: Fragment): boolean {
  return a.model === b.model && a.nodes.some((id) => b.nodes.includes(id));
}

interface ExactClones {
  findings: Finding[];
  /** Node key → ids of the exact groups kept, to keep approximate findings off the same ground. */
  coveredBy: Map<string, number[]>;
}

function exactClones(index: LibraryIndex, maxSize: number): ExactClones {
  const groups = new Map<string, Fragment[]>();
  for (const model of index.models) {
    for (const fragment of [...sequenceFragments(model, 2, MAX_EXACT_LENGTH), ...blockFragments(model, Math.max(maxSize, MAX_EXACT_LENGTH))]) {
      if (fragment.steps.every((step) => step.terms.signature === '-:')) continue;
      (groups.get(fragment.canonical) ?? groups.set(fragment.canonical, []).get(fragment.canonical)!).push(fragment);
    }
  }
  const candidates: Fragment[][] = [];
  for (const fragments of groups.values()) {
    const distinct: Fragment[] = [];
    for (const fragment of fragments) if (!distinct.some((kept) => overlaps(kept, fragment))) distinct.push(fragment);
    if (distinct.length >= 2) candidates.push(distinct);
  }
  // Largest first; a group whose every occurrence sits inside a kept larger occurrence is implied.
  candidates.sort((x, y) => y[0]!.nodes.length - x[0]!.nodes.length || (x[0]!.canonical < y[0]!.canonical ? -1 : 1));
  const keptOccurrences: Set<string>[] = [];
  const occurrencesByNode = new Map<string, number[]>();
  const coveredBy = new Map<string, number[]>();
  const findings: Finding[] = [];
  for (const fragments of candidates) {
    const implied = fragments.every((fragment) => {
      const keys = fragment.nodes.map((id) => nodeKey(fragment, id));
      return (occurrencesByNode.get(keys[0]!) ?? []).some((occurrence) => keys.every((key) => keptOccurrences[occurrence]!.has(key)));
    });
    if (implied) continue;
    const groupId = findings.length;
    for (const fragment of fragments) {
      const keys = fragment.nodes.map((id) => nodeKey(fragment, id));
      const occurrence = keptOccurrences.push(new Set(keys)) - 1;
      for (const key of keys) {
        (occurrencesByNode.get(key) ?? occurrencesByNode.set(key, []).get(key)!).push(occurrence);
        (coveredBy.get(key) ?? coveredBy.set(key, []).get(key)!).push(groupId);
      }
    }
    const first = fragments[0]!;
    const occurrences = fragments.map((fragment) => refs(index, fragment));
    const where = fragments.map((fragment) => `${index.models[fragment.model]!.entry.name} (${fragment.steps.map((step) => `"${step.ref.name}"`).join(' → ')})`);
    findings.push({
      detector: 'repeated-fragments',
      kind: 'exact-clone',
      key: `repeated-fragments:exact:${shortHash(first.canonical)}:${occurrences.map((steps) => stepKey(steps[0]!)).sort().join('|')}`,
      score: 1,
      occurrences,
      fields: [],
      signature: first.canonical,
      evidence: [
        `The same ${first.kind === 'block' ? 'gateway block' : `run of ${first.steps.length} steps`} appears ${fragments.length} times: ${where.join('; ')}.`,
        `Canonical form: ${first.canonical}.`,
      ],
    });
  }
  return { findings, coveredBy };
}

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_v, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

function mostlyCovered(fragment: Fragment, group: number, coveredBy: Map<string, number[]>): boolean {
  const inside = fragment.nodes.filter((id) => coveredBy.get(nodeKey(fragment, id))?.includes(group)).length;
  return inside * 2 >= fragment.nodes.length;
}

function approximateClones(index: LibraryIndex, exact: ExactClones, threshold: number, maxSize: number): Finding[] {
  const fragments: Fragment[] = [];
  for (const model of index.models) {
    fragments.push(...sequenceFragments(model, 3, Math.min(APPROXIMATE_WINDOW, maxSize)).filter((fragment) => fragment.nodes.length === Math.min(APPROXIMATE_WINDOW, maxSize) || fragment.nodes.length === 3));
    fragments.push(...blockFragments(model, maxSize));
  }
  // Blocking: only fragments sharing at least two step signatures are compared.
  const postings = new Map<string, number[]>();
  const signaturesOf = fragments.map((fragment) => [...new Set(fragment.steps.map(stepSignature))]);
  signaturesOf.forEach((signatures, id) => {
    for (const signature of signatures) (postings.get(signature) ?? postings.set(signature, []).get(signature)!).push(id);
  });
  const shared = new Int32Array(fragments.length);
  const stamp = new Int32Array(fragments.length).fill(-1);
  const unions = new UnionFind(fragments.length);
  const pairScore = new Map<number, number>();
  const matched = new Set<number>();
  fragments.forEach((a, i) => {
    const touched: number[] = [];
    for (const signature of signaturesOf[i]!) {
      for (const j of postings.get(signature)!) {
        if (j <= i) continue;
        if (stamp[j] !== i) {
          stamp[j] = i;
          shared[j] = 0;
          touched.push(j);
        }
        shared[j]! += 1;
      }
    }
    for (const j of touched) {
      if (shared[j]! < 2) continue;
      const b = fragments[j]!;
      if (a.canonical === b.canonical || overlaps(a, b)) continue;
      const groupsA = new Set(a.nodes.flatMap((id) => exact.coveredBy.get(nodeKey(a, id)) ?? []));
      if ([...groupsA].some((group) => mostlyCovered(a, group, exact.coveredBy) && mostlyCovered(b, group, exact.coveredBy))) continue;
      const { similarity, mappedNodes } = graphEditSimilarity(a, b, index.models);
      if (similarity < threshold || mappedNodes < 3) continue;
      unions.union(i, j);
      matched.add(i).add(j);
      for (const id of [i, j]) pairScore.set(id, Math.max(pairScore.get(id) ?? 0, similarity));
    }
  });
  const components = new Map<number, number[]>();
  for (const id of matched) {
    const root = unions.find(id);
    (components.get(root) ?? components.set(root, []).get(root)!).push(id);
  }
  const findings: Finding[] = [];
  for (const members of components.values()) {
    // Within one model, overlapping windows of the same region merge into one occurrence.
    const occurrences: Array<{ model: number; nodes: Set<string>; steps: StepRef[] }> = [];
    for (const id of members.sort((x, y) => x - y)) {
      const fragment = fragments[id]!;
      const into = occurrences.find((occurrence) => occurrence.model === fragment.model && fragment.nodes.some((node) => occurrence.nodes.has(node)));
      if (into) {
        for (const step of fragment.steps) if (!into.nodes.has(step.node.id)) into.steps.push(step.ref);
        for (const node of fragment.nodes) into.nodes.add(node);
      } else occurrences.push({ model: fragment.model, nodes: new Set(fragment.nodes), steps: refs(index, fragment) });
    }
    if (occurrences.length < 2) continue;
    const score = Math.max(...members.map((id) => pairScore.get(id) ?? 0));
    const first = fragments[Math.min(...members)]!;
    const stepLists = occurrences.map((occurrence) => occurrence.steps);
    findings.push({
      detector: 'repeated-fragments',
      kind: 'approximate-clone',
      key: `repeated-fragments:approximate:${stepLists.map((steps) => stepKey(steps[0]!)).sort().join('|')}`,
      score: Math.round(score * 1000) / 1000,
      occurrences: stepLists,
      fields: [],
      signature: first.canonical,
      evidence: [
        `Nearly the same steps (reordered, renamed or one more or less) in ${occurrences.length} places: ${stepLists.map((steps) => steps.map(describeStep).join(' → ')).join('; ')}.`,
        `Graph-edit similarity ${score.toFixed(2)} (greedy node mapping, an approximation of the optimal edit distance).`,
      ],
    });
  }
  return findings;
}

const repeatedFragments: Detector = {
  id: 'repeated-fragments',
  description: 'The same run of steps or gateway block drawn in several places (exact clones), or nearly the same (approximate clones).',
  detect(library, report, options) {
    const index = indexLibrary(library);
    const maxSize = options?.maxFragmentSize ?? DEFAULT_MAX_FRAGMENT_SIZE;
    const exact = exactClones(index, maxSize);
    for (const finding of exact.findings) report(finding);
    for (const finding of approximateClones(index, exact, options?.approximateCloneThreshold ?? DEFAULT_APPROXIMATE_CLONE_THRESHOLD, maxSize)) report(finding);
  },
};

export default repeatedFragments;
