// Embedded sub-processes: entering one starts its start events in a scope named by its host
// token; it completes when that scope holds no token, and the case completes when none is left.
import type { Node } from '../process/ir.ts';
import { armBoundaries } from './boundary-events.ts';
import { completeCase } from './case-outcome.ts';
import { continueCompensation } from './compensation.ts';
import type { Token } from './engine-state.ts';
import { armEventSubProcesses } from './event-sub-processes.ts';
import type { Run } from './run.ts';
import { enqueue, leaveToken } from './tokens.ts';

/**
 * Where a sub-process begins: its none start events; else any start event (a triggered start is
 * run as a none start); else, as BPMN allows, every step inside with no incoming flow.
 */
function startNodes(run: Run, subProcessId: string): Node[] {
  const inside = run.ir.children(subProcessId).filter((n) => !n.triggeredByEvent && n.isForCompensation !== true);
  const starts = inside.filter((n) => n.kind === 'startEvent');
  const noneStarts = starts.filter((n) => !n.trigger || n.trigger.type === 'none');
  if (noneStarts.length > 0) return noneStarts;
  if (starts.length > 0) return starts;
  return inside.filter(
    (n) => n.kind !== 'boundaryEvent' && n.trigger?.type !== 'link' && run.ir.incoming(n.id).length === 0,
  );
}

export function enterSubProcess(run: Run, token: Token, node: Node): void {
  token.wait = 'sub-process';
  armBoundaries(run, token);
  armEventSubProcesses(run, token.id);
  for (const start of startNodes(run, node.id)) enqueue(run, { nodeId: start.id, scopeId: token.id, forks: [] });
}

/** Completes one emptied sub-process (true: more moves may follow) or the case once no token is left. */
export function completeEmptyScopes(run: Run): boolean {
  const tokens = Object.values(run.state.tokens);
  for (const host of tokens) {
    if (host.wait === 'sub-process' && !tokens.some((t) => t.scopeId === host.id)) {
      leaveToken(run, host);
      return true;
    }
    if (host.wait === 'compensation' && !tokens.some((t) => t.scopeId === host.id)) {
      continueCompensation(run, host);
      return true;
    }
  }
  if (tokens.length === 0) completeCase(run);
  return false;
}
