// Boundary events: armed when their activity is entered, disarmed with it, and fired to either
// cancel the activity (interrupting) or run beside it (non-interrupting).
import type { Node } from '../process/ir.ts';
import type { Token } from './engine-state.ts';
import { subscribe } from './messages.ts';
import { isRunning, type Run } from './run.ts';
import { cancelToken, loopBodyOf } from './scopes.ts';
import { subscribeSignal } from './signal-waits.ts';
import { planTimer, startTimer } from './timers.ts';
import { enqueue } from './tokens.ts';
import { visibleData } from './variables.ts';

export function isInterrupting(boundary: Node): boolean {
  return boundary.cancelActivity !== false;
}

/** Starts the timers, message and signal waits of an activity's boundary events; errors and escalations are matched when raised. */
export function armBoundaries(run: Run, host: Token): void {
  // One instance of a multi-instance step: its boundaries sit on the body, armed once for all.
  if (loopBodyOf(run, host)) return;
  for (const boundary of run.ir.boundaries(host.nodeId)) {
    if (!isRunning(run)) return;
    const trigger = boundary.trigger;
    if (trigger?.type === 'timer') {
      const plan = planTimer(run, trigger.timer, boundary.id, visibleData(run, host));
      if (!plan) return;
      // An interrupting timer can only fire once, whatever its cycle says.
      if (isInterrupting(boundary)) delete plan.cycle;
      startTimer(run, boundary.id, 'boundary', host.id, plan);
    } else if (trigger?.type === 'message') {
      subscribe(run, boundary, host.id, 'boundary');
    } else if (trigger?.type === 'signal') {
      subscribeSignal(run, boundary, host.id, 'boundary');
    }
  }
}

/** Fires a boundary event of `host`; `forceInterrupt` for errors, which always cancel their activity. */
export function fireBoundary(run: Run, boundary: Node, host: Token, forceInterrupt = false): void {
  if (forceInterrupt || isInterrupting(boundary)) cancelToken(run, host.id);
  enqueue(run, { nodeId: boundary.id, scopeId: host.scopeId, forks: host.forks, fired: true });
}
