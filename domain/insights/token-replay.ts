// Token-based replay of a log on a process's Petri net (after Rozinat and van der Aalst, as PM4Py computes it): tokens produced, consumed, missing and remaining give each case's fitness, and where they go missing or are left behind gives each step's deviations.
import { z } from 'zod';
import type { CaseLogEvent } from '../events/case-log-event.ts';
import type { ProcessIR } from '../process/ir.ts';
import { buildTraces } from './case-traces.ts';
import { petriNetOf, type PetriNet, type Transition } from './petri-net.ts';

export const TokenReplayElement = z.object({
  nodeId: z.string(),
  name: z.string(),
  /** Times the step happened in the log and was replayed. */
  executions: z.number().int(),
  /** Move on log: executions the model did not allow at that point (tokens were missing). */
  forced: z.number().int(),
  /** Move on model: cases the model left waiting for this step (tokens remained before it). */
  skipped: z.number().int(),
  /** (executions − forced) / (executions + skipped); null when the step neither happened nor was awaited. */
  fitness: z.number().nullable(),
});

export const TokenReplayReport = z.object({
  /** Cases with at least one completed step (the others have nothing to replay). */
  cases: z.number().int(),
  /** Cases replayed without a missing or remaining token (steps not in the model are counted apart, as PM4Py does by default). */
  fittingCases: z.number().int(),
  /** ½(1 − missing/consumed) + ½(1 − remaining/produced) over all cases, as PM4Py's log fitness. */
  fitness: z.number(),
  /** The mean of the cases' own fitness. */
  meanCaseFitness: z.number(),
  tokens: z.object({ produced: z.number().int(), consumed: z.number().int(), missing: z.number().int(), remaining: z.number().int() }),
  elements: z.array(TokenReplayElement),
  /** Move on log with no element to show it on: steps the model does not have. */
  notInModel: z.array(z.object({ activity: z.string(), occurrences: z.number().int(), cases: z.number().int() })),
});
export type TokenReplayReport = z.infer<typeof TokenReplayReport>;

/** What the API answers: the replay and the process version it was made on. */
export const VersionReplay = TokenReplayReport.extend({ definitionId: z.string(), version: z.number().int() });
export type VersionReplay = z.infer<typeof VersionReplay>;

/** Silent moves searched before giving up on enabling a step (or reaching the end) without missing tokens. */
const MAX_SILENT_MARKINGS = 2000;

type Marking = Int32Array;

const enabled = (t: Transition, m: Marking) => t.inputs.every((p) => m[p]! > 0);
function fire(t: Transition, m: Marking): Marking {
  const next = m.slice();
  for (const p of t.inputs) next[p]! -= 1;
  for (const p of t.outputs) next[p]! += 1;
  return next;
}

/** Breadth-first over silent transitions: the shortest firing sequence from `m` to a marking `goal` accepts, or undefined. */
function silentPath(net: PetriNet, silent: readonly Transition[], m: Marking, goal: (m: Marking) => boolean): Transition[] | undefined {
  if (goal(m)) return [];
  const seen = new Set([m.join()]);
  let frontier: { m: Marking; path: Transition[] }[] = [{ m, path: [] }];
  while (frontier.length > 0 && seen.size < MAX_SILENT_MARKINGS) {
    const next: typeof frontier = [];
    for (const state of frontier) {
      for (const t of silent) {
        if (!enabled(t, state.m)) continue;
        const m2 = fire(t, state.m);
        const key = m2.join();
        if (seen.has(key)) continue;
        seen.add(key);
        const path = [...state.path, t];
        if (goal(m2)) return path;
        next.push({ m: m2, path });
      }
    }
    frontier = next;
  }
  return undefined;
}

/** For each place, the steps a token there waits for: visible transitions reached through silent ones. */
function awaitedSteps(net: PetriNet): string[][] {
  const consumers = net.places.map(() => [] as Transition[]);
  for (const t of net.transitions) for (const p of t.inputs) consumers[p]!.push(t);
  return net.places.map((_, start) => {
    const found = new Set<string>();
    const seen = new Set<number>([start]);
    const queue = [start];
    while (queue.length > 0) {
      for (const t of consumers[queue.pop()!]!) {
        if (t.nodeId !== undefined) found.add(t.nodeId);
        else {
          for (const p of t.outputs) {
            if (seen.has(p)) continue;
            seen.add(p);
            queue.push(p);
          }
        }
      }
    }
    return [...found];
  });
}

/** Matches a logged step to a visible transition by element id, else by label (case and spacing ignored). */
function transitionMatcher(net: PetriNet): (nodeId: string, name: string) => Transition[] | undefined {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  const byNode = new Map<string, Transition[]>();
  const byLabel = new Map<string, Transition[]>();
  for (const t of net.transitions) {
    if (t.nodeId === undefined) continue;
    byNode.set(t.nodeId, [...(byNode.get(t.nodeId) ?? []), t]);
    byLabel.set(norm(t.label!), [...(byLabel.get(norm(t.label!)) ?? []), t]);
  }
  return (nodeId, name) => byNode.get(nodeId) ?? byLabel.get(norm(name));
}

/**
 * Replays each case's completed steps, in completion order, on the process's net. A case with no
 * completed step yet is left out, as discovery and PM4Py (which reads the complete events) leave it.
 */
export function replayLog(log: readonly CaseLogEvent[], ir: ProcessIR): TokenReplayReport {
  const traces = buildTraces(log)
    .filter((trace) => trace.completions.length > 0)
    .map((trace) => ({ steps: trace.completions.map((c) => ({ nodeId: c.nodeId, name: c.name })) }));
  return replayTraces(traces, petriNetOf(ir), new Map(ir.nodes.map((n) => [n.id, n.name ?? n.id])));
}

/** The replay itself, on any net: `names` gives each element's name for the report. */
export function replayTraces(traces: readonly { steps: readonly { nodeId: string; name: string }[] }[], net: PetriNet, names: ReadonlyMap<string, string>): TokenReplayReport {
  const silent = net.transitions.filter((t) => t.nodeId === undefined);
  const match = transitionMatcher(net);
  const awaited = awaitedSteps(net);
  const elements = new Map<string, { executions: number; forced: number; skipped: number }>();
  for (const t of net.transitions) if (t.nodeId !== undefined) elements.set(t.nodeId, { executions: 0, forced: 0, skipped: 0 });
  const notInModel = new Map<string, { occurrences: number; cases: number }>();
  const totals = { produced: 0, consumed: 0, missing: 0, remaining: 0 };
  let fitting = 0;
  let fitnessSum = 0;
  for (const trace of traces) {
    let m: Marking = new Int32Array(net.places.length);
    m[net.source] = 1;
    let produced = 1;
    let consumed = 0;
    let missing = 0;
    const seenOff = new Set<string>();
    const run = (t: Transition) => {
      consumed += t.inputs.length;
      produced += t.outputs.length;
      m = fire(t, m);
    };
    for (const step of trace.steps) {
      const candidates = match(step.nodeId, step.name);
      if (!candidates) {
        const entry = notInModel.get(step.name) ?? { occurrences: 0, cases: 0 };
        entry.occurrences += 1;
        if (!seenOff.has(step.name)) entry.cases += 1;
        seenOff.add(step.name);
        notInModel.set(step.name, entry);
        continue;
      }
      let t = candidates.find((c) => enabled(c, m));
      if (!t) {
        for (const c of candidates) {
          const path = silentPath(net, silent, m, (m2) => enabled(c, m2));
          if (path) {
            for (const s of path) run(s);
            t = c;
            break;
          }
        }
      }
      const element = elements.get((t ?? candidates[0]!).nodeId!)!;
      element.executions += 1;
      if (!t) {
        t = candidates[0]!;
        element.forced += 1;
        for (const p of t.inputs) {
          if (m[p]! === 0) {
            m[p] = 1;
            missing += 1;
          }
        }
      }
      run(t);
    }
    // As PM4Py: silent moves towards the end only while the end is not reached; tokens elsewhere are
    // left where they wait, so they name the steps the case skipped.
    for (const s of silentPath(net, silent, m, (m2) => m2[net.sink]! >= 1) ?? []) run(s);
    consumed += 1;
    if (m[net.sink]! === 0) missing += 1;
    else m[net.sink]! -= 1;
    let remaining = 0;
    const waiting = new Set<string>();
    m.forEach((tokens, p) => {
      if (tokens <= 0) return;
      remaining += tokens;
      for (const nodeId of awaited[p]!) waiting.add(nodeId);
    });
    for (const nodeId of waiting) elements.get(nodeId)!.skipped += 1;
    const fitness = 0.5 * (1 - missing / consumed) + 0.5 * (1 - remaining / produced);
    const fits = missing === 0 && remaining === 0;
    if (fits) fitting += 1;
    fitnessSum += fitness;
    totals.produced += produced;
    totals.consumed += consumed;
    totals.missing += missing;
    totals.remaining += remaining;
  }
  const logFitness = totals.consumed === 0 ? 1 : 0.5 * (1 - totals.missing / totals.consumed) + 0.5 * (1 - totals.remaining / totals.produced);
  return {
    cases: traces.length,
    fittingCases: fitting,
    fitness: logFitness,
    meanCaseFitness: traces.length === 0 ? 1 : fitnessSum / traces.length,
    tokens: totals,
    elements: [...elements]
      .map(([nodeId, e]) => ({ nodeId, name: names.get(nodeId) ?? nodeId, ...e, fitness: e.executions + e.skipped === 0 ? null : (e.executions - e.forced) / (e.executions + e.skipped) }))
      .sort((a, b) => (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0)),
    notInModel: [...notInModel].map(([activity, e]) => ({ activity, ...e })).sort((a, b) => b.occurrences - a.occurrences || (a.activity < b.activity ? -1 : 1)),
  };
}
