// FEEL syntax checking with feelin, the FEEL implementation bpmn-io uses. Expressions are only
// parsed, never evaluated: lint runs on untrusted diagrams and has no case data.
import { parseExpression } from 'feelin';

/** `=amount > 100` and `amount > 100` are both the FEEL expression `amount > 100`. */
export function stripFeelMarker(value: string): string {
  return value.trim().startsWith('=') ? value.trim().slice(1).trim() : value.trim();
}

/** Camunda 7 wrote conditions in JUEL (`${amount > 100}`); Casemap evaluates FEEL only. */
export function isJuel(value: string): boolean {
  return /^\s*[$#]\{[\s\S]*\}\s*$/.test(value);
}

/** Undefined when the expression parses; otherwise where the parser got stuck, for a message. */
export function feelSyntaxProblem(expression: string): string | undefined {
  if (expression.trim() === '') return 'the expression is empty';
  let errorAt: number | undefined;
  try {
    parseExpression(expression, {}, undefined).iterate({
      enter(node) {
        if (errorAt === undefined && node.type.isError) errorAt = node.from;
        return errorAt === undefined;
      },
    });
  } catch (error) {
    return error instanceof Error ? error.message : 'it cannot be parsed';
  }
  if (errorAt === undefined) return undefined;
  const rest = expression.slice(errorAt).trim();
  return rest === '' ? 'it ends too early' : `it cannot be read from "${rest.length > 20 ? `${rest.slice(0, 20)}…` : rest}"`;
}
