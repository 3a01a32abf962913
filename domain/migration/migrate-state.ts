// Moves one case's engine state from one version of its process to another under a mapping: each
// waiting token moves to its mapped element keeping its id; what it waited on is kept where the
// definition is unchanged and re-armed where it is not. Pure: either the refusals, or the new
// state with the commands the workflow carries out (close/open tasks, cancel/start timers,
// unsubscribe/subscribe) and a preview of what changed.
import type { Node, ProcessIR } from '../process/ir.ts';
import type { EngineCommand } from '../engine/contract.ts';
import { calendarAddDuration, resolveDeadline } from '../engine/deadlines.ts';
import type { AddDuration, EngineState, Token } from '../engine/engine-state.ts';
import { indexIr, type IrIndex } from '../engine/ir-index.ts';
import { copyJson, emit, isRunning, openRun, type Run } from '../engine/run.ts';
import { releaseWaits } from '../engine/scopes.ts';
import { cancelTimersOf, planTimer, startTimer } from '../engine/timers.ts';
import { subscribe } from '../engine/messages.ts';
import { openUserTask } from '../engine/user-tasks.ts';
import { isInterrupting } from '../engine/boundary-events.ts';
import type { CaseMigrationPreview, ElementMapping, MigrationRefusal } from '../contract/migration.ts';
import { placeTokens } from './place-tokens.ts';
import { unsupportedState } from './unsupported-state.ts';
import { sameDefinition, waitKindOf } from './wait-elements.ts';

export interface MigrateStateInput {
  state: EngineState;
  from: ProcessIR;
  to: ProcessIR;
  mappings: readonly ElementMapping[];
  now: string;
  addDuration?: AddDuration;
}

export type MigrateStateResult =
  | { ok: false; refusals: MigrationRefusal[]; preview: CaseMigrationPreview }
  | { ok: true; state: EngineState; commands: EngineCommand[]; preview: CaseMigrationPreview };

export function migrateState(input: MigrateStateInput): MigrateStateResult {
  const from = indexIr(input.from);
  const to = indexIr(input.to);
  const placed = placeTokens(input.state, from, to, input.mappings);
  const { targets } = placed;
  const refusals = [...unsupportedState(input.state, to), ...placed.refusals];
  const moves = Object.values(input.state.tokens).map((token) => ({ from: token.nodeId, to: targets.get(token.id)?.id ?? null }));
  const refused = (found: MigrationRefusal[]): MigrateStateResult => ({ ok: false, refusals: found, preview: emptyPreview(input.state.caseId, moves, found) });
  if (refusals.length > 0) return refused(refusals);

  const run = openRun(to, input.state, input.now, input.addDuration ?? calendarAddDuration);
  run.state.processId = to.processId;
  for (const token of Object.values(run.state.tokens)) {
    moveToken(run, from, token, targets.get(token.id)!);
    if (!isRunning(run)) break;
  }
  if (!isRunning(run)) {
    // Arming a wait read case data it could not use (a timer date, say): the case would fail on arrival.
    const failure = run.state.failure;
    return refused([{ code: 'unknown-target', ...(failure?.nodeId ? { elementId: failure.nodeId } : {}), message: failure?.reason ?? 'The case cannot wait where the plan puts it.' }]);
  }
  return { ok: true, state: run.state, commands: run.commands, preview: previewOf(input.state, run, moves) };
}

function moveToken(run: Run, from: IrIndex, token: Token, target: Node): void {
  const old = from.node(token.nodeId);
  const wait = waitKindOf(run.ir, target)!;
  token.nodeId = target.id;
  if (wait === token.wait) keepWait(run, from, token, old, target);
  else {
    releaseWaits(run, token, 'cancelled');
    armWait(run, token, target);
  }
  if (isRunning(run)) rearmBoundaries(run, from, token, old, target);
}

/** The same kind of wait: keep what is unchanged, re-arm what the new version defines differently. */
function keepWait(run: Run, from: IrIndex, token: Token, old: Node | undefined, target: Node): void {
  const s = run.state;
  switch (token.wait) {
    case 'user-task':
      return keepTask(run, token, old, target);
    case 'timer': {
      const sameTimer = old?.trigger?.type === 'timer' && target.trigger?.type === 'timer' && sameDefinition(old.trigger.timer, target.trigger.timer);
      if (sameTimer) {
        for (const timer of Object.values(s.timers)) if (timer.tokenId === token.id && timer.purpose === 'intermediate') timer.nodeId = target.id;
        return;
      }
      cancelTimersOf(run, token.id, 'intermediate');
      return armWait(run, token, target);
    }
    case 'message': {
      const catches = Object.values(s.subscriptions).filter((sub) => sub.tokenId === token.id && sub.purpose === 'catch');
      if (catches.length > 0 && sameDefinition(old?.trigger, target.trigger)) {
        for (const sub of catches) sub.nodeId = target.id;
        return;
      }
      for (const sub of catches) unsubscribe(run, sub.subscriptionId);
      return armWait(run, token, target);
    }
    case 'event-gateway':
      return rearmGateway(run, from, token, target);
    case 'activity':
      if (s.activities[token.id]) s.activities[token.id]!.nodeId = target.id;
      return;
    case 'child-case':
      if (s.childCases[token.id]) s.childCases[token.id]!.nodeId = target.id;
      return;
    default:
      // A sub-process host or a token at a join: its work is the tokens it holds or awaits.
      return;
  }
}

/** Arms the wait of an element a token arrives at, as entering it would (without passing through). */
function armWait(run: Run, token: Token, target: Node): void {
  const trigger = target.trigger;
  switch (waitKindOf(run.ir, target)) {
    case 'user-task':
      return openUserTask(run, token, target);
    case 'timer': {
      if (trigger?.type !== 'timer') return;
      token.wait = 'timer';
      const plan = planTimer(run, trigger.timer, target.id);
      if (plan) startTimer(run, target.id, 'intermediate', token.id, { fireAt: plan.fireAt });
      return;
    }
    case 'message':
      token.wait = 'message';
      subscribe(run, target, token.id, 'catch');
      return;
    case 'event-gateway':
      token.wait = 'event-gateway';
      return rearmGateway(run, undefined, token, target);
  }
}

/** An open task keeps its id, claim, assignee and handoff; it takes the new step's name, form, team and role. */
function keepTask(run: Run, token: Token, old: Node | undefined, target: Node): void {
  const s = run.state;
  const task = s.userTasks[token.id];
  if (!task) return openUserTask(run, token, target);
  task.nodeId = target.id;
  task.name = target.name ?? target.id;
  task.form = copyJson(target.form);
  if (target.owner?.role === undefined) delete task.role;
  else task.role = target.owner.role;
  const team = target.owner?.team ?? run.ir.laneTeam(target.laneId);
  if (team !== undefined && team !== task.team) {
    const before = task.team;
    task.team = team;
    // The case goes with the task when the team holding it owned the case.
    if (s.owner === before) {
      s.owner = team;
      emit(run, { kind: 'ownership-changed', nodeId: target.id, fromTeam: before, toTeam: team });
    }
  }
  for (const timer of Object.values(s.timers)) if (timer.tokenId === token.id && (timer.purpose === 'sla' || timer.purpose === 'handoff')) timer.nodeId = target.id;
  if (sameDefinition(old?.sla, target.sla)) return;
  cancelTimersOf(run, token.id, 'sla');
  delete task.dueAt;
  const dueAt = target.sla ? resolveDeadline(run, target.sla) : undefined;
  if (dueAt === undefined) return;
  task.dueAt = dueAt;
  startTimer(run, target.id, 'sla', token.id, { fireAt: dueAt });
}

/** Boundary timers and message waits of the element: kept where the boundary is the same, else started again. */
function rearmBoundaries(run: Run, from: IrIndex, token: Token, old: Node | undefined, target: Node): void {
  const events = run.ir.boundaries(target.id).map((boundary) => {
    const before = from.node(boundary.id);
    return { node: boundary, same: before?.attachedTo === old?.id && sameDefinition(before?.trigger, boundary.trigger) && before?.cancelActivity === boundary.cancelActivity };
  });
  keepOrArm(run, token, 'boundary', events);
}

/** The catch events after an event-based gateway: each kept where it is the same event, else armed anew. */
function rearmGateway(run: Run, from: IrIndex | undefined, token: Token, target: Node): void {
  const events = run.ir.outgoing(target.id).flatMap((flow) => {
    const next = run.ir.node(flow.target);
    return next ? [{ node: next, same: from !== undefined && sameDefinition(from.node(next.id)?.trigger, next.trigger) }] : [];
  });
  keepOrArm(run, token, 'event-gateway', events);
}

/** A token's timers and message waits of one purpose, kept for each unchanged event and started for each other; the rest dropped. */
function keepOrArm(run: Run, token: Token, purpose: 'boundary' | 'event-gateway', events: { node: Node; same: boolean }[]): void {
  const s = run.state;
  const kept = new Set<string>();
  for (const { node, same } of events) {
    const trigger = node.trigger;
    if (trigger?.type === 'timer') {
      const running = Object.values(s.timers).filter((timer) => timer.tokenId === token.id && timer.purpose === purpose && timer.nodeId === node.id);
      if (same && running.length > 0) {
        for (const timer of running) kept.add(timer.timerId);
        continue;
      }
      const plan = planTimer(run, trigger.timer, node.id);
      if (!plan) return;
      // An interrupting boundary timer can only fire once, whatever its cycle says.
      if (purpose === 'boundary' && isInterrupting(node)) delete plan.cycle;
      kept.add(startTimer(run, node.id, purpose, token.id, plan).timerId);
    } else if (trigger?.type === 'message') {
      const waiting = Object.values(s.subscriptions).filter((sub) => sub.tokenId === token.id && sub.purpose === purpose && sub.nodeId === node.id);
      if (same && waiting.length > 0) {
        for (const sub of waiting) kept.add(sub.subscriptionId);
        continue;
      }
      const sub = subscribe(run, node, token.id, purpose);
      if (sub) kept.add(sub.subscriptionId);
    }
  }
  for (const timer of Object.values(s.timers)) {
    if (timer.tokenId !== token.id || timer.purpose !== purpose || kept.has(timer.timerId)) continue;
    run.commands.push({ type: 'cancelTimer', timerId: timer.timerId });
    delete s.timers[timer.timerId];
  }
  for (const sub of Object.values(s.subscriptions)) if (sub.tokenId === token.id && sub.purpose === purpose && !kept.has(sub.subscriptionId)) unsubscribe(run, sub.subscriptionId);
}

function unsubscribe(run: Run, subscriptionId: string): void {
  run.commands.push({ type: 'unsubscribeMessage', subscriptionId });
  delete run.state.subscriptions[subscriptionId];
}

type Moves = CaseMigrationPreview['moves'];

function emptyPreview(caseId: string, moves: Moves, refusals: MigrationRefusal[]): CaseMigrationPreview {
  return { caseId, migratable: refusals.length === 0, refusals, moves, tasksKept: [], tasksClosed: [], tasksOpened: [], timersKept: [], timersRestarted: [] };
}

/** What changed, read from the states before and after and the commands the move issued. */
function previewOf(before: EngineState, run: Run, moves: Moves): CaseMigrationPreview {
  const after = run.state;
  const preview = emptyPreview(before.caseId, moves, []);
  for (const task of Object.values(after.userTasks)) {
    const was = before.userTasks[task.taskId];
    if (was) preview.tasksKept.push({ taskId: task.taskId, from: was.nodeId, to: task.nodeId });
  }
  for (const timer of Object.values(after.timers)) if (before.timers[timer.timerId]) preview.timersKept.push({ nodeId: timer.nodeId, fireAt: timer.fireAt });
  for (const command of run.commands) {
    if (command.type === 'closeUserTask') preview.tasksClosed.push({ taskId: command.taskId, nodeId: before.userTasks[command.taskId]?.nodeId ?? '' });
    else if (command.type === 'openUserTask') preview.tasksOpened.push({ nodeId: command.nodeId });
    else if (command.type === 'startTimer') preview.timersRestarted.push({ nodeId: command.nodeId });
  }
  return preview;
}
