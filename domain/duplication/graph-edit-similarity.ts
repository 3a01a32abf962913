// Approximate graph-edit similarity of two small fragments (after Dijkman et al., 2009): a greedy
// node mapping by label similarity — not the optimal assignment — then the share of skipped nodes,
// skipped edges and substitution cost. Greedy keeps it O(n² log n) for fragments of ≤ 6 nodes.
import { labelSimilarity } from './labels.ts';
import type { Fragment } from './fragments.ts';
import type { ModelIndex } from './step-index.ts';

const WEIGHT_SKIPPED_NODES = 0.8;
const WEIGHT_SKIPPED_EDGES = 0.3;
const WEIGHT_SUBSTITUTION = 0.6;
const MIN_NODE_SIMILARITY = 0.5;

export interface EditSimilarity {
  similarity: number;
  mappedNodes: number;
}

function nodeSimilarity(a: Fragment, i: number, b: Fragment, j: number, models: readonly ModelIndex[]): number {
  const stepA = models[a.model]!.stepByNode.get(a.nodes[i]!);
  const stepB = models[b.model]!.stepByNode.get(b.nodes[j]!);
  if (stepA && stepB) return labelSimilarity(stepA.terms, stepB.terms);
  if (stepA || stepB) return 0;
  return models[a.model]!.nodeById.get(a.nodes[i]!)?.kind === models[b.model]!.nodeById.get(b.nodes[j]!)?.kind ? 1 : 0;
}

export function graphEditSimilarity(a: Fragment, b: Fragment, models: readonly ModelIndex[]): EditSimilarity {
  const scored: Array<[number, number, number]> = [];
  for (let i = 0; i < a.nodes.length; i += 1) {
    for (let j = 0; j < b.nodes.length; j += 1) {
      const similarity = nodeSimilarity(a, i, b, j, models);
      if (similarity >= MIN_NODE_SIMILARITY) scored.push([i, j, similarity]);
    }
  }
  scored.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
  const mapAtoB = new Map<number, number>();
  const usedB = new Set<number>();
  let substitution = 0;
  for (const [i, j, similarity] of scored) {
    if (mapAtoB.has(i) || usedB.has(j)) continue;
    mapAtoB.set(i, j);
    usedB.add(j);
    substitution += 1 - similarity;
  }
  const mapped = mapAtoB.size;
  const totalNodes = a.nodes.length + b.nodes.length;
  const edgesB = new Set(b.edges.map(([from, to]) => `${from}>${to}`));
  let keptEdges = 0;
  for (const [from, to] of a.edges) {
    const mappedFrom = mapAtoB.get(from);
    const mappedTo = mapAtoB.get(to);
    if (mappedFrom !== undefined && mappedTo !== undefined && edgesB.has(`${mappedFrom}>${mappedTo}`)) keptEdges += 1;
  }
  const totalEdges = a.edges.length + b.edges.length;
  const skippedNodes = (totalNodes - 2 * mapped) / totalNodes;
  const skippedEdges = totalEdges === 0 ? 0 : (totalEdges - 2 * keptEdges) / totalEdges;
  const substituted = mapped === 0 ? 0 : (2 * substitution) / (2 * mapped);
  const distance = (WEIGHT_SKIPPED_NODES * skippedNodes + WEIGHT_SKIPPED_EDGES * skippedEdges + WEIGHT_SUBSTITUTION * substituted) / (WEIGHT_SKIPPED_NODES + WEIGHT_SKIPPED_EDGES + WEIGHT_SUBSTITUTION);
  return { similarity: 1 - distance, mappedNodes: mapped };
}
