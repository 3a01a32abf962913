// Deploys DMN files with a process: reads each into decisions, checks every business rule task
// calls a decision that is there, and puts the decisions into the IR (re-hashed) so each version,
// and each case started on it, carries the exact decision tables it was deployed with.
import { contentHash } from '../compile/content-hash.ts';
import { readDmn } from '../dmn/read-dmn.ts';
import type { DecisionSet } from '../dmn/decision-ir.ts';
import type { ProcessIR } from '../process/ir.ts';
import type { DeployIssue } from './check-for-deploy.ts';

export interface DecisionIssue extends DeployIssue {
  /** Where in the request: `dmn[0]` for the first DMN file. */
  field?: string;
  decisionId?: string;
}

export type AttachResult = { ok: true; ir: ProcessIR } | { ok: false; errors: DecisionIssue[] };

export async function attachDecisions(ir: ProcessIR, files: ReadonlyArray<{ xml: string }>): Promise<AttachResult> {
  const errors: DecisionIssue[] = [];
  const sets: DecisionSet[] = [];
  const seen = new Map<string, number>();
  for (const [index, file] of files.entries()) {
    const field = `dmn[${index}]`;
    const read = await readDmn(file.xml);
    if (!read.ok) {
      const { error } = read;
      errors.push({ field, code: error.code, message: error.message, ...('decisionId' in error ? { decisionId: error.decisionId, elementId: error.decisionId } : {}) });
      continue;
    }
    for (const decision of read.value.decisions) {
      const earlier = seen.get(decision.id);
      if (earlier !== undefined) {
        errors.push({ field, code: 'decision-duplicated', decisionId: decision.id, elementId: decision.id, message: `The decision id ${decision.id} is in dmn[${earlier}] and dmn[${index}]; give each decision its own id.` });
      }
      seen.set(decision.id, index);
    }
    sets.push({ ...read.value, xml: file.xml });
  }
  for (const node of ir.nodes) {
    if (!node.decision || seen.has(node.decision.decisionId)) continue;
    const known = [...seen.keys()];
    errors.push({
      elementId: node.id,
      decisionId: node.decision.decisionId,
      code: 'decision-missing',
      message: `The business rule task "${node.name ?? node.id}" calls the decision ${node.decision.decisionId}, which is not in the DMN deployed with the process (${known.length ? `it has ${known.join(', ')}` : 'none was sent'}).`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (sets.length === 0) return { ok: true, ir };
  const withDecisions = { ...ir, decisions: sets };
  return { ok: true, ir: { ...withDecisions, hash: contentHash(withDecisions) } };
}
