// Message subscriptions for receive tasks, message catch events, message boundaries and
// event-based gateways; a message is matched by subscription id and name.
import type { Node } from '../process/ir.ts';
import { failCase } from './case-outcome.ts';
import { ROOT_SCOPE } from './empty-state.ts';
import type { MessageSubscription } from './engine-state.ts';
import { evaluateFeel, feelText } from './feel.ts';
import { issue, nextId, type Run } from './run.ts';
import { visibleData } from './variables.ts';

/** The value of `node`'s correlation key for `tokenId`; undefined when it names none or it has no value yet. */
export function correlationKeyOf(run: Run, node: Node, tokenId: string): string | undefined {
  const trigger = node.trigger;
  if (trigger?.type !== 'message' || !trigger.correlationKey) return undefined;
  const outcome = evaluateFeel(trigger.correlationKey, visibleData(run, run.state.tokens[tokenId] ?? { scopeId: ROOT_SCOPE }), run.now);
  return outcome.ok ? feelText(outcome.value) : undefined;
}

/** Subscribes `tokenId` to the message named on `node`; undefined (case failed) when it names none. */
export function subscribe(
  run: Run,
  node: Node,
  tokenId: string,
  purpose: MessageSubscription['purpose'],
): MessageSubscription | undefined {
  const trigger = node.trigger;
  if (trigger?.type !== 'message') {
    failCase(run, `${run.ir.label(node.id)} waits for a message but does not say which: choose a message for it.`, node.id);
    return undefined;
  }
  const sub: MessageSubscription = { subscriptionId: nextId(run, node.id), nodeId: node.id, messageName: trigger.messageName, tokenId, purpose };
  const key = correlationKeyOf(run, node, tokenId);
  if (key !== undefined) sub.correlationKey = key;
  run.state.subscriptions[sub.subscriptionId] = sub;
  // An event sub-process listens from the start of its scope, often before the data its key reads
  // exists: it waits, unsubscribed, until the key has a value (keyEventSubProcessStarts).
  if (purpose === 'event-sub-process' && trigger.correlationKey && key === undefined) {
    sub.keyPending = true;
    return sub;
  }
  issue(run, {
    type: 'subscribeMessage',
    subscriptionId: sub.subscriptionId,
    nodeId: node.id,
    messageName: sub.messageName,
    ...(sub.correlationKey === undefined ? {} : { correlationKey: sub.correlationKey }),
  });
  return sub;
}
