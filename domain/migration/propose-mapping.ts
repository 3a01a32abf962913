// The mapping a migration starts from: each element of the old version where a case can wait goes
// to the element of the new version with the same id, else the one with the same name and type,
// else nowhere. The designer edits it before anything runs.
import type { ProcessIR } from '../process/ir.ts';
import type { MappingReason } from '../contract/migration.ts';
import { waitElements } from './wait-elements.ts';

export interface ProposedMapping {
  source: string;
  target: string | null;
  reason: MappingReason;
}

export function proposeMapping(from: ProcessIR, to: ProcessIR): ProposedMapping[] {
  const targets = waitElements(to);
  const byId = new Map(targets.map((node) => [node.id, node]));
  return waitElements(from).map((source) => {
    if (byId.has(source.id)) return { source: source.id, target: source.id, reason: 'same-id' };
    // A name shared by two targets of the same type is no evidence for either: the designer chooses.
    const named = source.name === undefined ? [] : targets.filter((node) => node.name === source.name && node.kind === source.kind);
    if (named.length === 1) return { source: source.id, target: named[0]!.id, reason: 'same-name-and-type' };
    return { source: source.id, target: null, reason: 'none' };
  });
}
