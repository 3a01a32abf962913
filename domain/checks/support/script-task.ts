// What a script task asks Casemap to run: a FEEL expression and the case data field its result goes
// to (`zeebe:script`, or a standard script with scriptFormat "feel" and camunda:resultVariable).
import { extensionValues, is, text, type BpmnElement } from './bpmn-element.ts';

export type ScriptOfTask =
  | { readonly kind: 'feel'; readonly expression: string; readonly resultVariable?: string }
  | { readonly kind: 'other'; readonly language?: string };

export function scriptOfTask(task: BpmnElement): ScriptOfTask {
  const zeebe = extensionValues(task).find((value) => is(value, 'zeebe:Script'));
  const zeebeExpression = text(zeebe, 'expression');
  if (zeebeExpression) return { kind: 'feel', expression: zeebeExpression, ...optional(text(zeebe, 'resultVariable')) };
  const format = text(task, 'scriptFormat');
  const body = text(task, 'script');
  if (format?.toLowerCase() === 'feel' && body) return { kind: 'feel', expression: body, ...optional(text(task, 'camunda:resultVariable')) };
  return format === undefined ? { kind: 'other' } : { kind: 'other', language: format };
}

const optional = (resultVariable: string | undefined): { resultVariable?: string } => (resultVariable ? { resultVariable } : {});
