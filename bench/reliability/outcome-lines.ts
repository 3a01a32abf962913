// The lines both crash runs print for what the bots did and what the verifier found, from the
// completions to the mismatches, so the one-process and the cluster printouts read the same.
import { threeWayLines } from './three-way-figures.ts';
import type { VerificationFigures } from './verify-cases.ts';

export interface LedgerFigures {
  attempted: number;
  moot: number;
  refused: number;
  keyHeldReplies: number;
  operationsThatMetAHeldKey: number;
  statuses: Record<string | number, number>;
}

export function outcomeLines(completionsAcknowledged: number, ledger: LedgerFigures, v: VerificationFigures): string {
  return [
    `completions           ${completionsAcknowledged} acknowledged, ${v.completionsAppliedUnacknowledged} applied whose answer was lost (${ledger.moot} ended by 409 task-not-open), ${ledger.attempted} tasks attempted, ${ledger.refused} refused, ${v.completionsUnsettled} unsettled`,
    `lost / duplicated     ${v.completionsLost} / ${v.completionsDuplicated}`,
    `held keys             ${ledger.keyHeldReplies} replies "still being processed" to ${ledger.operationsThatMetAHeldKey} completions, each retried with its one key until the lease lapsed`,
    `HTTP replies          ${JSON.stringify(ledger.statuses)}`,
    `events compared       ${v.eventsCompared}`,
    ...threeWayLines(v.threeWay),
    `mismatches            ${v.mismatches} cases, ${v.problems.length} problems`,
  ].join('\n');
}
