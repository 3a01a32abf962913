// What entering each kind of node does: pass straight through, wait for work or an event, or end.
import type { Node } from '../process/ir.ts';
import { armBoundaries } from './boundary-events.ts';
import { failCase, terminateScope } from './case-outcome.ts';
import type { Token } from './engine-state.ts';
import { raiseError, raiseEscalation } from './errors-and-escalations.ts';
import { enterEventGateway } from './event-gateway.ts';
import { enterExclusive, enterInclusive, enterParallel } from './gateways.ts';
import { subscribe } from './messages.ts';
import { copyJson, issue, type Move, type Run } from './run.ts';
import { runBusinessRuleTask } from './business-rule-tasks.ts';
import { throwCompensation } from './compensation.ts';
import { runScriptTask } from './script-tasks.ts';
import { subscribeSignal, throwSignal } from './signal-waits.ts';
import { enterMultiInstance, isInstanceMove } from './multi-instance.ts';
import { enterSubProcess } from './sub-processes.ts';
import { planTimer, startTimer } from './timers.ts';
import { consumeToken, createToken, enqueue, leaveToken } from './tokens.ts';
import { openUserTask } from './user-tasks.ts';
import { visibleData } from './variables.ts';

function passThrough(run: Run, move: Move): void {
  leaveToken(run, createToken(run, move));
}

function unsupported(run: Run, node: Node, what: string): void {
  failCase(run, `${run.ir.label(node.id)} is ${what}, which Casemap maps but cannot run yet.`, node.id);
}

/** Hands work to a service handler; the token waits for activityCompleted or activityFailed. */
function scheduleActivity(run: Run, token: Token, node: Node, handler: string): void {
  token.wait = 'activity';
  run.state.activities[token.id] = { taskId: token.id, nodeId: node.id, handler };
  const retry = node.service?.retry;
  issue(run, {
    type: 'scheduleActivity',
    taskId: token.id,
    nodeId: node.id,
    handler,
    input: copyJson(visibleData(run, token)),
    ...(retry ? { retry: copyJson(retry) } : {}),
  });
}

/** Sending a message is work for a handler: `send-message:<name>` unless the step names its own. */
function sendHandler(node: Node): string {
  if (node.service?.handler) return node.service.handler;
  const name = node.trigger?.type === 'message' ? node.trigger.messageName : (node.name ?? node.id);
  return `send-message:${name}`;
}

function enterService(run: Run, move: Move, node: Node): void {
  const handler = node.service?.handler;
  if (!handler) {
    // Script and business-rule steps without a handler are kept for mapping and pass through.
    if (node.kind !== 'serviceTask') return passThrough(run, move);
    failCase(run, `The automated step ${run.ir.label(node.id)} has no handler: name the service that does its work.`, node.id);
    return;
  }
  const token = createToken(run, move);
  scheduleActivity(run, token, node, handler);
  armBoundaries(run, token);
}

function enterCallActivity(run: Run, move: Move, node: Node): void {
  if (!node.calledElement) {
    failCase(run, `${run.ir.label(node.id)} calls another process but does not say which: set its called process.`, node.id);
    return;
  }
  const token = createToken(run, move, 'child-case');
  run.state.childCases[token.id] = { childId: token.id, nodeId: node.id, calledElement: node.calledElement };
  issue(run, { type: 'startChildCase', childId: token.id, nodeId: node.id, calledElement: node.calledElement, input: copyJson(visibleData(run, token)) });
  armBoundaries(run, token);
}

function enterEndEvent(run: Run, move: Move, node: Node): void {
  const trigger = node.trigger;
  if (trigger?.type === 'compensate') return throwCompensation(run, move, node);
  const token = createToken(run, move);
  if (trigger?.type === 'message') return scheduleActivity(run, token, node, sendHandler(node));
  consumeToken(run, token);
  const origin = { nodeId: node.id, scopeId: token.scopeId };
  if (trigger?.type === 'terminate') terminateScope(run, token.scopeId);
  else if (trigger?.type === 'error') raiseError(run, origin, trigger.errorCode);
  else if (trigger?.type === 'escalation') raiseEscalation(run, origin, trigger.escalationCode);
  else if (trigger?.type === 'signal') throwSignal(run, node);
}

function enterThrowEvent(run: Run, move: Move, node: Node): void {
  const trigger = node.trigger;
  if (trigger?.type === 'message') return scheduleActivity(run, createToken(run, move), node, sendHandler(node));
  if (trigger?.type === 'escalation') {
    const token = createToken(run, move);
    raiseEscalation(run, { nodeId: node.id, scopeId: token.scopeId }, trigger.escalationCode);
    // An interrupting catcher may have cancelled the scope this token was in.
    if (run.state.tokens[token.id]) leaveToken(run, token);
    return;
  }
  if (trigger?.type === 'signal') {
    const token = createToken(run, move);
    if (throwSignal(run, node)) leaveToken(run, token);
    return;
  }
  if (trigger?.type === 'compensate') return throwCompensation(run, move, node);
  if (trigger?.type === 'link') {
    const target = run.ir
      .children(node.parentId)
      .find((n) => n.kind === 'intermediateCatchEvent' && n.trigger?.type === 'link' && n.trigger.linkName === trigger.linkName);
    if (!target) return unsupported(run, node, `a link to "${trigger.linkName ?? ''}" with no matching catch link`);
    consumeToken(run, createToken(run, move));
    return enqueue(run, { nodeId: target.id, scopeId: move.scopeId, forks: move.forks, fired: true });
  }
  passThrough(run, move);
}

function enterCatchEvent(run: Run, move: Move, node: Node): void {
  const trigger = node.trigger;
  if (!trigger || trigger.type === 'none' || trigger.type === 'link') return passThrough(run, move);
  if (trigger.type === 'timer') {
    const plan = planTimer(run, trigger.timer, node.id, visibleData(run, move));
    if (!plan) return;
    const token = createToken(run, move, 'timer');
    startTimer(run, node.id, 'intermediate', token.id, { fireAt: plan.fireAt });
    return;
  }
  if (trigger.type === 'message') {
    subscribe(run, node, createToken(run, move, 'message').id, 'catch');
    return;
  }
  if (trigger.type === 'signal') {
    subscribeSignal(run, node, createToken(run, move, 'signal').id, 'catch');
    return;
  }
  unsupported(run, node, `a ${trigger.type} catch event`);
}

export function enterNode(run: Run, move: Move): void {
  const node = run.ir.node(move.nodeId);
  if (!node) {
    failCase(run, `A path leads to "${move.nodeId}", which is not in the process.`, move.nodeId);
    return;
  }
  if (move.fired) return passThrough(run, move);
  if (node.multiInstance && !isInstanceMove(run, move)) return enterMultiInstance(run, move, node);
  switch (node.kind) {
    case 'startEvent':
    case 'boundaryEvent':
    case 'task':
    case 'manualTask':
      return passThrough(run, move);
    case 'endEvent':
      return enterEndEvent(run, move, node);
    case 'intermediateThrowEvent':
      return enterThrowEvent(run, move, node);
    case 'intermediateCatchEvent':
      return enterCatchEvent(run, move, node);
    case 'userTask': {
      const token = createToken(run, move);
      openUserTask(run, token, node);
      return armBoundaries(run, token);
    }
    case 'scriptTask':
      return node.script ? runScriptTask(run, move, { ...node, script: node.script }) : enterService(run, move, node);
    case 'businessRuleTask':
      return node.decision ? runBusinessRuleTask(run, move, { ...node, decision: node.decision }) : enterService(run, move, node);
    case 'serviceTask':
      return enterService(run, move, node);
    case 'sendTask': {
      const token = createToken(run, move);
      scheduleActivity(run, token, node, sendHandler(node));
      return armBoundaries(run, token);
    }
    case 'receiveTask': {
      const token = createToken(run, move, 'message');
      if (subscribe(run, node, token.id, 'catch')) armBoundaries(run, token);
      return;
    }
    case 'exclusiveGateway':
      return enterExclusive(run, move, node);
    case 'parallelGateway':
      return enterParallel(run, move, node);
    case 'inclusiveGateway':
      return enterInclusive(run, move, node);
    case 'eventBasedGateway':
      return enterEventGateway(run, move, node);
    case 'complexGateway':
      return unsupported(run, node, 'a complex gateway');
    case 'subProcess':
    case 'transaction':
    case 'adHocSubProcess':
      return enterSubProcess(run, createToken(run, move), node);
    case 'callActivity':
      return enterCallActivity(run, move, node);
  }
}
