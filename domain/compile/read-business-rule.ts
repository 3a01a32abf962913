// A business rule task's decision: `zeebe:calledDecision decisionId=… resultVariable=…` names the
// DMN decision evaluated over case data and the case data field its result is stored in.
import type { Node } from '../process/ir.ts';
import { type Element, extension, text } from './moddle-access.ts';

export function calledDecision(element: Element): Node['decision'] {
  const zeebe = extension(element, 'zeebe:CalledDecision');
  const decisionId = zeebe && text(zeebe, 'decisionId');
  const resultVariable = zeebe && text(zeebe, 'resultVariable');
  return decisionId && resultVariable ? { decisionId, resultVariable } : undefined;
}

/** Why the business rule task cannot run, or undefined when it names a decision or a handler. */
export function businessRuleProblem(element: Element): string | undefined {
  if (calledDecision(element)) return undefined;
  const zeebe = extension(element, 'zeebe:CalledDecision');
  if (zeebe && !text(zeebe, 'decisionId')) return 'business rule tasks that name no decision; set the decision id (zeebe:calledDecision decisionId)';
  if (zeebe) return 'business rule tasks without a result variable; name the case data field the decision\'s result is stored in (zeebe:calledDecision resultVariable)';
  if (text(element, 'casework:handler') || extension(element, 'zeebe:TaskDefinition') || text(element, 'camunda:topic')) return undefined;
  return 'business rule tasks without a decision; call a DMN decision deployed with the process (zeebe:calledDecision), or use a service task with a handler';
}
