// What changed between two versions of a process: elements added, removed and changed (with the
// properties that differ), so a designer can review a deploy and the modeller can colour a diff.
import type { Flow, Node, ProcessIR } from './ir.ts';

export interface ElementChange {
  id: string;
  name?: string;
  type: string;
  /** Property names whose values differ, e.g. `name`, `owner`, `sla`, `form`, `target`. */
  changed: string[];
}

export interface IrDiff {
  added: ElementChange[];
  removed: ElementChange[];
  changed: ElementChange[];
}

type Element = (Node & { type: string }) | (Flow & { type: string });

function elements(ir: ProcessIR): Map<string, Element> {
  const all = new Map<string, Element>();
  for (const node of ir.nodes) all.set(node.id, { ...node, type: node.kind });
  for (const flow of ir.flows) all.set(flow.id, { ...flow, type: 'sequenceFlow' });
  return all;
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_key, inner) => (inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner));
}

export function diffIr(before: ProcessIR, after: ProcessIR): IrDiff {
  const old = elements(before);
  const now = elements(after);
  const diff: IrDiff = { added: [], removed: [], changed: [] };
  for (const [id, element] of now) {
    const previous = old.get(id);
    if (!previous) {
      diff.added.push({ id, name: element.name, type: element.type, changed: [] });
      continue;
    }
    const keys = new Set([...Object.keys(previous), ...Object.keys(element)]);
    const changed = [...keys].filter((key) => stable((previous as Record<string, unknown>)[key]) !== stable((element as Record<string, unknown>)[key])).sort();
    if (changed.length > 0) diff.changed.push({ id, name: element.name, type: element.type, changed });
  }
  for (const [id, element] of old) if (!now.has(id)) diff.removed.push({ id, name: element.name, type: element.type, changed: [] });
  return diff;
}
