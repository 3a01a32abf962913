// Event sub-processes (`triggeredByEvent`): while their scope (the process or an embedded
// sub-process) runs, their start events listen; one that fires either cancels everything open in
// the scope and runs instead (interrupting, once) or runs beside the scope's work (non-interrupting,
// as often as it fires). The scope completes only when the instances it started are done too.
import type { Node } from '../process/ir.ts';
import { ROOT_SCOPE } from './empty-state.ts';
import type { ActiveTimer } from './engine-state.ts';
import { correlationKeyOf, subscribe } from './messages.ts';
import { emit, isRunning, issue, type Run } from './run.ts';
import { cancelScope, tokensIn } from './scopes.ts';
import { subscribeSignal } from './signal-waits.ts';
import { planTimer, rearmCycle, startTimer } from './timers.ts';
import { enqueue } from './tokens.ts';

export function isEventSubProcess(node: Node | undefined): node is Node {
  return node?.kind === 'subProcess' && node.triggeredByEvent === true;
}

/** BPMN: an error start event always interrupts; others unless drawn non-interrupting (`isInterrupting="false"`). */
export function isInterruptingStart(start: Node): boolean {
  return start.trigger?.type === 'error' || start.cancelActivity !== false;
}

/** The start events of the event sub-processes directly inside a scope's element (undefined: the process). */
export function eventSubProcessStarts(run: Run, elementId: string | undefined): Node[] {
  return run.ir
    .children(elementId)
    .filter(isEventSubProcess)
    .flatMap((esp) => run.ir.children(esp.id).filter((n) => n.kind === 'startEvent'));
}

/** The element a scope runs: the sub-process its host token is on; undefined for the process. */
export function scopeElement(run: Run, scopeId: string): string | undefined {
  return scopeId === ROOT_SCOPE ? undefined : run.state.tokens[scopeId]?.nodeId;
}

/** Starts listening for a scope's timer, message and signal starts; errors and escalations are matched when raised. */
export function armEventSubProcesses(run: Run, scopeId: string): void {
  for (const start of eventSubProcessStarts(run, scopeElement(run, scopeId))) {
    if (!isRunning(run)) return;
    const trigger = start.trigger;
    if (trigger?.type === 'timer') {
      const plan = planTimer(run, trigger.timer, start.id);
      if (!plan) return;
      // An interrupting start fires once, whatever its cycle says.
      if (isInterruptingStart(start)) delete plan.cycle;
      startTimer(run, start.id, 'event-sub-process', scopeId, plan);
    } else if (trigger?.type === 'message') {
      subscribe(run, start, scopeId, 'event-sub-process');
    } else if (trigger?.type === 'signal') {
      subscribeSignal(run, start, scopeId, 'event-sub-process');
    }
  }
}

/** Subscribes the event sub-process message starts whose correlation key has a value now (see MessageSubscription.keyPending). */
export function keyEventSubProcessStarts(run: Run): void {
  for (const sub of Object.values(run.state.subscriptions)) {
    if (!sub.keyPending) continue;
    const node = run.ir.node(sub.nodeId);
    const key = node && correlationKeyOf(run, node, sub.tokenId);
    if (key === undefined) continue;
    delete sub.keyPending;
    sub.correlationKey = key;
    issue(run, { type: 'subscribeMessage', subscriptionId: sub.subscriptionId, nodeId: sub.nodeId, messageName: sub.messageName, correlationKey: key });
  }
}

/** Stops a scope's event sub-process starts listening; boundary events on the scope's host stay armed. */
export function disarmEventSubProcesses(run: Run, scopeId: string): void {
  const s = run.state;
  for (const timer of Object.values(s.timers)) {
    if (timer.tokenId !== scopeId || timer.purpose !== 'event-sub-process') continue;
    issue(run, { type: 'cancelTimer', timerId: timer.timerId });
    delete s.timers[timer.timerId];
  }
  for (const sub of Object.values(s.subscriptions)) {
    if (sub.tokenId !== scopeId || sub.purpose !== 'event-sub-process') continue;
    issue(run, { type: 'unsubscribeMessage', subscriptionId: sub.subscriptionId });
    delete s.subscriptions[sub.subscriptionId];
  }
  for (const sub of Object.values(s.signals ?? {})) {
    if (sub.tokenId !== scopeId || sub.purpose !== 'event-sub-process') continue;
    issue(run, { type: 'unsubscribeSignal', subscriptionId: sub.subscriptionId });
    delete s.signals![sub.subscriptionId];
  }
}

/** Once an interrupting event sub-process runs in a scope, no other starts there (errors and escalations included). */
export function scopeInterrupted(run: Run, scopeId: string): boolean {
  return tokensIn(run, scopeId).some((token) => {
    const node = run.ir.node(token.nodeId);
    return isEventSubProcess(node) && run.ir.children(node.id).some((n) => n.kind === 'startEvent' && isInterruptingStart(n));
  });
}

/**
 * Starts the event sub-process of `start` in `scopeId`. Interrupting: the scope's other starts are
 * disarmed and everything open in it (tasks, timers, waits, child cases, inner sub-processes and
 * other event sub-process instances) is cancelled first. `fired`: the timer that fired, re-armed
 * when it is a non-interrupting cycle ("a reminder every 7 days while the case is open").
 */
export function startEventSubProcess(run: Run, start: Node, scopeId: string, fired?: ActiveTimer): void {
  const esp = start.parentId === undefined ? undefined : run.ir.node(start.parentId);
  if (!esp) return;
  const interrupting = isInterruptingStart(start);
  if (interrupting) {
    disarmEventSubProcesses(run, scopeId);
    cancelScope(run, scopeId);
  } else if (fired) {
    rearmCycle(run, fired);
  }
  emit(run, { kind: 'event-sub-process-triggered', nodeId: esp.id, startEventId: start.id, interrupting });
  enqueue(run, { nodeId: esp.id, scopeId, forks: [] });
}
