// A broadcast signal reaching a case: it fires every wait on its name, each logged as
// `signal-received`. A broadcast reaches a case once: its id is remembered (even when nothing
// waited), so a fan-out retried after a crash changes nothing the second time.
import { fireBoundary, isInterrupting } from './boundary-events.ts';
import type { EngineEvent } from './contract.ts';
import type { SignalSubscription } from './engine-state.ts';
import { winEventGateway } from './event-gateway.ts';
import { startEventSubProcess } from './event-sub-processes.ts';
import { emit, isRunning, mergeData, type Run } from './run.ts';
import { dropSignalWait } from './signal-waits.ts';
import { leaveToken } from './tokens.ts';

/**
 * How many broadcast ids a case remembers. A retried fan-out repeats a delivery within minutes,
 * while far fewer than this many other broadcasts reach one case; the cap keeps the state small.
 */
export const REMEMBERED_BROADCASTS = 500;

function fire(run: Run, sub: SignalSubscription, broadcastId: string): void {
  const node = run.ir.node(sub.nodeId);
  if (!node) return;
  emit(run, { kind: 'signal-received', nodeId: sub.nodeId, signalName: sub.signalName, broadcastId });
  if (sub.purpose === 'event-sub-process') {
    startEventSubProcess(run, node, sub.tokenId);
    return;
  }
  const token = run.state.tokens[sub.tokenId];
  if (!token) return;
  // A non-interrupting signal boundary keeps listening while its activity runs.
  if (!(sub.purpose === 'boundary' && !isInterrupting(node))) dropSignalWait(run, sub.subscriptionId);
  if (sub.purpose === 'catch') leaveToken(run, token);
  else if (sub.purpose === 'boundary') fireBoundary(run, node, token);
  else winEventGateway(run, token.id, sub.nodeId);
}

/**
 * Fires every wait on the signal's name, in the order they began. A wait that an earlier one
 * cancelled (an interrupting boundary or event sub-process) is skipped: it is gone from the state.
 */
export function receiveSignal(run: Run, event: Extract<EngineEvent, { type: 'signalReceived' }>): string | undefined {
  const received = run.state.broadcastsReceived ?? [];
  if (received.includes(event.broadcastId)) return `The broadcast "${event.broadcastId}" already reached this case.`;
  run.state.broadcastsReceived = [...received, event.broadcastId].slice(-REMEMBERED_BROADCASTS);
  const waits = Object.values(run.state.signals ?? {}).filter((sub) => sub.signalName === event.signalName);
  if (waits.length > 0) mergeData(run, event.data);
  for (const wait of waits) {
    if (!isRunning(run)) return undefined;
    const current = run.state.signals?.[wait.subscriptionId];
    if (current) fire(run, current, event.broadcastId);
  }
  return undefined;
}
