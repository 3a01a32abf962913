// Business rule tasks: the step evaluates its DMN decision (deployed with the process, carried in
// the IR) over case data, stores the output in its result variable, records which rules matched,
// and moves on. A decision that cannot decide (no rule matched under UNIQUE, rules in conflict, a
// FEEL error) raises a BPMN error with the DMN error's code, which an error boundary may catch.
import type { Decision } from '../dmn/decision-ir.ts';
import { evaluateDecision } from '../dmn/evaluate-decision.ts';
import type { Node, ProcessIR } from '../process/ir.ts';
import { raiseError } from './errors-and-escalations.ts';
import { emit, type Move, type Run } from './run.ts';
import { createToken, leaveToken } from './tokens.ts';
import { storeData, visibleData } from './variables.ts';

const deployed = new WeakMap<ProcessIR, Decision[]>();

/** Every decision deployed with the process, from all its DMN files. */
function decisionsOf(ir: ProcessIR): Decision[] {
  let decisions = deployed.get(ir);
  if (!decisions) {
    decisions = (ir.decisions ?? []).flatMap((set) => set.decisions);
    deployed.set(ir, decisions);
  }
  return decisions;
}

export function runBusinessRuleTask(run: Run, move: Move, node: Node & { decision: NonNullable<Node['decision']> }): void {
  const token = createToken(run, move);
  const { decisionId, resultVariable } = node.decision;
  const result = evaluateDecision(decisionsOf(run.ir.ir), decisionId, visibleData(run, token), { now: run.now });
  if (!result.ok) {
    const origin = { nodeId: node.id, scopeId: token.scopeId, tokenId: token.id };
    raiseError(run, origin, result.error.code, result.error.message);
    return;
  }
  const { output, evaluations } = result.value;
  const own = evaluations[evaluations.length - 1];
  storeData(run, token, { [resultVariable]: output });
  emit(run, {
    kind: 'decision-evaluated',
    nodeId: node.id,
    decisionId,
    ...(own?.decisionName ? { decisionName: own.decisionName } : {}),
    resultVariable,
    matchedRules: own?.matchedRules ?? [],
    output,
    required: evaluations.slice(0, -1),
  });
  leaveToken(run, token);
}
