// One instance of a multi-instance step: which instance a token is (for its task's "2 of 5 done"),
// and what an instance's completion does to its body: gather its output element in instance order,
// count it, and check the completion condition, cancelling the open instances when it holds.
// Starting the next sequential instance and leaving the body are multi-instance.ts's, once the
// body's scope is idle; this module sits below tokens.ts, which calls it when an instance leaves.
import { asCaseValue } from './case-value.ts';
import { failCase } from './case-outcome.ts';
import type { CaseData } from './contract.ts';
import type { LoopBody, OpenTask, Token } from './engine-state.ts';
import { conditionHolds, evaluateFeel } from './feel.ts';
import type { Run } from './run.ts';
import { cancelScope, hostOf, loopBodyOf } from './scopes.ts';
import { visibleData } from './variables.ts';

/** The innermost multi-instance instance a token is or sits in, with its body. */
export function enclosingInstance(run: Run, token: Token): { body: Token; instance: Token } | undefined {
  for (let at: Token | undefined = token; at; at = hostOf(run, at.scopeId)) {
    const body = loopBodyOf(run, at);
    if (body) return { body, instance: at };
  }
  return undefined;
}

/** An instance's number, from 1: its loopCounter, which the body set when it started it. */
export function loopCounterOf(instance: Token): number {
  const counter = instance.vars?.loopCounter;
  return typeof counter === 'number' && Number.isInteger(counter) && counter >= 1 ? counter : 1;
}

/** What a task inside a multi-instance step shows: which instance it belongs to, of how many, how many are done. */
export function instanceProgress(run: Run, token: Token): OpenTask['instance'] {
  const found = enclosingInstance(run, token);
  const loop = found?.body.loop;
  if (!found || !loop || loop.count === 0) return undefined;
  return { index: loopCounterOf(found.instance), count: loop.count, completed: loop.completed, bodyId: found.body.id };
}

/** The variables a completion condition reads besides the instance's own: Zeebe's names and Camunda 7's. */
function counters(loop: LoopBody): CaseData {
  const active = loop.started - loop.completed;
  return {
    numberOfInstances: loop.count,
    numberOfCompletedInstances: loop.completed,
    numberOfActiveInstances: active,
    nrOfInstances: loop.count,
    nrOfCompletedInstances: loop.completed,
    nrOfActiveInstances: active,
  };
}

function gatherOutput(run: Run, body: Token, instance: Token, data: CaseData): boolean {
  const loop = body.loop;
  const expression = run.ir.node(body.nodeId)?.instances?.outputElement;
  if (!loop?.outputs || expression === undefined) return true;
  const outcome = evaluateFeel(expression, data, run.now);
  const value = outcome.ok ? asCaseValue(outcome.value) : undefined;
  if (value === undefined) {
    const why = outcome.ok ? 'it gave a value that cannot be stored as case data (a function or a range)' : outcome.error;
    failCase(run, `The output element of ${run.ir.label(body.nodeId)}, "${expression}", cannot be read for instance ${loopCounterOf(instance)}: ${why}.`, body.nodeId);
    return false;
  }
  const slot = loopCounterOf(instance) - 1;
  if (slot < loop.outputs.length) loop.outputs[slot] = value;
  return true;
}

/** Called once an instance's token is gone: counts it, keeps its output, and may end the body early. */
export function finishInstance(run: Run, body: Token, instance: Token): void {
  const loop = body.loop;
  if (!loop) return;
  loop.completed += 1;
  const data = { ...visibleData(run, { scopeId: instance.scopeId }), ...instance.vars };
  if (!gatherOutput(run, body, instance, data)) return;
  for (const task of Object.values(run.state.userTasks)) {
    const token = run.state.tokens[task.taskId];
    if (task.instance && token && enclosingInstance(run, token)?.body === body) task.instance.completed = loop.completed;
  }
  const condition = run.ir.node(body.nodeId)?.instances?.completionCondition;
  if (condition === undefined) return;
  const holds = conditionHolds(condition, { ...data, ...counters(loop) }, run.now);
  if (!holds.ok) {
    failCase(run, `The completion condition of ${run.ir.label(body.nodeId)}, "${condition}", cannot be read: ${holds.error}`, body.nodeId);
    return;
  }
  if (!holds.value) return;
  // Enough instances are done: the rest are cancelled (their tasks, timers and child cases with them).
  loop.done = true;
  cancelScope(run, body.id);
}
