// The compensation log: each completed step that has an undo step is written down in its scope,
// with the data it left (BPMN's snapshot); a completed sub-process takes the log of the steps
// inside it along as one unit. Below tokens.ts and scopes.ts, which call it, so it calls neither.
import type { Node } from '../process/ir.ts';
import type { CompensableStep, Compensation, Token } from './engine-state.ts';
import { copyJson, type Run } from './run.ts';

const ACTIVITY_KINDS = new Set<Node['kind']>([
  'task', 'userTask', 'serviceTask', 'receiveTask', 'sendTask', 'manualTask', 'scriptTask', 'businessRuleTask',
  'subProcess', 'adHocSubProcess', 'transaction', 'callActivity',
]);

export function compensationOf(run: Run): Compensation {
  run.state.compensation ??= { log: {}, runs: {} };
  return run.state.compensation;
}

/** The undo step associated with a step's compensation boundary event, if it has one. */
function undoStepOf(run: Run, nodeId: string): string | undefined {
  for (const boundary of run.ir.boundaries(nodeId)) {
    if (boundary.trigger?.type === 'compensate' && boundary.trigger.handler !== undefined) return boundary.trigger.handler;
  }
  return undefined;
}

/**
 * The data a step declares (its form fields and `casework:captures`) as it left them. Only those:
 * a copy of all case data would, when put back for the undo step, roll back what later steps changed.
 */
function snapshot(run: Run, node: Node): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const name of [...node.form.map((field) => field.name), ...node.captures]) {
    const value = run.state.data[name];
    if (value !== undefined) data[name] = copyJson(value);
  }
  return data;
}

/** Called as a token completes its node: logs the step if it can be undone, folding in a sub-process's own log. */
export function recordCompletion(run: Run, token: Token): void {
  const log = run.state.compensation?.log;
  const inner = log?.[token.id];
  if (log && inner) delete log[token.id];
  const node = run.ir.node(token.nodeId);
  if (!node || !ACTIVITY_KINDS.has(node.kind) || node.isForCompensation === true) return;
  const handler = undoStepOf(run, node.id);
  if (handler === undefined && !inner?.length) return;
  const step: CompensableStep = { instanceId: token.id, nodeId: node.id, data: snapshot(run, node) };
  if (handler !== undefined) step.handler = handler;
  if (inner?.length) step.inner = inner;
  const scopeLog = compensationOf(run).log;
  (scopeLog[token.scopeId] ??= []).push(step);
}

/** A cancelled scope's completed steps are not undone (BPMN undoes only what completed), and its undo steps stop. */
export function discardCompensation(run: Run, scopeId: string): void {
  const compensation = run.state.compensation;
  if (!compensation) return;
  delete compensation.log[scopeId];
  delete compensation.runs[scopeId];
}
