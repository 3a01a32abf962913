// BPMN errors and escalations travel outwards: from the activity that raised them (errors only),
// then through each enclosing scope, where an error or escalation start of one of the scope's
// event sub-processes catches first, then a boundary event on the scope's sub-process (BPMN).
import type { Node } from '../process/ir.ts';
import { fireBoundary } from './boundary-events.ts';
import { failCase } from './case-outcome.ts';
import type { Token } from './engine-state.ts';
import { eventSubProcessStarts, scopeElement, scopeInterrupted, startEventSubProcess } from './event-sub-processes.ts';
import { emit, type Run } from './run.ts';
import { hostOf, loopBodyOf } from './scopes.ts';

type Kind = 'error' | 'escalation';

function codeOf(event: Node, kind: Kind): string | undefined | null {
  const trigger = event.trigger;
  if (kind === 'error' && trigger?.type === 'error') return trigger.errorCode;
  if (kind === 'escalation' && trigger?.type === 'escalation') return trigger.escalationCode;
  return null;
}

/** An event naming the code wins over a catch-all one (no code) in the same place. */
function pick(events: readonly Node[], kind: Kind, code: string | undefined): Node | undefined {
  const candidates = events.filter((event) => codeOf(event, kind) !== null);
  return (
    candidates.find((event) => code !== undefined && codeOf(event, kind) === code) ??
    candidates.find((event) => codeOf(event, kind) === undefined)
  );
}

type Catcher = { boundary: Node; host: Token } | { start: Node; scopeId: string };

function findCatcher(run: Run, origin: Origin, kind: Kind, code: string | undefined): Catcher | undefined {
  const raiser = origin.tokenId === undefined ? undefined : run.state.tokens[origin.tokenId];
  // An instance of a multi-instance step has no boundaries of its own: its body, next out, has them.
  const onRaiser = raiser && !loopBodyOf(run, raiser) ? pick(run.ir.boundaries(raiser.nodeId), kind, code) : undefined;
  if (raiser && onRaiser) return { boundary: onRaiser, host: raiser };
  for (let scopeId = raiser?.scopeId ?? origin.scopeId; ; ) {
    // A multi-instance body's scope holds its instances only; its event sub-processes live in each instance.
    const inBody = run.state.tokens[scopeId]?.wait === 'multi-instance';
    const start = inBody || scopeInterrupted(run, scopeId) ? undefined : pick(eventSubProcessStarts(run, scopeElement(run, scopeId)), kind, code);
    if (start) return { start, scopeId };
    const host = hostOf(run, scopeId);
    if (!host) return undefined;
    const boundary = loopBodyOf(run, host) ? undefined : pick(run.ir.boundaries(host.nodeId), kind, code);
    if (boundary) return { boundary, host };
    scopeId = host.scopeId;
  }
}

function catchIt(run: Run, caught: Catcher, forceInterrupt: boolean): void {
  if ('start' in caught) startEventSubProcess(run, caught.start, caught.scopeId);
  else fireBoundary(run, caught.boundary, caught.host, forceInterrupt);
}

export interface Origin {
  /** The element that raised it, for the event log. */
  nodeId: string;
  /** The scope it was raised in. */
  scopeId: string;
  /** The activity that failed, when the error comes from an activity rather than an end event. */
  tokenId?: string;
}

/** Caught: the catching scope's work or activity is cancelled and the catcher's path taken. Uncaught: the case fails. */
export function raiseError(run: Run, origin: Origin, errorCode: string | undefined, detail?: string): void {
  const caught = findCatcher(run, origin, 'error', errorCode);
  emit(run, { kind: 'error-raised', nodeId: origin.nodeId, ...(errorCode === undefined ? {} : { errorCode }), caught: caught !== undefined });
  if (caught) {
    catchIt(run, caught, true);
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

/** Caught by an escalation event sub-process or boundary event of an enclosing scope; uncaught, it is only recorded. */
export function raiseEscalation(run: Run, origin: Origin, escalationCode: string | undefined): void {
  const caught = findCatcher(run, { nodeId: origin.nodeId, scopeId: origin.scopeId }, 'escalation', escalationCode);
  emit(run, {
    kind: 'escalation-raised',
    nodeId: origin.nodeId,
    ...(escalationCode === undefined ? {} : { escalationCode }),
    caught: caught !== undefined,
  });
  if (caught) catchIt(run, caught, false);
}
