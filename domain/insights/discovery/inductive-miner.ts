// Discovers a process tree from a log's variants with the inductive miner (Leemans et al.): find a cut in the directly-follows graph, split the log by it, recurse; a flower loop when no cut fits.
import type { ProcessTree, Variant } from './process-tree.ts';

interface Dfg {
  activities: string[];
  edges: Map<string, Set<string>>;
  starts: Set<string>;
  ends: Set<string>;
}

function dfgOf(log: readonly Variant[]): Dfg {
  const activities = new Set<string>();
  const edges = new Map<string, Set<string>>();
  const starts = new Set<string>();
  const ends = new Set<string>();
  for (const { activities: trace } of log) {
    if (trace.length === 0) continue;
    starts.add(trace[0]!);
    ends.add(trace[trace.length - 1]!);
    trace.forEach((a, i) => {
      activities.add(a);
      if (!edges.has(a)) edges.set(a, new Set());
      if (i > 0) edges.get(trace[i - 1]!)!.add(a);
    });
  }
  return { activities: [...activities].sort(), edges, starts, ends };
}

const has = (dfg: Dfg, a: string, b: string) => dfg.edges.get(a)?.has(b) ?? false;

/** Groups of `items` joined (transitively) wherever `joined(a, b)` holds, in order of first member. */
function components(items: readonly string[], joined: (a: string, b: string) => boolean): string[][] {
  const parent = new Map(items.map((a) => [a, a]));
  const find = (a: string): string => {
    let root = a;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(a, root);
    return root;
  };
  for (let i = 0; i < items.length; i += 1) for (let j = i + 1; j < items.length; j += 1) if (joined(items[i]!, items[j]!)) parent.set(find(items[i]!), find(items[j]!));
  const groups = new Map<string, string[]>();
  for (const a of items) {
    const root = find(a);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)!.push(a);
  }
  return [...groups.values()];
}

function reachability(dfg: Dfg): Map<string, Set<string>> {
  const reach = new Map<string, Set<string>>();
  for (const a of dfg.activities) {
    const seen = new Set<string>();
    const stack = [...(dfg.edges.get(a) ?? [])];
    while (stack.length > 0) {
      const b = stack.pop()!;
      if (seen.has(b)) continue;
      seen.add(b);
      for (const c of dfg.edges.get(b) ?? []) stack.push(c);
    }
    reach.set(a, seen);
  }
  return reach;
}

function xorCut(dfg: Dfg): string[][] | undefined {
  const groups = components(dfg.activities, (a, b) => has(dfg, a, b) || has(dfg, b, a));
  return groups.length > 1 ? groups : undefined;
}

function sequenceCut(dfg: Dfg): string[][] | undefined {
  const reach = reachability(dfg);
  const r = (a: string, b: string) => reach.get(a)!.has(b);
  // Same group when each reaches the other (a cycle) or neither reaches the other (unordered).
  const groups = components(dfg.activities, (a, b) => r(a, b) === r(b, a));
  if (groups.length < 2) return undefined;
  const before = (x: string[], y: string[]) => x.some((a) => y.some((b) => r(a, b)));
  groups.sort((x, y) => (before(x, y) ? -1 : before(y, x) ? 1 : 0));
  // A valid sequence cut orders every pair of groups one way only.
  for (let i = 0; i < groups.length; i += 1) for (let j = i + 1; j < groups.length; j += 1) if (before(groups[j]!, groups[i]!)) return undefined;
  return groups;
}

function parallelCut(dfg: Dfg): string[][] | undefined {
  // Different groups only when every pair across them follows each other both ways.
  const groups = components(dfg.activities, (a, b) => !(has(dfg, a, b) && has(dfg, b, a)));
  if (groups.length < 2) return undefined;
  const complete = (g: string[]) => g.some((a) => dfg.starts.has(a)) && g.some((a) => dfg.ends.has(a));
  const good = groups.filter(complete);
  const bad = groups.filter((g) => !complete(g));
  if (good.length === 0) return undefined;
  // A group without a start or an end activity cannot run on its own: it joins the first group.
  for (const g of bad) good[0]!.push(...g);
  return good.length > 1 ? good : undefined;
}

function loopCut(dfg: Dfg): string[][] | undefined {
  const body = new Set([...dfg.starts, ...dfg.ends]);
  const rest = dfg.activities.filter((a) => !body.has(a));
  const parts = components(rest, (a, b) => has(dfg, a, b) || has(dfg, b, a));
  const redos: string[][] = [];
  for (const part of parts) {
    const inPart = new Set(part);
    let redo = true;
    for (const a of dfg.activities) {
      for (const b of dfg.edges.get(a) ?? []) {
        // Entering a redo part only from an end activity; leaving it only to a start activity.
        if (!inPart.has(a) && inPart.has(b) && !dfg.ends.has(a)) redo = false;
        if (inPart.has(a) && !inPart.has(b) && !dfg.starts.has(b)) redo = false;
      }
      if (dfg.starts.has(a) && !inPart.has(a) && part.some((b) => has(dfg, a, b)) && !dfg.ends.has(a)) redo = false;
    }
    if (redo) redos.push(part);
    else part.forEach((a) => body.add(a));
  }
  if (redos.length === 0) return undefined;
  // The loop needs an end-to-start step through the redo part, or it is not a loop of this log.
  return [[...body].sort(), ...redos];
}

/** Sums the counts of equal traces, so each recursion works on distinct variants. */
function merge(traces: Iterable<Variant>): Variant[] {
  const byKey = new Map<string, Variant>();
  for (const t of traces) {
    const key = t.activities.join('\u001f');
    const seen = byKey.get(key);
    byKey.set(key, { activities: t.activities, count: (seen?.count ?? 0) + t.count });
  }
  return [...byKey.values()];
}

const project = (log: readonly Variant[], group: readonly string[]) => {
  const inGroup = new Set(group);
  return merge(log.map((t) => ({ activities: t.activities.filter((a) => inGroup.has(a)), count: t.count })));
};

function xorSplit(log: readonly Variant[], groups: string[][]): Variant[][] {
  const groupOf = new Map(groups.flatMap((g, i) => g.map((a) => [a, i] as const)));
  const parts: Variant[][] = groups.map(() => []);
  for (const t of log) {
    if (t.activities.length === 0) continue;
    // A trace belongs to the group most of its activities belong to (all of them, in a log that fits).
    const votes = groups.map(() => 0);
    for (const a of t.activities) votes[groupOf.get(a)!]! += 1;
    const best = votes.indexOf(Math.max(...votes));
    parts[best]!.push({ activities: t.activities.filter((a) => groupOf.get(a) === best), count: t.count });
  }
  return parts.map(merge);
}

function loopSplit(log: readonly Variant[], groups: string[][]): Variant[][] {
  const groupOf = new Map(groups.flatMap((g, i) => g.map((a) => [a, i] as const)));
  const parts: Variant[][] = groups.map(() => []);
  for (const t of log) {
    let run: string[] = [];
    let current = -1;
    const flush = () => {
      if (current >= 0) parts[current]!.push({ activities: run, count: t.count });
      run = [];
    };
    for (const a of t.activities) {
      const g = groupOf.get(a)!;
      if (g !== current) {
        flush();
        current = g;
      }
      run.push(a);
    }
    flush();
  }
  return parts.map(merge);
}

const flower = (activities: readonly string[]): ProcessTree => ({
  kind: 'loop',
  body: { kind: 'tau' },
  redo: activities.length === 1 ? { kind: 'activity', name: activities[0]! } : { kind: 'xor', children: activities.map((name) => ({ kind: 'activity', name })) },
});

function mine(log: readonly Variant[], depth: number): ProcessTree {
  const nonEmpty = log.filter((t) => t.activities.length > 0);
  if (nonEmpty.length === 0) return { kind: 'tau' };
  // Some cases did nothing here: the rest is optional.
  if (nonEmpty.length < log.length) return { kind: 'xor', children: [{ kind: 'tau' }, mine(nonEmpty, depth + 1)] };
  const dfg = dfgOf(log);
  if (dfg.activities.length === 1) {
    const name = dfg.activities[0]!;
    if (log.every((t) => t.activities.length === 1)) return { kind: 'activity', name };
    return { kind: 'loop', body: { kind: 'activity', name }, redo: { kind: 'tau' } };
  }
  if (depth > 200) return flower(dfg.activities);
  const xor = xorCut(dfg);
  if (xor) return { kind: 'xor', children: xorSplit(log, xor).map((part) => mine(part, depth + 1)) };
  const sequence = sequenceCut(dfg);
  if (sequence) return { kind: 'sequence', children: sequence.map((g) => mine(project(log, g), depth + 1)) };
  const parallel = parallelCut(dfg);
  if (parallel) return { kind: 'parallel', children: parallel.map((g) => mine(project(log, g), depth + 1)) };
  const loop = loopCut(dfg);
  if (loop) {
    const [body, ...redo] = loopSplit(log, loop).map((part) => mine(part, depth + 1));
    return { kind: 'loop', body: body!, redo: redo.length === 1 ? redo[0]! : { kind: 'xor', children: redo } };
  }
  return flower(dfg.activities);
}

/** Nested operators of one kind become one (a sequence in a sequence is one sequence). */
function flatten(tree: ProcessTree): ProcessTree {
  if (tree.kind === 'loop') return { kind: 'loop', body: flatten(tree.body), redo: flatten(tree.redo) };
  if (tree.kind !== 'sequence' && tree.kind !== 'xor' && tree.kind !== 'parallel') return tree;
  const children = tree.children.map(flatten).flatMap((c) => (c.kind === tree.kind ? c.children : [c]));
  return children.length === 1 ? children[0]! : { kind: tree.kind, children };
}

/**
 * A sound process tree that can replay every variant of the log (the inductive miner's guarantee).
 * Activities are whatever the variants name; an empty log gives a silent step.
 */
export function discoverProcessTree(variants: readonly Variant[]): ProcessTree {
  return flatten(mine(merge(variants), 0));
}
