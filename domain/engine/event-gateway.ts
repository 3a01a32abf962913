// Event-based gateways: wait on every catch event that follows; the first to happen wins and the
// others are withdrawn.
import type { Node } from '../process/ir.ts';
import { failCase } from './case-outcome.ts';
import { subscribe } from './messages.ts';
import { isRunning, type Move, type Run } from './run.ts';
import { subscribeSignal } from './signal-waits.ts';
import { planTimer, startTimer } from './timers.ts';
import { createToken, leaveToken } from './tokens.ts';

export function enterEventGateway(run: Run, move: Move, node: Node): void {
  const token = createToken(run, move, 'event-gateway');
  for (const flow of run.ir.outgoing(node.id)) {
    if (!isRunning(run)) return;
    const target = run.ir.node(flow.target);
    const trigger = target?.trigger;
    const catches = target?.kind === 'intermediateCatchEvent' || target?.kind === 'receiveTask';
    if (target && catches && trigger?.type === 'timer') {
      const plan = planTimer(run, trigger.timer, target.id);
      if (plan) startTimer(run, target.id, 'event-gateway', token.id, plan);
    } else if (target && catches && trigger?.type === 'message') {
      subscribe(run, target, token.id, 'event-gateway');
    } else if (target && target.kind === 'intermediateCatchEvent' && trigger?.type === 'signal') {
      subscribeSignal(run, target, token.id, 'event-gateway');
    } else {
      failCase(
        run,
        `${run.ir.label(node.id)} waits for whichever event comes first, but ${run.ir.label(flow.target)} after it is not a timer, message or signal catch event.`,
        node.id,
      );
    }
  }
}

/** The winning catch event is entered as already happened; leaving the gateway withdraws the rest. */
export function winEventGateway(run: Run, gatewayTokenId: string, catchNodeId: string): void {
  const token = run.state.tokens[gatewayTokenId];
  const flow = token && run.ir.outgoing(token.nodeId).find((f) => f.target === catchNodeId);
  if (token && flow) leaveToken(run, token, { flows: [flow], fired: true });
}
