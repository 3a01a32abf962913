// Multi-instance steps (BPMN's parallel and sequential markers, Zeebe's loopCharacteristics). On
// entry a body token takes the step and reads its input collection (or loop cardinality) once; its
// scope holds one instance token per item, each with its own local variables (the input element and
// loopCounter), so parallel instances never overwrite each other's item or output element. Boundary
// events are armed on the body: an interrupting one cancels every instance. When the body's scope
// is idle the next sequential instance starts, or the body leaves with its output collection.
import type { Node } from '../process/ir.ts';
import { armBoundaries } from './boundary-events.ts';
import { asCaseValue } from './case-value.ts';
import { failCase } from './case-outcome.ts';
import type { Token } from './engine-state.ts';
import { evaluateFeel } from './feel.ts';
import { isRunning, type Move, type Run } from './run.ts';
import { tokensIn } from './scopes.ts';
import { createToken, enqueue, leaveToken } from './tokens.ts';
import { storeData, visibleData } from './variables.ts';

/**
 * Most instances one step may run. Each instance is a token, a task or an activity in the case's
 * state and a few events in its workflow history; past this a case would outgrow both (docs/bpmn-elements.md).
 */
export const MAX_INSTANCES = 1_000;

/** A move into a body's own scope on the body's step is one of its instances, not a new body. */
export function isInstanceMove(run: Run, move: Move): boolean {
  const host = run.state.tokens[move.scopeId];
  return host?.loop !== undefined && host.nodeId === move.nodeId;
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The items to run over, as case data; undefined when the case failed because they cannot be read. */
function itemsOf(run: Run, body: Token, node: Node): unknown[] | undefined {
  const spec = node.instances ?? {};
  const label = run.ir.label(node.id);
  const data = visibleData(run, { scopeId: body.scopeId });
  const expression = spec.inputCollection ?? spec.cardinality;
  if (expression === undefined) {
    failCase(run, `${label} runs once per item but does not say over what: set its input collection (a list in the case data) or its loop cardinality.`, node.id);
    return undefined;
  }
  const what = spec.inputCollection !== undefined ? 'input collection' : 'loop cardinality';
  const outcome = evaluateFeel(expression, data, run.now);
  if (!outcome.ok) {
    failCase(run, `The ${what} of ${label}, "${expression}", cannot be read: ${outcome.error}`, node.id);
    return undefined;
  }
  const value = outcome.value;
  const size = Array.isArray(value) ? value.length : typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
  if (size === undefined || (spec.inputCollection !== undefined && !Array.isArray(value))) {
    const wanted = spec.inputCollection !== undefined ? 'a list' : 'a whole number of instances';
    failCase(run, `The ${what} of ${label}, "${expression}", gave ${JSON.stringify(asCaseValue(value) ?? null)} for this case, not ${wanted}.`, node.id);
    return undefined;
  }
  if (size > MAX_INSTANCES) {
    failCase(
      run,
      `${label} would run ${size} instances; Casemap runs at most ${MAX_INSTANCES} instances of one step: split the list, or start a case per item.`,
      node.id,
    );
    return undefined;
  }
  return Array.isArray(value) ? value.map((item) => asCaseValue(item) ?? null) : new Array<unknown>(size).fill(null);
}

function startInstance(run: Run, body: Token, node: Node, item: unknown): void {
  const loop = body.loop;
  if (!loop) return;
  loop.started += 1;
  const spec = node.instances ?? {};
  const vars: Record<string, unknown> = {};
  // A local output element, so each instance's answer lands in its own scope, as in Zeebe.
  if (spec.outputElement !== undefined && VARIABLE_NAME.test(spec.outputElement)) vars[spec.outputElement] = null;
  if (spec.inputElement !== undefined) vars[spec.inputElement] = item;
  vars.loopCounter = loop.started;
  enqueue(run, { nodeId: node.id, scopeId: body.id, forks: [], vars });
}

/** Enters a multi-instance step: the body takes the step, arms its boundaries and starts its first instances. */
export function enterMultiInstance(run: Run, move: Move, node: Node): void {
  const body = createToken(run, move, 'multi-instance');
  const items = itemsOf(run, body, node);
  if (!items) return;
  const sequential = node.multiInstance === 'sequential';
  body.loop = { count: items.length, started: 0, completed: 0 };
  if (sequential && node.instances?.inputCollection !== undefined) body.loop.items = items;
  if (node.instances?.outputCollection !== undefined) body.loop.outputs = items.map(() => null);
  armBoundaries(run, body);
  if (!isRunning(run)) return;
  const first = sequential ? Math.min(1, items.length) : items.length;
  for (let i = 0; i < first; i += 1) startInstance(run, body, node, items[i]);
}

/**
 * Moves one idle body on (true: more moves may follow): starts its next sequential instance, or,
 * when all have run or its completion condition held, stores its output collection and leaves.
 */
export function advanceLoops(run: Run): boolean {
  for (const body of Object.values(run.state.tokens)) {
    const loop = body.loop;
    const node = loop && run.ir.node(body.nodeId);
    if (!loop || !node || tokensIn(run, body.id).length > 0) continue;
    if (!loop.done && loop.started < loop.count) {
      startInstance(run, body, node, loop.items?.[loop.started] ?? null);
      return true;
    }
    const name = node.instances?.outputCollection;
    if (name !== undefined) storeData(run, { scopeId: body.scopeId }, { [name]: loop.outputs ?? [] });
    leaveToken(run, body);
    return true;
  }
  return false;
}
