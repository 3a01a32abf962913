// The mapping editor's rows: each element of the old version where a case can wait, the target the
// server proposed and why, and the target the designer has chosen. Choosing anything but the
// proposal marks the row `edited`; choosing the proposal again restores its reason.
import type { MappableElement, MappingReason, MigrationPlan, MigrationProposal } from '../../../../../domain/contract/migration.ts';

export interface MappingRow {
  readonly source: MappableElement;
  readonly target: string | null;
  readonly proposed: string | null;
  readonly proposedReason: MappingReason;
  /** `proposedReason` until the target differs from the proposal, then `edited`. */
  readonly reason: MappingReason;
}

export function rowsFromProposal(proposal: MigrationProposal): MappingRow[] {
  const sources = new Map(proposal.sources.map((element) => [element.id, element]));
  return proposal.mappings.map((mapping) => ({
    // A source the server did not describe still gets a row, under its id.
    source: sources.get(mapping.source) ?? { id: mapping.source, type: '' },
    target: mapping.target,
    proposed: mapping.target,
    proposedReason: mapping.reason,
    reason: mapping.reason,
  }));
}

export function withTarget(rows: readonly MappingRow[], sourceId: string, target: string | null): MappingRow[] {
  return rows.map((row) => (row.source.id === sourceId ? { ...row, target, reason: target === row.proposed ? row.proposedReason : 'edited' } : row));
}

/** The plan the preview and the run are sent; `caseIds` narrows it to the cases a preview found migratable. */
export function planFrom(rows: readonly MappingRow[], fromVersion: number, toVersion: number, caseIds?: readonly string[]): MigrationPlan {
  return {
    fromVersion,
    toVersion,
    mappings: rows.map((row) => ({ source: row.source.id, target: row.target })),
    ...(caseIds ? { caseIds: [...caseIds] } : {}),
  };
}
