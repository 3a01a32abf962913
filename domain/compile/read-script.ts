// A script task's script: Casemap runs FEEL (a `zeebe:script` expression, or a standard script with
// scriptFormat "feel" and camunda:resultVariable) into a case data field; other languages never run.
import type { Node } from '../process/ir.ts';
import type { CompileContext } from './compile-context.ts';
import { describe, quoted, sentence } from './describe-element.ts';
import { isValidFeel, stripFeelMarker } from './feel-syntax.ts';
import { type Element, extension, text } from './moddle-access.ts';

export type ScriptSource =
  | { readonly kind: 'feel'; readonly expression: string; readonly resultVariable?: string }
  | { readonly kind: 'other'; readonly language?: string };

export function scriptSource(element: Element): ScriptSource {
  const zeebe = extension(element, 'zeebe:Script');
  const zeebeExpression = zeebe && text(zeebe, 'expression');
  if (zeebe && zeebeExpression) return withResult(zeebeExpression, text(zeebe, 'resultVariable'));
  const format = text(element, 'scriptFormat');
  const body = text(element, 'script');
  if (format?.toLowerCase() === 'feel' && body) return withResult(body, text(element, 'camunda:resultVariable'));
  return format === undefined ? { kind: 'other' } : { kind: 'other', language: format };
}

const withResult = (expression: string, resultVariable: string | undefined): ScriptSource =>
  resultVariable ? { kind: 'feel', expression, resultVariable } : { kind: 'feel', expression };

/** Why the script task cannot run, or undefined when it is a FEEL script with a result variable. */
export function scriptProblem(element: Element): string | undefined {
  const source = scriptSource(element);
  if (source.kind === 'feel') return source.resultVariable ? undefined : 'FEEL script tasks without a result variable; name the case data field its value is stored in (zeebe:script resultVariable)';
  const language = source.language ? ` in ${quoted(source.language)}` : ' without a FEEL expression';
  return `script tasks${language}, only FEEL scripts (a zeebe:script expression and result variable); write the script as FEEL, or use a service task with a handler`;
}

/** The script the engine evaluates; an expression that does not parse is reported and not run. */
export function readScript(element: Element, ctx: CompileContext): Node['script'] {
  const source = scriptSource(element);
  if (source.kind !== 'feel' || !source.resultVariable) return undefined;
  const expression = stripFeelMarker(source.expression);
  if (!isValidFeel(expression)) {
    ctx.report({
      code: 'invalid-feel',
      severity: 'error',
      elementId: element.id,
      expression: source.expression,
      message: `${sentence(describe(element))} has the script ${quoted(source.expression)}, which is not valid FEEL; write a FEEL expression such as "=count(dependants)".`,
    });
    return undefined;
  }
  return { expression, resultVariable: source.resultVariable };
}
