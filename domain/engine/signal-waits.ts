// Signal waits and throws: a catch event, boundary, event-based gateway or event sub-process start
// waits on a signal name; a throw or end event asks the shell to broadcast one.
import type { Node } from '../process/ir.ts';
import { failCase } from './case-outcome.ts';
import type { SignalSubscription } from './engine-state.ts';
import { emit, issue, nextId, type Run } from './run.ts';

function signalNameOf(run: Run, node: Node): string | undefined {
  const name = node.trigger?.type === 'signal' ? node.trigger.signalName : undefined;
  if (name) return name;
  failCase(run, `${run.ir.label(node.id)} is a signal event but does not say which signal: choose a signal (with a name) for it.`, node.id);
  return undefined;
}

/** Waits on the signal named on `node`; undefined (case failed) when it names none. */
export function subscribeSignal(run: Run, node: Node, tokenId: string, purpose: SignalSubscription['purpose']): SignalSubscription | undefined {
  const signalName = signalNameOf(run, node);
  if (signalName === undefined) return undefined;
  const sub: SignalSubscription = { subscriptionId: nextId(run, node.id), nodeId: node.id, signalName, tokenId, purpose };
  run.state.signals ??= {};
  run.state.signals[sub.subscriptionId] = sub;
  issue(run, { type: 'subscribeSignal', subscriptionId: sub.subscriptionId, nodeId: node.id, signalName });
  return sub;
}

export function dropSignalWait(run: Run, subscriptionId: string): void {
  if (!run.state.signals?.[subscriptionId]) return;
  delete run.state.signals[subscriptionId];
  issue(run, { type: 'unsubscribeSignal', subscriptionId });
}

/**
 * A signal throw or end event: the shell broadcasts it under an id made here from the case's
 * counter, so a replay asks for the same broadcast. False (case failed) when it names no signal.
 */
export function throwSignal(run: Run, node: Node): boolean {
  const signalName = signalNameOf(run, node);
  if (signalName === undefined) return false;
  const broadcastId = `${run.state.caseId}/${nextId(run, node.id)}`;
  emit(run, { kind: 'signal-thrown', nodeId: node.id, signalName, broadcastId });
  issue(run, { type: 'broadcastSignal', broadcastId, nodeId: node.id, signalName, data: {} });
  return true;
}
