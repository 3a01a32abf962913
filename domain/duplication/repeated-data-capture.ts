// Data captured more than once along one end-to-end path: the same field (or a synonym of it)
// asked for at a step and again at a later step reachable from it, following call activities into
// the called process. Exclusive branches are not one path, so they are not reported.
import { describeStep, indexLibrary, stepKey, type LibraryIndex, type ModelIndex } from './step-index.ts';
import type { Detector, Finding, StepRef } from './types.ts';

const MAX_CALL_DEPTH = 3;

interface Site {
  /** The node of the analysed model where the capture happens: the step, or the call activity. */
  node: string;
  step: StepRef;
  name: string;
  via?: StepRef;
  /** Where inside the called model, to order sites that share one call activity. */
  inner: { model: ModelIndex; node: string };
}

function sitesOf(index: LibraryIndex, model: ModelIndex): Map<string, Site[]> {
  const sites = new Map<string, Site[]>();
  const add = (key: string, site: Site): void => {
    (sites.get(key) ?? sites.set(key, []).get(key)!).push(site);
  };
  const collect = (inner: ModelIndex, depth: number, seen: Set<number>, at?: { node: string; via: StepRef }): void => {
    for (const step of inner.stepByNode.values()) {
      for (const [key, name] of step.fieldNames) add(key, { node: at?.node ?? step.node.id, step: step.ref, name, inner: { model: inner, node: step.node.id }, ...(at ? { via: at.via } : {}) });
      if (step.node.kind !== 'callActivity' || !step.node.calledElement || depth >= MAX_CALL_DEPTH) continue;
      const called = index.modelByCallable.get(step.node.calledElement);
      if (!called || seen.has(called.index)) continue;
      collect(called, depth + 1, new Set([...seen, called.index]), at ?? { node: step.node.id, via: step.ref });
    }
  };
  collect(model, 0, new Set([model.index]));
  return sites;
}

const reachabilityCache = new WeakMap<ModelIndex, (from: string) => Set<string>>();

function reachability(model: ModelIndex): (from: string) => Set<string> {
  const cached = reachabilityCache.get(model);
  if (cached) return cached;
  const attached = new Map<string, string[]>();
  for (const node of model.nodeById.values()) {
    if (node.attachedTo) (attached.get(node.attachedTo) ?? attached.set(node.attachedTo, []).get(node.attachedTo)!).push(node.id);
  }
  const cache = new Map<string, Set<string>>();
  const reach = (from: string): Set<string> => {
    let reached = cache.get(from);
    if (reached) return reached;
    reached = new Set();
    const queue = [...(model.outgoing.get(from) ?? []), ...(attached.get(from) ?? [])];
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (reached.has(id)) continue;
      reached.add(id);
      queue.push(...(model.outgoing.get(id) ?? []), ...(attached.get(id) ?? []));
    }
    cache.set(from, reached);
    return reached;
  };
  reachabilityCache.set(model, reach);
  return reach;
}

const describeSite = (site: Site): string => (site.via ? `${describeStep(site.step)} via call activity "${site.via.name}"` : describeStep(site.step));

export function repeatedCaptures(index: LibraryIndex, model: ModelIndex): Finding[] {
  const reach = reachability(model);
  const findings: Finding[] = [];
  for (const [key, sites] of sitesOf(index, model)) {
    if (sites.length < 2) continue;
    const involved = new Set<Site>();
    for (const first of sites) {
      for (const second of sites) {
        if (first === second || first.node === second.node) continue;
        if (reach(first.node).has(second.node)) involved.add(first).add(second);
      }
    }
    if (involved.size < 2) continue;
    // Earlier sites reach more of the others, so sorting by that puts them in path order.
    // Sites behind one call activity are ordered by the called model's own flow.
    const reaches = (site: Site): number => [...involved].filter((other) => other.node !== site.node && reach(site.node).has(other.node)).length;
    const innerReaches = (site: Site): number =>
      [...involved].filter((other) => other.inner.model === site.inner.model && reachability(site.inner.model)(site.inner.node).has(other.inner.node)).length;
    const ordered = [...involved].sort((a, b) => reaches(b) - reaches(a) || innerReaches(b) - innerReaches(a) || (stepKey(a.step) < stepKey(b.step) ? -1 : 1));
    const names = [...new Set(ordered.map((site) => site.name))];
    findings.push({
      detector: 'repeated-data-capture',
      kind: 'repeated-capture',
      key: `repeated-data-capture:${model.entry.definitionId}:${key}`,
      score: names.length === 1 ? 1 : 0.9,
      occurrences: ordered.map((site) => [site.step]),
      fields: [ordered[0]!.name],
      signature: key,
      evidence: [
        `${names.join(' / ')} is captured ${ordered.length} times on one path through ${model.entry.name}: ${ordered.map(describeSite).join(' → ')}.`,
        ...(names.length > 1 ? [`The field names differ but mean the same (${names.join(', ')}).`] : []),
      ],
    });
  }
  return findings;
}

const repeatedDataCapture: Detector = {
  id: 'repeated-data-capture',
  description: 'The same data asked for at more than one step along one path from start to end, including inside called processes.',
  detect(library, report) {
    const index = indexLibrary(library);
    for (const model of index.models) for (const finding of repeatedCaptures(index, model)) report(finding);
  },
};

export default repeatedDataCapture;
