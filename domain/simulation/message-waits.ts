// How long the outside world took to send each awaited message, fitted from `message-awaited` to the
// matching `message-received`, and how often it never came before the wait ended otherwise (the
// competing timer of an event-based gateway won, or a boundary took the case elsewhere). The element's
// own visit cannot say this: the engine enters a catch event behind a gateway only when its message
// arrives, so the wait shows in the gateway's visit, whichever way it went.
import type { CaseLogEvent } from '../events/case-log-event.ts';

export interface MessageWait {
  /** Awaited to received, ms, one per message that came. */
  readonly received: readonly number[];
  /** Waits that ended without their message. */
  readonly neverCame: number;
}

interface OpenWait {
  nodeId: string;
  subscriptionId: string | undefined;
  at: number;
  endedAt?: number;
  received: boolean;
}

/** Message waits per waiting element; `events` are in log order per case. */
export function fitMessageWaits(events: readonly CaseLogEvent[]): Record<string, MessageWait> {
  const perCase = new Map<string, OpenWait[]>();
  const received: Record<string, number[]> = {};
  for (const event of events) {
    if (event.kind !== 'message-awaited' && event.kind !== 'message-received' && event.kind !== 'message-wait-ended') continue;
    const at = Date.parse(event.at);
    const waits = perCase.get(event.caseId) ?? perCase.set(event.caseId, []).get(event.caseId)!;
    if (event.kind === 'message-awaited' && event.nodeId !== undefined) {
      const subscriptionId = typeof event.data.subscriptionId === 'string' ? event.data.subscriptionId : undefined;
      waits.push({ nodeId: event.nodeId, subscriptionId, at, received: false });
    } else if (event.kind === 'message-wait-ended') {
      const wait = waits.find((open) => open.subscriptionId === event.data.subscriptionId && open.endedAt === undefined && !open.received);
      if (wait) wait.endedAt = at;
    } else if (event.kind === 'message-received' && event.nodeId !== undefined) {
      // The workflow may log the wait's end just before the message that ended it, at the same instant.
      const wait = waits.find((open) => open.nodeId === event.nodeId && !open.received && (open.endedAt === undefined || open.endedAt >= at));
      if (!wait) continue;
      wait.received = true;
      (received[wait.nodeId] ??= []).push(Math.max(0, at - wait.at));
    }
  }
  const neverCame: Record<string, number> = {};
  for (const waits of perCase.values()) for (const wait of waits) if (!wait.received && wait.endedAt !== undefined) neverCame[wait.nodeId] = (neverCame[wait.nodeId] ?? 0) + 1;
  const nodes = new Set([...Object.keys(received), ...Object.keys(neverCame)]);
  return Object.fromEntries([...nodes].map((nodeId) => [nodeId, { received: received[nodeId] ?? [], neverCame: neverCame[nodeId] ?? 0 }]));
}
