// Checks a log against a process diagram: steps the model does not have, and step orders its flows do not allow.
import { z } from 'zod';
import type { CaseLogEvent } from '../events/case-log-event.ts';
import type { NodeKind, ProcessIR } from '../process/ir.ts';
import { buildTraces } from './case-traces.ts';

export const ConformanceReport = z.object({
  cases: z.number().int(),
  /** Cases whose every completed step is in the model and every consecutive pair is allowed. */
  conformingCases: z.number().int(),
  offModel: z.array(z.object({ activity: z.string(), occurrences: z.number().int(), cases: z.number().int() })),
  disallowedPairs: z.array(z.object({ from: z.string(), to: z.string(), fromName: z.string(), toName: z.string(), count: z.number().int(), cases: z.number().int() })),
  /** Cases whose first step cannot be the first step reached from a start event. */
  disallowedStarts: z.array(z.object({ nodeId: z.string(), name: z.string(), cases: z.number().int() })),
});
export type ConformanceReport = z.infer<typeof ConformanceReport>;

const activityKinds = new Set<NodeKind>(['task', 'userTask', 'serviceTask', 'receiveTask', 'sendTask', 'manualTask', 'scriptTask', 'businessRuleTask', 'callActivity']);

/**
 * For every activity of the model, the activities that may come next: those reached along sequence
 * flows through anything that is not an activity (gateways, events, boundary events on it, into and
 * out of sub-processes).
 */
export function allowedSuccessors(ir: ProcessIR): { next: Map<string, Set<string>>; starts: Set<string> } {
  const out = new Map<string, string[]>();
  const link = (from: string, to: string) => {
    const list = out.get(from);
    if (list) list.push(to);
    else out.set(from, [to]);
  };
  for (const flow of ir.flows) link(flow.source, flow.target);
  const byId = new Map(ir.nodes.map((n) => [n.id, n]));
  for (const node of ir.nodes) {
    if (node.attachedTo) link(node.attachedTo, node.id);
    if (node.parentId && node.kind === 'startEvent' && !node.triggeredByEvent) link(node.parentId + '\u0000enter', node.id);
  }
  // Leaving a sub-process's end event continues along the sub-process's own outgoing flows.
  const successors = (id: string): string[] => {
    const node = byId.get(id);
    const direct = [...(out.get(id) ?? [])];
    if (node && (node.kind === 'subProcess' || node.kind === 'transaction' || node.kind === 'adHocSubProcess')) direct.push(...(out.get(id + '\u0000enter') ?? []));
    if (node?.parentId && node.kind === 'endEvent') direct.push(...(out.get(node.parentId) ?? []));
    return direct;
  };
  const reach = (from: string[]): Set<string> => {
    const found = new Set<string>();
    const seen = new Set<string>();
    const queue = [...from];
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const node = byId.get(id);
      if (node && activityKinds.has(node.kind)) found.add(id);
      else queue.push(...successors(id));
    }
    return found;
  };
  const next = new Map<string, Set<string>>();
  for (const node of ir.nodes) if (activityKinds.has(node.kind)) next.set(node.id, reach(successors(node.id)));
  const mainStarts = ir.nodes.filter((n) => n.kind === 'startEvent' && !n.parentId && (ir.mainProcessId === undefined || n.processId === ir.mainProcessId));
  return { next, starts: reach(mainStarts.flatMap((n) => successors(n.id))) };
}

/** Matches a logged step to a model activity by element id, else by name (case and spacing ignored). */
function activityMatcher(ir: ProcessIR): (nodeId: string, name: string) => string | undefined {
  const ids = new Set(ir.nodes.filter((n) => activityKinds.has(n.kind)).map((n) => n.id));
  const byName = new Map<string, string>();
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  for (const node of ir.nodes) if (activityKinds.has(node.kind) && node.name && !byName.has(norm(node.name))) byName.set(norm(node.name), node.id);
  return (nodeId, name) => (ids.has(nodeId) ? nodeId : byName.get(norm(name)));
}

export function checkConformance(log: readonly CaseLogEvent[], ir: ProcessIR): ConformanceReport {
  const { next, starts } = allowedSuccessors(ir);
  const match = activityMatcher(ir);
  const nameOf = new Map(ir.nodes.map((n) => [n.id, n.name ?? n.id]));
  const offModel = new Map<string, { occurrences: number; cases: number }>();
  const pairs = new Map<string, { from: string; to: string; count: number; cases: number }>();
  const badStarts = new Map<string, number>();
  const traces = buildTraces(log);
  let conforming = 0;
  for (const trace of traces) {
    let ok = true;
    const seenOff = new Set<string>();
    const seenPairs = new Set<string>();
    let previous: string | undefined;
    trace.completions.forEach((task, i) => {
      const id = match(task.nodeId, task.name);
      if (id === undefined) {
        ok = false;
        const entry = offModel.get(task.name) ?? { occurrences: 0, cases: 0 };
        entry.occurrences += 1;
        if (!seenOff.has(task.name)) entry.cases += 1;
        seenOff.add(task.name);
        offModel.set(task.name, entry);
        previous = undefined;
        return;
      }
      if (i === 0 && !starts.has(id)) {
        ok = false;
        badStarts.set(id, (badStarts.get(id) ?? 0) + 1);
      }
      if (previous !== undefined && !next.get(previous)?.has(id)) {
        ok = false;
        const key = `${previous}\u0000${id}`;
        const entry = pairs.get(key) ?? { from: previous, to: id, count: 0, cases: 0 };
        entry.count += 1;
        if (!seenPairs.has(key)) entry.cases += 1;
        seenPairs.add(key);
        pairs.set(key, entry);
      }
      previous = id;
    });
    if (ok) conforming += 1;
  }
  return {
    cases: traces.length,
    conformingCases: conforming,
    offModel: [...offModel].map(([activity, e]) => ({ activity, ...e })).sort((a, b) => b.occurrences - a.occurrences || a.activity.localeCompare(b.activity)),
    disallowedPairs: [...pairs.values()]
      .map((p) => ({ ...p, fromName: nameOf.get(p.from) ?? p.from, toName: nameOf.get(p.to) ?? p.to }))
      .sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
    disallowedStarts: [...badStarts].map(([nodeId, cases]) => ({ nodeId, name: nameOf.get(nodeId) ?? nodeId, cases })).sort((a, b) => b.cases - a.cases || a.nodeId.localeCompare(b.nodeId)),
  };
}
