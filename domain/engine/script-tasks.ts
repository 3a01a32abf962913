// FEEL script tasks (Zeebe's `zeebe:script`): the step evaluates its expression over case data
// with the bounded FEEL evaluator and stores the value in its result variable, then moves on.
// Nothing is ever run as code: a script in any other language is refused by the compiler.
import type { Node } from '../process/ir.ts';
import { asCaseValue } from './case-value.ts';
import { failCase } from './case-outcome.ts';
import { evaluateFeel } from './feel.ts';
import type { Move, Run } from './run.ts';
import { createToken, leaveToken } from './tokens.ts';
import { storeData, visibleData } from './variables.ts';

export function runScriptTask(run: Run, move: Move, node: Node & { script: NonNullable<Node['script']> }): void {
  const token = createToken(run, move);
  const { expression, resultVariable } = node.script;
  const outcome = evaluateFeel(expression, visibleData(run, token), run.now);
  if (!outcome.ok) {
    failCase(run, `The script of ${run.ir.label(node.id)} could not be evaluated: ${outcome.error}`, node.id);
    return;
  }
  const value = asCaseValue(outcome.value);
  if (value === undefined) {
    failCase(run, `The script of ${run.ir.label(node.id)} gave a value that cannot be stored as case data (a function or a range): change it to give a number, text, date, list or context.`, node.id);
    return;
  }
  storeData(run, token, { [resultVariable]: value });
  leaveToken(run, token);
}
