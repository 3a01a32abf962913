// Applies one event from the shell to a case. Pure: the given state is never changed; an event that
// does not apply (stale task, withdrawn timer…) is rejected with a reason and changes nothing.
import type { ProcessIR } from '../process/ir.ts';
import { fireBoundary, isInterrupting } from './boundary-events.ts';
import { cancelCase } from './case-outcome.ts';
import type { EngineEvent, StepResult } from './contract.ts';
import { calendarAddDuration } from './deadlines.ts';
import { ROOT_SCOPE } from './empty-state.ts';
import type { EngineOptions, EngineState } from './engine-state.ts';
import { raiseError } from './errors-and-escalations.ts';
import { winEventGateway } from './event-gateway.ts';
import { isInterruptingStart, keyEventSubProcessStarts, startEventSubProcess } from './event-sub-processes.ts';
import { indexIr } from './ir-index.ts';
import { emit, isRunning, openRun, type Run } from './run.ts';
import { receiveSignal } from './signals.ts';
import { rearmCycle, reportReminder } from './timers.ts';
import { drain } from './drain.ts';
import { leaveToken } from './tokens.ts';
import { acceptHandoff, claimTask, completeTask, reassignTask, returnTask } from './task-actions.ts';
import { reportOverdue } from './user-tasks.ts';
import { storeData } from './variables.ts';

type Handler<T extends EngineEvent['type']> = (run: Run, event: Extract<EngineEvent, { type: T }>) => string | undefined;

const activityCompleted: Handler<'activityCompleted'> = (run, event) => {
  const token = run.state.tokens[event.taskId];
  if (!run.state.activities[event.taskId] || !token) return `No activity "${event.taskId}" is running.`;
  delete run.state.activities[event.taskId];
  storeData(run, token, event.output);
  leaveToken(run, token);
  return undefined;
};

const activityFailed: Handler<'activityFailed'> = (run, event) => {
  const activity = run.state.activities[event.taskId];
  const token = run.state.tokens[event.taskId];
  if (!activity || !token) return `No activity "${event.taskId}" is running.`;
  delete run.state.activities[event.taskId];
  raiseError(run, { nodeId: activity.nodeId, scopeId: token.scopeId, tokenId: token.id }, event.errorCode, event.message);
  return undefined;
};

const timerFired: Handler<'timerFired'> = (run, event) => {
  const timer = run.state.timers[event.timerId];
  if (!timer) return `No timer "${event.timerId}" is running: it may have fired already or been cancelled.`;
  delete run.state.timers[timer.timerId];
  emit(run, { kind: 'timer-fired', nodeId: timer.nodeId, timerId: timer.timerId });
  if (timer.purpose === 'event-sub-process') {
    const start = run.ir.node(timer.nodeId);
    if (start) startEventSubProcess(run, start, timer.tokenId, timer);
    return undefined;
  }
  const token = run.state.tokens[timer.tokenId];
  if (!token) return undefined;
  switch (timer.purpose) {
    case 'boundary': {
      const boundary = run.ir.node(timer.nodeId);
      if (!boundary) return undefined;
      if (!isInterrupting(boundary)) {
        reportReminder(run, timer, token);
        rearmCycle(run, timer);
      }
      fireBoundary(run, boundary, token);
      return undefined;
    }
    case 'intermediate':
      leaveToken(run, token);
      return undefined;
    case 'event-gateway':
      winEventGateway(run, token.id, timer.nodeId);
      return undefined;
    case 'sla':
    case 'handoff':
      reportOverdue(run, token.id, timer.nodeId, timer.purpose);
      return undefined;
    case 'watchdog':
      return undefined;
  }
};

const messageReceived: Handler<'messageReceived'> = (run, event) => {
  const sub = run.state.subscriptions[event.subscriptionId];
  if (!sub || sub.keyPending) return `No step is waiting on subscription "${event.subscriptionId}".`;
  if (sub.messageName !== event.messageName) {
    return `Subscription "${sub.subscriptionId}" waits for the message "${sub.messageName}", not "${event.messageName}".`;
  }
  const token = run.state.tokens[sub.tokenId];
  const node = run.ir.node(sub.nodeId);
  // An event sub-process's start listens for its scope, which is no token when it is the process.
  const forScope = sub.purpose === 'event-sub-process';
  if ((!token && !forScope) || !node) return `No step is waiting on subscription "${event.subscriptionId}".`;
  // A non-interrupting message boundary or event sub-process start keeps listening.
  const keep = (sub.purpose === 'boundary' && !isInterrupting(node)) || (forScope && !isInterruptingStart(node));
  if (!keep) delete run.state.subscriptions[sub.subscriptionId];
  // A start of the process's own event sub-process has no token: its data is the case's.
  storeData(run, token ?? { scopeId: ROOT_SCOPE }, event.data);
  emit(run, { kind: 'message-correlated', nodeId: sub.nodeId, messageName: sub.messageName });
  if (forScope) startEventSubProcess(run, node, sub.tokenId);
  else if (!token) return undefined;
  else if (sub.purpose === 'catch') leaveToken(run, token);
  else if (sub.purpose === 'boundary') fireBoundary(run, node, token);
  else winEventGateway(run, token.id, sub.nodeId);
  return undefined;
};

const childCaseCompleted: Handler<'childCaseCompleted'> = (run, event) => {
  const token = run.state.tokens[event.childId];
  if (!run.state.childCases[event.childId] || !token) return `No child case "${event.childId}" is running.`;
  delete run.state.childCases[event.childId];
  storeData(run, token, event.data);
  leaveToken(run, token);
  return undefined;
};

const childCaseFailed: Handler<'childCaseFailed'> = (run, event) => {
  const child = run.state.childCases[event.childId];
  const token = run.state.tokens[event.childId];
  if (!child || !token) return `No child case "${event.childId}" is running.`;
  delete run.state.childCases[event.childId];
  raiseError(run, { nodeId: child.nodeId, scopeId: token.scopeId, tokenId: token.id }, event.errorCode, event.reason);
  return undefined;
};

function apply(run: Run, event: EngineEvent): string | undefined {
  switch (event.type) {
    case 'userTaskCompleted':
      return completeTask(run, event);
    case 'taskClaimed':
      return claimTask(run, event);
    case 'taskReturned':
      return returnTask(run, event);
    case 'taskReassigned':
      return reassignTask(run, event);
    case 'handoffAccepted':
      return acceptHandoff(run, event);
    case 'activityCompleted':
      return activityCompleted(run, event);
    case 'activityFailed':
      return activityFailed(run, event);
    case 'timerFired':
      return timerFired(run, event);
    case 'messageReceived':
      return messageReceived(run, event);
    case 'signalReceived':
      return receiveSignal(run, event);
    case 'childCaseCompleted':
      return childCaseCompleted(run, event);
    case 'childCaseFailed':
      return childCaseFailed(run, event);
    case 'cancel':
      cancelCase(run);
      return undefined;
  }
}

export function step(
  ir: ProcessIR,
  state: EngineState,
  event: EngineEvent,
  now: string,
  options: EngineOptions = {},
): StepResult<EngineState> {
  if (state.status !== 'running') return { state, commands: [], rejected: `The case is ${state.status} and takes no more events.` };
  const run = openRun(indexIr(ir), state, now, options.addDuration ?? calendarAddDuration);
  const rejected = apply(run, event);
  if (rejected !== undefined) return { state, commands: [], rejected };
  drain(run);
  if (isRunning(run)) keyEventSubProcessStarts(run);
  return { state: run.state, commands: run.commands };
}
