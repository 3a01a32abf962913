// Single-entry/single-exit fragments of a model, in canonical form: runs of consecutive steps and
// gateway blocks (split → one run of steps per branch → join). Lanes are ignored on purpose, so a
// fragment split across lanes still matches its single-lane twin.
import type { Node } from '../process/ir.ts';
import type { IndexedStep, ModelIndex } from './step-index.ts';

export interface Fragment {
  model: number;
  kind: 'sequence' | 'block';
  /** Node ids, gateways included, in flow order. */
  nodes: string[];
  /** The steps among `nodes`. */
  steps: IndexedStep[];
  /** Edges between positions in `nodes`. */
  edges: Array<[number, number]>;
  canonical: string;
}

const isGateway = (node: Node | undefined): boolean => node !== undefined && node.kind.endsWith('Gateway');

/** How a step reads in a canonical string; unnamed steps by their kind. */
export const stepSignature = (step: IndexedStep): string => (step.terms.signature === '-:' ? `?${step.node.kind}` : step.terms.signature);

function soleTarget(model: ModelIndex, id: string): string | undefined {
  const out = model.outgoing.get(id);
  return out && out.length === 1 ? out[0] : undefined;
}

function soleSource(model: ModelIndex, id: string): string | undefined {
  const incoming = model.incoming.get(id);
  return incoming && incoming.length === 1 ? incoming[0] : undefined;
}

/** Maximal runs of steps joined one-to-one by sequence flows. */
export function chains(model: ModelIndex): IndexedStep[][] {
  const runs: IndexedStep[][] = [];
  const next = (step: IndexedStep): IndexedStep | undefined => {
    const target = soleTarget(model, step.node.id);
    const candidate = target === undefined ? undefined : model.stepByNode.get(target);
    return candidate && soleSource(model, candidate.node.id) === step.node.id ? candidate : undefined;
  };
  const hasPrevious = new Set<string>();
  for (const step of model.stepByNode.values()) {
    const following = next(step);
    if (following) hasPrevious.add(following.node.id);
  }
  const visited = new Set<string>();
  const walk = (start: IndexedStep): void => {
    const run: IndexedStep[] = [];
    for (let step: IndexedStep | undefined = start; step && !visited.has(step.node.id); step = next(step)) {
      visited.add(step.node.id);
      run.push(step);
    }
    if (run.length > 0) runs.push(run);
  };
  for (const step of model.stepByNode.values()) if (!hasPrevious.has(step.node.id)) walk(step);
  // Whatever is left sits on a cycle of steps only; start it anywhere.
  for (const step of model.stepByNode.values()) if (!visited.has(step.node.id)) walk(step);
  return runs;
}

function sequence(model: ModelIndex, steps: IndexedStep[]): Fragment {
  return {
    model: model.index,
    kind: 'sequence',
    nodes: steps.map((step) => step.node.id),
    steps,
    edges: steps.slice(1).map((_step, i) => [i, i + 1] as [number, number]),
    canonical: steps.map(stepSignature).join(' > '),
  };
}

/** Every window of `minLength`..`maxLength` consecutive steps in every chain. */
export function sequenceFragments(model: ModelIndex, minLength: number, maxLength: number): Fragment[] {
  const out: Fragment[] = [];
  for (const run of chains(model)) {
    for (let length = minLength; length <= Math.min(maxLength, run.length); length += 1) {
      for (let start = 0; start + length <= run.length; start += 1) out.push(sequence(model, run.slice(start, start + length)));
    }
  }
  return out;
}

/**
 * Gateway blocks: a split whose every branch is a (possibly empty) run of steps ending at one join
 * that nothing else enters. Branches are sorted in the canonical form, so drawing order does not
 * matter. Nested blocks are not unfolded.
 */
export function blockFragments(model: ModelIndex, maxNodes: number): Fragment[] {
  const out: Fragment[] = [];
  for (const split of model.nodeById.values()) {
    const targets = model.outgoing.get(split.id) ?? [];
    if (!isGateway(split) || targets.length < 2) continue;
    const branches: IndexedStep[][] = [];
    let join: string | undefined;
    let ok = true;
    for (const target of targets) {
      const branch: IndexedStep[] = [];
      let current: string | undefined = target;
      while (current !== undefined && model.stepByNode.has(current) && soleSource(model, current) !== undefined && branch.length < maxNodes) {
        branch.push(model.stepByNode.get(current)!);
        current = soleTarget(model, current);
      }
      if (current === undefined || !isGateway(model.nodeById.get(current)) || (join !== undefined && join !== current)) {
        ok = false;
        break;
      }
      join = current;
      branches.push(branch);
    }
    if (!ok || join === undefined || join === split.id || (model.incoming.get(join)?.length ?? 0) !== targets.length) continue;
    const steps = branches.flat();
    const nodes = [split.id, ...steps.map((step) => step.node.id), join];
    if (steps.length < 2 || nodes.length > maxNodes) continue;
    const position = new Map(nodes.map((id, i) => [id, i]));
    const edges: Array<[number, number]> = [];
    for (const branch of branches) {
      const ids = [split.id, ...branch.map((step) => step.node.id), join];
      for (let i = 1; i < ids.length; i += 1) edges.push([position.get(ids[i - 1]!)!, position.get(ids[i]!)!]);
    }
    const kind = split.kind.replace('Gateway', '');
    const canonical = `${kind}(${branches.map((branch) => branch.map(stepSignature).join(' > ')).sort().join(' | ')})`;
    out.push({ model: model.index, kind: 'block', nodes, steps, edges, canonical });
  }
  return out;
}
