// BPMN errors and escalations travel outwards: from the activity that raised them (errors only),
// then from each enclosing sub-process, to the first boundary event that catches them.
import type { Node } from '../process/ir.ts';
import { fireBoundary } from './boundary-events.ts';
import { failCase } from './case-outcome.ts';
import type { Token } from './engine-state.ts';
import { emit, type Run } from './run.ts';
import { hostOf, loopBodyOf } from './scopes.ts';

type Kind = 'error' | 'escalation';

function codeOf(boundary: Node, kind: Kind): string | undefined | null {
  const trigger = boundary.trigger;
  if (kind === 'error' && trigger?.type === 'error') return trigger.errorCode;
  if (kind === 'escalation' && trigger?.type === 'escalation') return trigger.escalationCode;
  return null;
}

/** A boundary naming the code wins over a catch-all one (no code) on the same activity. */
function catcherOn(run: Run, host: Token, kind: Kind, code: string | undefined): Node | undefined {
  const candidates = run.ir.boundaries(host.nodeId).filter((b) => codeOf(b, kind) !== null);
  return (
    candidates.find((b) => code !== undefined && codeOf(b, kind) === code) ??
    candidates.find((b) => codeOf(b, kind) === undefined)
  );
}

function findCatcher(run: Run, first: Token | undefined, kind: Kind, code: string | undefined) {
  for (let host = first; host; host = hostOf(run, host.scopeId)) {
    // An instance of a multi-instance step has no boundaries of its own: its body, next out, has them.
    if (loopBodyOf(run, host)) continue;
    const boundary = catcherOn(run, host, kind, code);
    if (boundary) return { boundary, host };
  }
  return undefined;
}

export interface Origin {
  /** The element that raised it, for the event log. */
  nodeId: string;
  /** The scope it was raised in. */
  scopeId: string;
  /** The activity that failed, when the error comes from an activity rather than an end event. */
  tokenId?: string;
}

/** Caught: the catching activity is cancelled and its boundary path taken. Uncaught: the case fails. */
export function raiseError(run: Run, origin: Origin, errorCode: string | undefined, detail?: string): void {
  const first = origin.tokenId === undefined ? hostOf(run, origin.scopeId) : run.state.tokens[origin.tokenId];
  const caught = findCatcher(run, first, 'error', errorCode);
  emit(run, { kind: 'error-raised', nodeId: origin.nodeId, ...(errorCode === undefined ? {} : { errorCode }), caught: caught !== undefined });
  if (caught) {
    fireBoundary(run, caught.boundary, caught.host, true);
    return;
  }
  const what = errorCode === undefined ? 'An error' : `The error "${errorCode}"`;
  failCase(
    run,
    `${what} at ${run.ir.label(origin.nodeId)} is not caught by any error boundary event${detail ? ` (${detail})` : ''}.`,
    origin.nodeId,
    errorCode,
  );
}

/** Caught by an escalation boundary on an enclosing sub-process; uncaught, it is only recorded. */
export function raiseEscalation(run: Run, origin: Origin, escalationCode: string | undefined): void {
  const caught = findCatcher(run, hostOf(run, origin.scopeId), 'escalation', escalationCode);
  emit(run, {
    kind: 'escalation-raised',
    nodeId: origin.nodeId,
    ...(escalationCode === undefined ? {} : { escalationCode }),
    caught: caught !== undefined,
  });
  if (caught) fireBoundary(run, caught.boundary, caught.host);
}
