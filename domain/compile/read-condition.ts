// A sequence flow's condition as FEEL text: a leading `=` (Camunda 8) is dropped; Camunda 7 JUEL
// and script languages are reported, since Casemap evaluates FEEL only.
import type { CompileContext } from './compile-context.ts';
import { describe, quoted, sentence } from './describe-element.ts';
import { isJuel, isValidFeel, stripFeelMarker } from './feel-syntax.ts';
import { type Element, expressionBody } from './moddle-access.ts';
import { juelToFeel } from '../checks/support/juel-to-feel.ts';

const FEEL_LANGUAGES = new Set(['feel', 'http://www.omg.org/spec/feel/20140401', 'https://www.omg.org/spec/dmn/20191111/feel/']);

/** The converted FEEL when the JUEL is simple enough, else why not (casemap lint --fix uses the same converter). */
function juelSuggestion(body: string): string {
  const converted = juelToFeel(body);
  return converted.ok ? quoted(converted.feel) : `a FEEL expression such as "=amount > 1000" (${quoted(converted.part)} cannot be converted automatically: ${converted.reason})`;
}

export function readCondition(flow: Element, ctx: CompileContext): string | undefined {
  const expression = expressionBody(flow, 'conditionExpression');
  const body = expression?.body;
  if (!expression || body === undefined) return undefined;
  const language = expression.language;
  if (language !== undefined && !FEEL_LANGUAGES.has(language.toLowerCase())) {
    ctx.report({
      code: 'unsupported-expression-language',
      severity: 'warning',
      elementId: flow.id,
      language,
      message: `${sentence(describe(flow))} has a condition written in ${quoted(language)}; Casemap evaluates FEEL, so rewrite it as a FEEL expression.`,
    });
    return body;
  }
  if (isJuel(body)) {
    ctx.report({
      code: 'juel-expression',
      severity: 'warning',
      elementId: flow.id,
      expression: body,
      message: `${sentence(describe(flow))} has the Camunda 7 (JUEL) condition ${quoted(body)}; Casemap evaluates FEEL, so rewrite it as ${juelSuggestion(body)}.`,
    });
    return body;
  }
  const condition = stripFeelMarker(body);
  if (!isValidFeel(condition)) {
    ctx.report({
      code: 'invalid-feel',
      severity: 'error',
      elementId: flow.id,
      expression: body,
      message: `${sentence(describe(flow))} has the condition ${quoted(body)}, which is not valid FEEL; write a FEEL expression such as "=amount > 1000".`,
    });
  }
  return condition;
}
