// Where each waiting token of a case would land under a mapping, and every reason it cannot:
// no target, a target of another kind of wait, a move across sub-process scopes, a parallel join
// that could no longer complete, a required field the case would arrive without.
import type { Node } from '../process/ir.ts';
import { ROOT_SCOPE } from '../engine/empty-state.ts';
import type { EngineState, Token } from '../engine/engine-state.ts';
import type { IrIndex } from '../engine/ir-index.ts';
import type { ElementMapping, MigrationRefusal } from '../contract/migration.ts';
import { reachableFrom, requiredUpFront } from './flow-reach.ts';
import { sameDefinition, waitKindOf, waitsCompatible } from './wait-elements.ts';

export interface Placement {
  /** Each token's id and the element of the new version it lands on (absent when refused). */
  targets: Map<string, Node>;
  refusals: MigrationRefusal[];
}

export function placeTokens(state: EngineState, from: IrIndex, to: IrIndex, mappings: readonly ElementMapping[]): Placement {
  const plan = new Map(mappings.map((mapping) => [mapping.source, mapping.target]));
  const targets = new Map<string, Node>();
  const refusals: MigrationRefusal[] = [];
  const refuse = (refusal: MigrationRefusal) => {
    if (!refusals.some((known) => known.code === refusal.code && known.elementId === refusal.elementId && known.field === refusal.field)) refusals.push(refusal);
  };
  if (state.status !== 'running') {
    refuse({ code: 'not-running', message: `The case has ${state.status === 'failed' ? 'failed' : `been ${state.status}`}: only running cases move.` });
    return { targets, refusals };
  }
  const tokens = Object.values(state.tokens);
  for (const token of tokens) {
    const target = targetOf(token, state, from, to, plan, refuse);
    if (target) targets.set(token.id, target);
  }
  if (refusals.length > 0) return { targets, refusals };
  for (const refusal of joinRefusals(tokens, targets, to)) refuse(refusal);
  for (const refusal of formRefusals(state, targets, to)) refuse(refusal);
  return { targets, refusals };
}

function targetOf(
  token: Token,
  state: EngineState,
  from: IrIndex,
  to: IrIndex,
  plan: Map<string, string | null>,
  refuse: (refusal: MigrationRefusal) => void,
): Node | undefined {
  const mapped = plan.get(token.nodeId);
  if (mapped === undefined || mapped === null) {
    const why = mapped === undefined ? 'the plan does not say where they go' : 'the plan maps it to nothing';
    refuse({ code: 'no-target', elementId: token.nodeId, message: `The case waits at ${from.label(token.nodeId)} and ${why}: choose a target for it.` });
    return undefined;
  }
  const target = to.node(mapped);
  const wait = target && waitKindOf(to, target);
  if (!target || !wait || target.processId !== to.processId) {
    refuse({ code: 'unknown-target', elementId: mapped, message: `The new version has no element "${mapped}" where a case can wait.` });
    return undefined;
  }
  const old = from.node(token.nodeId);
  if (!waitsCompatible(token.wait, wait)) {
    refuse({ code: 'unknown-target', elementId: mapped, message: `The case waits at ${from.label(token.nodeId)} (${describeWait(token.wait)}); ${to.label(mapped)} is ${describeWait(wait)}, which it cannot be moved into.` });
    return undefined;
  }
  if (!sameWork(token.wait, old, target)) {
    refuse({ code: 'unknown-target', elementId: mapped, message: `Work already started at ${from.label(token.nodeId)} can only move to a step that does the same work; ${to.label(mapped)} does other work.` });
    return undefined;
  }
  const host = token.scopeId === ROOT_SCOPE ? undefined : state.tokens[token.scopeId];
  const hostTarget = host ? plan.get(host.nodeId) : undefined;
  // A host with no target is refused on its own account; its inner tokens add nothing to that.
  if (host && (hostTarget === undefined || hostTarget === null)) return target;
  if (target.parentId !== hostTarget) {
    const where = host ? `inside ${from.label(host.nodeId)}` : 'at the top level of the process';
    refuse({ code: 'inside-changed-scope', elementId: mapped, message: `The case waits at ${from.label(token.nodeId)} ${where}; ${to.label(mapped)} is ${target.parentId ? `inside ${to.label(target.parentId)}` : 'at the top level'}, so the move would cross a sub-process boundary.` });
    return undefined;
  }
  return target;
}

/** Running work (a service call, a child case, a join's count) keeps going only where it means the same. */
function sameWork(wait: Token['wait'], old: Node | undefined, target: Node): boolean {
  if (wait === 'activity') return old?.kind === target.kind && sameDefinition(old.service, target.service) && sameDefinition(old.trigger, target.trigger);
  if (wait === 'child-case') return old?.calledElement === target.calledElement;
  if (wait === 'join') return old?.kind === target.kind;
  return true;
}

function describeWait(wait: Token['wait']): string {
  const words: Record<Token['wait'], string> = {
    none: 'a passing step',
    'user-task': 'a task for a person',
    activity: 'an automated step at work',
    timer: 'a timer',
    message: 'a wait for a message',
    'child-case': 'a called process',
    'sub-process': 'a sub-process',
    join: 'a join',
    'event-gateway': 'a wait for whichever event comes first',
    signal: 'a wait for a signal',
    compensation: 'a wait for undo steps to finish',
    'multi-instance': 'a step running once per item',
  };
  return words[wait];
}

/** A parallel join the case's tokens would reach (or wait at) must still be able to receive a token on each incoming path. */
function joinRefusals(tokens: Token[], targets: Map<string, Node>, to: IrIndex): MigrationRefusal[] {
  const refusals: MigrationRefusal[] = [];
  const scopes = new Map<string, Token[]>();
  for (const token of tokens) scopes.set(token.scopeId, [...(scopes.get(token.scopeId) ?? []), token]);
  for (const inScope of scopes.values()) {
    const waiters = inScope.filter((token) => token.wait === 'join');
    const movers = inScope.filter((token) => token.wait !== 'join');
    const joins = new Set<string>(waiters.map((token) => targets.get(token.id)!.id));
    for (const mover of movers) for (const id of reachableFrom(to, targets.get(mover.id)!.id)) if (isParallelJoin(to, id)) joins.add(id);
    for (const joinId of joins) {
      if (!isParallelJoin(to, joinId)) continue;
      const incoming = to.incoming(joinId);
      const arrived = waiters.filter((token) => targets.get(token.id)!.id === joinId);
      for (const token of arrived) {
        if (incoming.some((flow) => flow.id === token.via)) continue;
        refusals.push({ code: 'join-would-deadlock', elementId: joinId, message: `A branch of the case has reached ${to.label(joinId)} by the path "${token.via ?? '?'}", which does not lead to it in the new version, so the join would wait for it for ever.` });
      }
      for (const flow of incoming) {
        if (arrived.some((token) => token.via === flow.id)) continue;
        if (movers.some((mover) => reachableFrom(to, targets.get(mover.id)!.id).has(flow.source))) continue;
        refusals.push({ code: 'join-would-deadlock', elementId: joinId, message: `${to.label(joinId)} waits for a branch by the path "${flow.name ?? flow.id}", but no branch of this case can still arrive there, so the case would stop at the join.` });
      }
    }
  }
  return refusals;
}

function isParallelJoin(index: IrIndex, nodeId: string): boolean {
  return index.node(nodeId)?.kind === 'parallelGateway' && index.incoming(nodeId).length > 1;
}

/** Required fields of the steps every case passes before the target, which this case lacks. */
function formRefusals(state: EngineState, targets: Map<string, Node>, to: IrIndex): MigrationRefusal[] {
  const refusals: MigrationRefusal[] = [];
  for (const target of targets.values()) {
    for (const { taskId, field } of requiredUpFront(to, target)) {
      if (state.data[field.name] !== undefined) continue;
      refusals.push({
        code: 'missing-form-data',
        elementId: taskId,
        field: field.name,
        message: `In the new version every case reaches ${to.label(target.id)} through ${to.label(taskId)}, which asks for "${field.label}" (${field.name}); this case has no ${field.name}.`,
      });
    }
  }
  return refusals;
}
